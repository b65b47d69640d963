package dev.vpnd.server.cli;

import dev.vpnd.agent.lab.Lab;
import dev.vpnd.agent.lab.LabLayout;
import dev.vpnd.agent.lab.LabSettings;
import dev.vpnd.core.dataplane.GatewayRef;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code vpnd lab}: real tunnels on one Linux host, as root (docs/agent.md, "The lab"). Two network
 * namespaces with a charon each: the gateway side run by an agent of {@code --gateway}, the customer
 * side configured as the mirror of each tunnel whose peer is the lab's customer address. It finds
 * the server through endpoints.json in the data directory and makes the agent's token itself, so a
 * user who has a running vpnd and a gateway needs nothing else. {@code vpnd lab down} removes it.
 */
@Command(name = "lab", mixinStandardHelpOptions = true,
        description = "Bring up a lab of real tunnels on this host (Linux, root): two network namespaces, a "
                + "charon in each, an agent for the gateway and a mirrored customer device.",
        subcommands = {LabCommand.Down.class})
public final class LabCommand implements Callable<Integer> {
    @Mixin
    DataOption data;

    @Option(names = "--gateway", paramLabel = "ID",
            description = "The VPN gateway the lab's agent serves, by its id in any API's form.")
    String gateway;

    @Option(names = "--server", paramLabel = "URL",
            description = "vpnd's agent listener (default: the 'agent' URL in the data directory's endpoints.json).")
    URI server;

    @Override
    public Integer call() throws Exception {
        if (gateway == null) {
            System.err.println("vpnd: lab needs --gateway ID: the VPN gateway whose tunnels it brings up");
            return 2;
        }
        URI url = server;
        if (url == null) {
            try {
                url = agentUrl(data.dataDir().resolve("endpoints.json"));
            } catch (IOException e) {
                System.err.println("vpnd: " + e.getMessage() + " (is 'vpnd serve' running with this --data?)");
                return 1;
            }
        }
        Optional<String> token = DataPlaneAdmin.query(data, plane -> {
            var ref = DataPlaneAdmin.resolve(plane, gateway);
            if (ref.isEmpty()) {
                System.err.println("vpnd: no VPN gateway '" + gateway + "'");
                return Optional.empty();
            }
            var issued = plane.createToken(List.of(ref.get()));
            System.out.println("lab: agent token " + issued.record().id() + " for gateway "
                    + issued.record().gateways().stream().map(GatewayRef::gatewayId).findFirst().orElse(gateway));
            return Optional.of(issued.token());
        });
        if (token.isEmpty()) {
            return 1;
        }
        try {
            Lab.run(LabSettings.of(url, token.get()), System.out);
        } catch (IllegalArgumentException | IllegalStateException | IOException e) {
            System.err.println("vpnd: " + e.getMessage());
            return 1;
        }
        return 0;
    }

    /** The agent listener's URL that a running vpnd wrote to {@code file}. */
    static URI agentUrl(Path file) throws IOException {
        String json;
        try {
            json = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new IOException("no " + file, e);
        }
        var node = Admin.JSON.readTree(json).path("agent");
        if (!node.isTextual()) {
            throw new IOException(file + " names no 'agent' listener");
        }
        return URI.create(node.asText());
    }

    @Command(name = "down", mixinStandardHelpOptions = true,
            description = "Remove the lab: both namespaces, their charons and the lab's state; safe to repeat.")
    static final class Down implements Callable<Integer> {
        @Override
        public Integer call() {
            Lab.down(LabLayout.DEFAULT, System.out);
            return 0;
        }
    }
}
