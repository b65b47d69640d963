package dev.vpnd.server.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.vpnd.server.dialect.OpenStackIds;
import dev.vpnd.server.security.KeyStyle;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "account", mixinStandardHelpOptions = true, description = "Manage accounts.",
        subcommands = {AccountCommand.Create.class, AccountCommand.ListAccounts.class})
public final class AccountCommand {
    /** Picocli makes the instance, which only holds the subcommands. */
    private AccountCommand() {
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create an account and print its Alibaba AccessKey pair, Tencent SecretId/SecretKey and "
                    + "OpenStack user and password (project NAME, domain Default).")
    static final class Create implements Callable<Integer> {
        @Mixin
        DataOption data;

        @Parameters(paramLabel = "NAME", description = "Account name.")
        String name;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            return Admin.run(data, accounts -> {
                var created = accounts.create(name, KeyStyle.newAccountKeys());
                var out = new LinkedHashMap<String, Object>();
                out.put("account", created.account().name());
                var aliyun = new LinkedHashMap<String, Object>();
                aliyun.put("AccessKeyId", created.keys().get(0).id());
                aliyun.put("AccessKeySecret", created.keys().get(0).secret().value());
                out.put("aliyun", aliyun);
                var tencent = new LinkedHashMap<String, Object>();
                tencent.put("SecretId", created.keys().get(1).id());
                tencent.put("SecretKey", created.keys().get(1).secret().value());
                out.put("tencent", tencent);
                var openstack = new LinkedHashMap<String, Object>();
                openstack.put("project", created.account().name());
                openstack.put("project_id", OpenStackIds.shown(created.account().id()));
                openstack.put("user", created.login().userName());
                openstack.put("password", created.login().password().value());
                out.put("openstack", openstack);
                if (json) {
                    System.out.println(toJson(out));
                } else {
                    System.out.println("account:                 " + created.account().name());
                    System.out.println("Alibaba AccessKeyId:     " + created.keys().get(0).id());
                    System.out.println("Alibaba AccessKeySecret: " + created.keys().get(0).secret().value());
                    System.out.println("Tencent SecretId:        " + created.keys().get(1).id());
                    System.out.println("Tencent SecretKey:       " + created.keys().get(1).secret().value());
                    System.out.println("OpenStack project:       " + created.account().name() + " ("
                            + created.account().id() + ")");
                    System.out.println("OpenStack user:          " + created.login().userName());
                    System.out.println("OpenStack password:      " + created.login().password().value());
                }
                return 0;
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List accounts and their key ids.")
    static final class ListAccounts implements Callable<Integer> {
        @Mixin
        DataOption data;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            return Admin.run(data, accounts -> {
                var rows = new ArrayList<Object>();
                for (var account : accounts.list()) {
                    var keys = accounts.keysOf(account.name()).stream()
                            .map(k -> k.id() + (k.readOnly() ? " (read-only)" : "")).toList();
                    if (json) {
                        var row = new LinkedHashMap<String, Object>();
                        row.put("account", account.name());
                        row.put("created", account.createdAt().toString());
                        row.put("keys", keys);
                        rows.add(row);
                    } else {
                        System.out.println(account.name() + "  " + String.join(", ", keys));
                    }
                }
                if (json) {
                    System.out.println(toJson(rows));
                }
                return 0;
            });
        }
    }

    static String toJson(Object value) {
        try {
            return Admin.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
