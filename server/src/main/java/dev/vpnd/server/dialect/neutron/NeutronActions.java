package dev.vpnd.server.dialect.neutron;

import dev.vpnd.server.dialect.ActionTable;
import java.util.HashMap;

/**
 * Every action vpnd's Neutron answers, by the name {@link NeutronCall#action} gives it: each kind's
 * list, show, create, update and delete, the routers' interface actions, the extensions and the
 * version documents. A method the table lacks for a resource is 405.
 */
enum NeutronActions {
    VERSIONS, ROOT, EXTENSIONS, EXTENSION, LIST, SHOW, CREATE, UPDATE, DELETE, MEMBER_ACTION;

    static final ActionTable<NeutronActions> TABLE = table();

    private static ActionTable<NeutronActions> table() {
        var byName = new HashMap<String, NeutronActions>();
        byName.put(NeutronCall.VERSIONS, VERSIONS);
        byName.put(NeutronCall.ROOT, ROOT);
        byName.put(NeutronCall.EXTENSIONS + ".GET", EXTENSIONS);
        byName.put(NeutronCall.EXTENSION + ".GET", EXTENSION);
        for (Kind kind : Kinds.ALL) {
            byName.put(kind.collection() + ".GET", LIST);
            byName.put(kind.member() + ".GET", SHOW);
            byName.put(kind.member() + ".PUT", UPDATE);
            // Ports exist here only as router interfaces and gateways: clients list them, never create them.
            if (!kind.equals(Kinds.PORTS)) {
                byName.put(kind.collection() + ".POST", CREATE);
                byName.put(kind.member() + ".DELETE", DELETE);
            }
        }
        for (String action : Routers.ACTIONS) {
            byName.put(Kinds.ROUTERS.member() + "." + action + ".PUT", MEMBER_ACTION);
        }
        return new ActionTable<>(byName);
    }
}
