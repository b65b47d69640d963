package dev.vpnd.server.dialect.neutron;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpnd.core.model.OpenStackResource;
import dev.vpnd.core.model.SiteConnectionAttributes;
import dev.vpnd.core.model.VpnServiceAttributes;
import dev.vpnd.core.service.NetworkingService;

/**
 * The documents vpnd kept of VPN services and site connections before they became canonical
 * records with side tables (V16, V17): their Neutron attributes move beside their records, and
 * the documents go. Each start runs it in one transaction; once done it finds nothing, and a node
 * that runs it concurrently stores the same attributes again (a put replaces). A document whose
 * record is gone was invisible already and is dropped.
 */
final class LegacyDocuments {
    private LegacyDocuments() {
    }

    /** How many documents moved. */
    static int move(NetworkingService networking) {
        return networking.write(tx -> {
            int moved = 0;
            for (OpenStackResource stored : tx.list(Kinds.VPN_SERVICES.path())) {
                ObjectNode doc = NeutronJson.parse(stored.attributes());
                if (tx.vpnService(null, stored.id()).isPresent()) {
                    tx.putVpnServiceAttributes(new VpnServiceAttributes(stored.id(), text(doc.path("subnet_id")),
                            text(doc.path("flavor_id")), text(doc.path("external_v6_ip")),
                            doc.path("admin_state_up").asBoolean(true)));
                }
                tx.delete(stored.kind(), stored.id());
                moved++;
            }
            for (OpenStackResource stored : tx.list(Kinds.SITE_CONNECTIONS.path())) {
                ObjectNode doc = NeutronJson.parse(stored.attributes());
                var row = tx.siteConnection(null, stored.id());
                if (row.isPresent()) {
                    String peerIp = row.get().peerIp();
                    tx.putSiteConnectionAttributes(new SiteConnectionAttributes(stored.id(),
                            doc.path("description").asText(""), doc.path("peer_address").asText(peerIp), peerIp,
                            doc.path("mtu").asLong(SiteConnectionAttributes.DEFAULT_MTU),
                            doc.path("dpd").path("interval").asLong(
                                    SiteConnectionAttributes.DEFAULT_DPD_INTERVAL_SECONDS),
                            text(doc.path("ikepolicy_id")), text(doc.path("ipsecpolicy_id")),
                            text(doc.path("local_ep_group_id")), text(doc.path("peer_ep_group_id")),
                            doc.path("admin_state_up").asBoolean(true)));
                }
                tx.delete(stored.kind(), stored.id());
                moved++;
            }
            return moved;
        });
    }

    private static String text(JsonNode value) {
        return value.isTextual() ? value.asText() : null;
    }
}
