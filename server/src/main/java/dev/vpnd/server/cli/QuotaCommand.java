package dev.vpnd.server.cli;

import dev.vpnd.core.model.QuotaKind;
import dev.vpnd.core.problem.Problem;
import dev.vpnd.core.problem.ProblemException;
import dev.vpnd.core.service.QuotaService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "quota", mixinStandardHelpOptions = true,
        description = "Show and change how many resources of each kind an account may hold.",
        subcommands = {QuotaCommand.Set.class, QuotaCommand.ListQuotas.class})
public final class QuotaCommand {
    private static final String KINDS = Arrays.stream(QuotaKind.values()).map(QuotaKind::cliName)
            .collect(Collectors.joining(", "));

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Set an account's limit of one kind; creates over it are refused, existing resources stay.")
    static final class Set implements Callable<Integer> {
        @Mixin
        DataOption data;

        @Option(names = "--account", required = true, paramLabel = "NAME", description = "The account.")
        String account;

        @Option(names = "--kind", required = true, paramLabel = "KIND",
                description = "vpc, vpn-gateway, customer-gateway, vpn-connection, network, subnet, router, "
                        + "ike-policy, ipsec-policy, vpn-service, endpoint-group or ipsec-site-connection.")
        String kind;

        @Option(names = "--limit", required = true, paramLabel = "N",
                description = "How many the account may hold in the kind's scope (0 to 1000000).")
        long limit;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            var quotaKind = QuotaKind.byCliName(kind).orElse(null);
            if (quotaKind == null) {
                System.err.println("vpnd: unknown kind '" + kind + "'; one of " + KINDS);
                return 2;
            }
            return run(data, quotas -> {
                print(account, List.of(quotas.set(account, quotaKind, limit)), json);
                return 0;
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List an account's limit of every kind, marking those left at the default.")
    static final class ListQuotas implements Callable<Integer> {
        @Mixin
        DataOption data;

        @Option(names = "--account", required = true, paramLabel = "NAME", description = "The account.")
        String account;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            return run(data, quotas -> {
                print(account, quotas.list(account), json);
                return 0;
            });
        }
    }

    private static void print(String account, List<QuotaService.Limit> limits, boolean json) {
        if (json) {
            var rows = new ArrayList<Object>();
            for (var limit : limits) {
                var row = new LinkedHashMap<String, Object>();
                row.put("kind", limit.kind().cliName());
                row.put("limit", limit.limit());
                row.put("per", limit.kind().per().label());
                row.put("default", !limit.set());
                rows.add(row);
            }
            var out = new LinkedHashMap<String, Object>();
            out.put("account", account);
            out.put("quotas", rows);
            System.out.println(AccountCommand.toJson(out));
            return;
        }
        for (var limit : limits) {
            System.out.printf("%-22s %8d  per %s%s%n", limit.kind().cliName(), limit.limit(),
                    limit.kind().per().label(), limit.set() ? "" : "  (default)");
        }
    }

    private static int run(DataOption data, Function<QuotaService, Integer> work) {
        try (var storage = data.openStorage()) {
            return work.apply(new QuotaService(storage));
        } catch (ProblemException e) {
            System.err.println("vpnd: " + switch (e.problem()) {
                case Problem.NotFound n -> "no account named '" + n.id() + "'";
                case Problem.InvalidValue v -> "invalid " + v.field().canonicalName() + " '" + v.value() + "': "
                        + v.reason();
                default -> e.problem().toString();
            });
            return 1;
        }
    }
}
