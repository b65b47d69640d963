package dev.vpnd.server.cli;

import dev.vpnd.core.service.KeyStyle;
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

        @Option(names = "--style", defaultValue = "aliyun", paramLabel = "aliyun|tencent",
                description = "Alibaba AccessKey (LTAI...) or Tencent SecretId (AKID...) (default: ${DEFAULT-VALUE}).")
        String style;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            return Admin.run(data, accounts -> {
                boolean tencent = style.equals("tencent");
                if (!tencent && !style.equals("aliyun")) {
                    System.err.println("--style must be aliyun or tencent");
                    return 2;
                }
                var key = accounts.createKey(account, readOnly, tencent ? KeyStyle.TENCENT : KeyStyle.ALIYUN);
                if (json) {
                    var out = new LinkedHashMap<String, Object>();
                    out.put("account", account);
                    out.put(tencent ? "SecretId" : "AccessKeyId", key.id());
                    out.put(tencent ? "SecretKey" : "AccessKeySecret", key.secret().value());
                    out.put("readOnly", readOnly);
                    System.out.println(AccountCommand.toJson(out));
                } else {
                    System.out.println((tencent ? "Tencent SecretId:        " : "Alibaba AccessKeyId:     ")
                            + key.id());
                    System.out.println((tencent ? "Tencent SecretKey:       " : "Alibaba AccessKeySecret: ")
                            + key.secret().value());
                    System.out.println("read-only:               " + readOnly);
                }
                return 0;
            });
        }
    }
}
