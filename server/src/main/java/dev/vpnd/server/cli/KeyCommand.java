package dev.vpnd.server.cli;

import java.util.LinkedHashMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "key", mixinStandardHelpOptions = true, description = "Manage access keys.",
        subcommands = {KeyCommand.Create.class})
public final class KeyCommand {

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Add an AccessKey pair to an account; --read-only makes it a sub-user that may only read.")
    static final class Create implements Callable<Integer> {
        @Mixin
        DataOption data;

        @Option(names = "--account", required = true, paramLabel = "NAME", description = "The account.")
        String account;

        @Option(names = "--read-only", description = "Allow only Describe* and List* actions.")
        boolean readOnly;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            return Admin.run(data, accounts -> {
                var key = accounts.createKey(account, readOnly);
                if (json) {
                    var out = new LinkedHashMap<String, Object>();
                    out.put("account", account);
                    out.put("AccessKeyId", key.id());
                    out.put("AccessKeySecret", key.secret().value());
                    out.put("readOnly", readOnly);
                    System.out.println(AccountCommand.toJson(out));
                } else {
                    System.out.println("Alibaba AccessKeyId:     " + key.id());
                    System.out.println("Alibaba AccessKeySecret: " + key.secret().value());
                    System.out.println("read-only:               " + readOnly);
                }
                return 0;
            });
        }
    }
}
