package dev.vpnd.server.cli;

import dev.vpnd.core.model.AccessPolicy;
import dev.vpnd.core.model.Account;
import dev.vpnd.core.problem.Problem;
import dev.vpnd.core.problem.ProblemException;
import dev.vpnd.core.problem.ResourceType;
import dev.vpnd.core.service.AccountService;
import dev.vpnd.core.service.DataPlaneService;
import dev.vpnd.core.service.ServiceSettings;
import dev.vpnd.server.security.KeyStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Access keys: create, list, disable, enable, delete. A disabled or deleted key is answered as an
 * unknown key by every dialect; a running node may still take it for up to five seconds (its key
 * cache, see KeyDirectory), every node sharing the database alike.
 */
@Command(name = "key", mixinStandardHelpOptions = true, description = "Manage access keys.",
        subcommands = {KeyCommand.Create.class, KeyCommand.ListKeys.class, KeyCommand.SetPolicy.class,
                KeyCommand.Disable.class, KeyCommand.Enable.class, KeyCommand.Delete.class})
public final class KeyCommand {

    private static String accountId(AccountService accounts, String name) {
        return accounts.list().stream().filter(a -> a.name().equals(name)).findFirst().map(Account::id)
                .orElseThrow(() -> new ProblemException(new Problem.NotFound(ResourceType.ACCOUNT, name)));
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Add an AccessKey pair to an account, allowed every action or only what --allow, "
                    + "--resource and --region say (--read-only: --allow 'Describe*,List*').")
    static final class Create implements Callable<Integer> {
        @Mixin
        DataOption data;

        @Option(names = "--account", required = true, paramLabel = "NAME", description = "The account.")
        String account;

        @Option(names = "--read-only", description = "Allow only Describe* and List* actions.")
        boolean readOnly;

        @Mixin
        PolicyOptions policyOptions;

        @Option(names = "--hide-secrets",
                description = "Show empty pre-shared keys in the connections this key reads (an auditor's key).")
        boolean hideSecrets;

        @Option(names = "--style", defaultValue = "aliyun", paramLabel = "aliyun|tencent",
                description = "Alibaba AccessKey (LTAI...) or Tencent SecretId (AKID...) (default: ${DEFAULT-VALUE}).")
        String style;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            boolean tencent = style.equals("tencent");
            if (!tencent && !style.equals("aliyun")) {
                System.err.println("--style must be aliyun or tencent");
                return 2;
            }
            return Admin.runOn(data, storage -> {
                var accounts = new AccountService(storage, ServiceSettings.defaults());
                var plane = new DataPlaneService(storage, ServiceSettings.defaults(), DataPlaneService.Timing.DEFAULT);
                String accountId = accountId(accounts, account);
                AccessPolicy policy;
                try {
                    policy = policyOptions.policy(readOnly, accountId, plane);
                } catch (PolicyOptions.Refused e) {
                    System.err.println("vpnd: " + e.getMessage());
                    return 2;
                }
                var key = accounts.createKey(account, policy, hideSecrets,
                        (tencent ? KeyStyle.TENCENT : KeyStyle.ALIYUN).shape());
                if (json) {
                    var out = new LinkedHashMap<String, Object>();
                    out.put("account", account);
                    out.put(tencent ? "SecretId" : "AccessKeyId", key.id());
                    out.put(tencent ? "SecretKey" : "AccessKeySecret", key.secret().value());
                    out.put("readOnly", policy.readOnly());
                    out.put("policy", PolicyOptions.json(policy));
                    out.put("hideSecrets", hideSecrets);
                    System.out.println(AccountCommand.toJson(out));
                } else {
                    System.out.println((tencent ? "Tencent SecretId:        " : "Alibaba AccessKeyId:     ")
                            + key.id());
                    System.out.println((tencent ? "Tencent SecretKey:       " : "Alibaba AccessKeySecret: ")
                            + key.secret().value());
                    System.out.println("policy:                  " + policy.describe());
                    System.out.println("hides secrets:           " + hideSecrets);
                }
                return 0;
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List an account's key ids and options (never their secrets).")
    static final class ListKeys implements Callable<Integer> {
        @Mixin
        DataOption data;

        @Option(names = "--account", required = true, paramLabel = "NAME", description = "The account.")
        String account;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            return Admin.run(data, accounts -> {
                var rows = new ArrayList<Object>();
                for (var key : accounts.keysOf(account)) {
                    var row = new LinkedHashMap<String, Object>();
                    row.put("id", key.id());
                    row.put("enabled", key.enabled());
                    row.put("readOnly", key.readOnly());
                    row.put("policy", PolicyOptions.json(key.policy()));
                    row.put("hideSecrets", key.hidesSecrets());
                    rows.add(row);
                    if (!json) {
                        System.out.println(key.id() + (key.enabled() ? "" : "  disabled")
                                + (key.readOnly() ? "  read-only" : "")
                                + (key.hidesSecrets() ? "  hides-secrets" : "") + "  " + key.policy().describe());
                    }
                }
                if (json) {
                    System.out.println(AccountCommand.toJson(rows));
                }
                return 0;
            });
        }
    }

    /** The options of the commands that act on one key of one account. */
    static final class KeyOptions {
        @Mixin
        DataOption data;

        @Option(names = "--account", required = true, paramLabel = "NAME", description = "The key's account.")
        String account;

        @Option(names = "--id", required = true, paramLabel = "KEYID",
                description = "The AccessKeyId or SecretId.")
        String id;

        /** Runs {@code change} on the key; exit 1 with a message when the account has no such key. */
        int run(String done, KeyChange change) {
            return Admin.run(data, accounts -> {
                if (!change.apply(accounts, account, id)) {
                    System.err.println("vpnd: account '" + account + "' has no key '" + id + "'");
                    return 1;
                }
                System.out.println("key " + id + " " + done);
                return 0;
            });
        }
    }

    @FunctionalInterface
    interface KeyChange {
        boolean apply(AccountService accounts, String account, String keyId);
    }

    @Command(name = "policy", mixinStandardHelpOptions = true,
            description = "Replace a key's policy with what --allow, --resource and --region say (--read-only: "
                    + "--allow 'Describe*,List*'; --allow '*' for every action). Running nodes may hold the key to "
                    + "its old policy for up to five seconds.")
    static final class SetPolicy implements Callable<Integer> {
        @Mixin
        KeyOptions key;

        @Option(names = "--read-only", description = "Allow only Describe* and List* actions.")
        boolean readOnly;

        @Mixin
        PolicyOptions policyOptions;

        @Override
        public Integer call() {
            if (!readOnly && !policyOptions.given()) {
                // Without this a bare command, typed to look, would give a limited key every action.
                System.err.println("vpnd: give the new policy: --allow, --read-only, --resource or --region "
                        + "(--allow '*' for every action)");
                return 2;
            }
            return Admin.runOn(key.data, storage -> {
                var accounts = new AccountService(storage, ServiceSettings.defaults());
                var plane = new DataPlaneService(storage, ServiceSettings.defaults(), DataPlaneService.Timing.DEFAULT);
                AccessPolicy policy;
                try {
                    policy = policyOptions.policy(readOnly, accountId(accounts, key.account), plane);
                } catch (PolicyOptions.Refused e) {
                    System.err.println("vpnd: " + e.getMessage());
                    return 2;
                }
                if (!accounts.setKeyPolicy(key.account, key.id, policy)) {
                    System.err.println("vpnd: account '" + key.account + "' has no key '" + key.id + "'");
                    return 1;
                }
                System.out.println("key " + key.id + " policy: " + policy.describe());
                return 0;
            });
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Stop a key from signing; its requests are answered as an unknown key's (running nodes "
                    + "may still take it for up to five seconds).")
    static final class Disable implements Callable<Integer> {
        @Mixin
        KeyOptions key;

        @Override
        public Integer call() {
            return key.run("disabled", (accounts, account, id) -> accounts.setKeyEnabled(account, id, false));
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Let a disabled key sign again.")
    static final class Enable implements Callable<Integer> {
        @Mixin
        KeyOptions key;

        @Override
        public Integer call() {
            return key.run("enabled", (accounts, account, id) -> accounts.setKeyEnabled(account, id, true));
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Delete a key for good (running nodes may still take it for up to five seconds).")
    static final class Delete implements Callable<Integer> {
        @Mixin
        KeyOptions key;

        @Override
        public Integer call() {
            return key.run("deleted", AccountService::deleteKey);
        }
    }
}
