package dev.vpnd.server.cli;

import dev.vpnd.core.model.AccessPolicy;
import dev.vpnd.core.model.User;
import dev.vpnd.core.service.AccountService;
import dev.vpnd.core.service.IdentityService;
import dev.vpnd.core.service.ServiceSettings;
import dev.vpnd.server.dialect.OpenStackIds;
import dev.vpnd.server.dialect.neutron.NeutronDialect;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * OpenStack users beyond the one each account is made with: a user held to the Neutron policy
 * rules it may pass (docs/security.md, "Key policies"), such as a reader who may only get.
 */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Manage OpenStack (Keystone) users.",
        subcommands = {UserCommand.Create.class, UserCommand.ListUsers.class})
public final class UserCommand {

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Add an OpenStack user to an account's project and print its password; --allow or "
                    + "--reader limits the Neutron policy rules it passes.")
    static final class Create implements Callable<Integer> {
        @Mixin
        DataOption data;

        @Option(names = "--account", required = true, paramLabel = "NAME", description = "The account (project).")
        String account;

        @Option(names = "--name", required = true, paramLabel = "USER", description = "The user's name.")
        String name;

        @Option(names = "--allow", paramLabel = "RULES",
                description = "Comma-separated patterns of Neutron policy rules the user passes, '*' matching any "
                        + "run of characters, e.g. 'get_*,create_ipsec_site_connection' (default: every rule).")
        String allow;

        @Option(names = "--reader", description = "Keystone's reader role: --allow 'get_*'.")
        boolean reader;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            AccessPolicy policy;
            try {
                if (reader && allow != null) {
                    throw new PolicyOptions.Refused("give --reader or --allow, not both (--reader is --allow 'get_*')");
                }
                policy = reader ? AccessPolicy.READER : allow == null ? AccessPolicy.ALLOW_ALL
                        : new AccessPolicy(PolicyOptions.patterns(allow, NeutronDialect.policyRules()),
                                Set.of(), Set.of());
            } catch (PolicyOptions.Refused e) {
                System.err.println("vpnd: " + e.getMessage());
                return 2;
            }
            return Admin.run(data, accounts -> {
                var login = accounts.createUser(account, name, policy);
                if (json) {
                    var out = new LinkedHashMap<String, Object>();
                    out.put("account", account);
                    out.put("user", login.userName());
                    out.put("password", login.password().value());
                    out.put("allow", policy.actions());
                    System.out.println(AccountCommand.toJson(out));
                } else {
                    System.out.println("OpenStack user:          " + login.userName() + " (project " + account + ")");
                    System.out.println("OpenStack password:      " + login.password().value());
                    System.out.println("policy:                  " + policy.describe());
                }
                return 0;
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List an account's OpenStack users: name, id, role and policy (never a password).")
    static final class ListUsers implements Callable<Integer> {
        @Mixin
        DataOption data;

        @Option(names = "--account", required = true, paramLabel = "NAME", description = "The account (project).")
        String account;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            return Admin.runOn(data, storage -> {
                var found = new AccountService(storage, ServiceSettings.defaults()).list().stream()
                        .filter(a -> a.name().equals(account)).findFirst();
                if (found.isEmpty()) {
                    System.err.println("vpnd: no account named '" + account + "'");
                    return 1;
                }
                var rows = new ArrayList<Object>();
                for (User user : new IdentityService(storage, ServiceSettings.defaults()).usersOf(found.get().id())) {
                    var row = new LinkedHashMap<String, Object>();
                    row.put("name", user.name());
                    row.put("id", OpenStackIds.shown(user.id()));
                    row.put("role", user.admin() ? "admin" : "member");
                    row.put("allow", user.policy().actions());
                    row.put("created", user.createdAt().toString());
                    rows.add(row);
                    if (!json) {
                        System.out.println(user.name() + "  " + row.get("id") + "  " + row.get("role") + "  "
                                + user.policy().describe());
                    }
                }
                if (json) {
                    System.out.println(AccountCommand.toJson(rows));
                }
                return 0;
            });
        }
    }
}
