package dev.vpnd.server.cli;

import dev.vpnd.core.model.AccessPolicy;
import dev.vpnd.server.dialect.neutron.NeutronDialect;
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
        subcommands = {UserCommand.Create.class})
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
}
