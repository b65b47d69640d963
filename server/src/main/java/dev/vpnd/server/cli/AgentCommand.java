package dev.vpnd.server.cli;

import dev.vpnd.agent.Agent;
import dev.vpnd.agent.AgentSettings;
import dev.vpnd.core.dataplane.AgentToken;
import dev.vpnd.core.dataplane.GatewayRef;
import dev.vpnd.core.service.DataPlaneService;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The data-plane agent, and its tokens. {@code vpnd agent --server URL} runs an agent beside a charon
 * (docs/agent.md); its token comes from {@code --token} or {@code $VPND_AGENT_TOKEN}, the latter
 * keeping it out of the process list. A token is printed once, when it is made, and kept only as its
 * digest; it lets an agent see and report on the gateways it was made for and nothing else
 * (docs/agent-protocol.md). Revoking one takes effect on the next call.
 */
@Command(name = "agent", mixinStandardHelpOptions = true,
        description = "Run a data-plane agent beside strongSwan's charon, or manage agent tokens.",
        subcommands = {AgentCommand.Token.class})
public final class AgentCommand implements Callable<Integer> {
    /** The environment variable an agent's token may come from instead of {@code --token}. */
    static final String TOKEN_ENVIRONMENT = "VPND_AGENT_TOKEN";

    @Option(names = "--server", paramLabel = "URL",
            description = "vpnd's agent listener (endpoints.json, key 'agent'), e.g. http://10.0.0.5:8805.")
    URI server;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "The agent's token ('vpnd agent token create'); default: $" + TOKEN_ENVIRONMENT + ".")
    String token;

    @Option(names = "--vici", paramLabel = "URI", defaultValue = "unix:///run/charon.vici",
            description = "charon's VICI socket (default: ${DEFAULT-VALUE}).")
    URI vici;

    @Option(names = "--public-address", paramLabel = "ADDR",
            description = "The gateway's public address, an IP literal (default: this host's address toward "
                    + "the internet).")
    String publicAddress;

    @Override
    public Integer call() throws Exception {
        if (server == null) {
            System.err.println("vpnd: agent needs --server URL (or a subcommand: 'vpnd agent --help')");
            return 2;
        }
        String secret = token != null ? token : System.getenv(TOKEN_ENVIRONMENT);
        if (secret == null || secret.isBlank()) {
            System.err.println("vpnd: agent needs --token or $" + TOKEN_ENVIRONMENT);
            return 2;
        }
        try {
            var settings = AgentSettings.of(server, secret).withVici(vici);
            Agent.run(publicAddress == null ? settings : settings.withPublicAddress(publicAddress));
        } catch (IllegalArgumentException | IOException e) {
            System.err.println("vpnd: " + e.getMessage());
            return 1;
        }
        return 0;
    }

    @Command(name = "token", mixinStandardHelpOptions = true, description = "Manage agent tokens.",
            subcommands = {Create.class, ListTokens.class, Revoke.class})
    static final class Token {
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Make a token for one or more VPN gateways and print it (once: vpnd keeps only its digest).")
    static final class Create implements Callable<Integer> {
        @Mixin
        DataOption data;

        @Option(names = "--gateway", required = true, paramLabel = "ID",
                description = "A VPN gateway the token is for, by its id in any API's form (vpn-..., vpngw-..., "
                        + "the legacy number, or OpenStack's UUID); repeat for several.")
        List<String> gateways;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            if (gateways.size() > DataPlaneService.MAX_TOKEN_GATEWAYS) {
                System.err.println("vpnd: a token holds at most " + DataPlaneService.MAX_TOKEN_GATEWAYS + " gateways");
                return 2;
            }
            return DataPlaneAdmin.run(data, plane -> {
                var refs = new ArrayList<GatewayRef>();
                for (String id : gateways) {
                    var ref = DataPlaneAdmin.resolve(plane, id);
                    if (ref.isEmpty()) {
                        System.err.println("vpnd: no VPN gateway '" + id + "'");
                        return 1;
                    }
                    refs.add(ref.get());
                }
                var issued = plane.createToken(refs);
                var ids = issued.record().gateways().stream().map(GatewayRef::gatewayId).toList();
                if (json) {
                    var out = new LinkedHashMap<String, Object>();
                    out.put("id", issued.record().id());
                    out.put("token", issued.token());
                    out.put("gateways", ids);
                    System.out.println(AccountCommand.toJson(out));
                } else {
                    System.out.println("token:    " + issued.token());
                    System.out.println("id:       " + issued.record().id());
                    System.out.println("gateways: " + String.join(", ", ids));
                    System.out.println("(shown this once: vpnd keeps only its digest)");
                }
                return 0;
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the tokens: id, when made, gateways (never the token itself).")
    static final class ListTokens implements Callable<Integer> {
        @Mixin
        DataOption data;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            return DataPlaneAdmin.run(data, plane -> {
                var rows = new ArrayList<Object>();
                for (AgentToken token : plane.tokens()) {
                    var ids = token.gateways().stream().map(GatewayRef::gatewayId).toList();
                    var row = new LinkedHashMap<String, Object>();
                    row.put("id", token.id());
                    row.put("createdAt", token.createdAt().toString());
                    row.put("gateways", ids);
                    rows.add(row);
                    if (!json) {
                        System.out.println(token.id() + "  " + token.createdAt() + "  " + String.join(",", ids));
                    }
                }
                if (json) {
                    System.out.println(AccountCommand.toJson(rows));
                }
                return 0;
            });
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revoke a token: every call with it is refused from now on.")
    static final class Revoke implements Callable<Integer> {
        @Mixin
        DataOption data;

        @Option(names = "--id", required = true, paramLabel = "TOKENID",
                description = "The token's id (vat-..., as 'agent token list' shows it).")
        String id;

        @Override
        public Integer call() {
            return DataPlaneAdmin.run(data, plane -> {
                if (!plane.revokeToken(id)) {
                    System.err.println("vpnd: no agent token '" + id + "'");
                    return 1;
                }
                System.out.println("token " + id + " revoked");
                return 0;
            });
        }
    }
}
