package dev.vpnd.server.conformance.openstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpnd.agent.lab.LabNetwork;
import dev.vpnd.server.RunningVpnd;
import dev.vpnd.server.conformance.TunnelLab;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The README's lab walk-through as a test, with Debian's {@code openstack} CLI: a router with an
 * external gateway and the lab's subnet, a VPN service served by the lab's agent, IKE and IPsec
 * policies, endpoint groups and a site connection to the lab's customer device; the connection
 * shows {@code ACTIVE} once the real tunnel is up, traffic crosses it; switched off it is
 * {@code DOWN} with its tunnel gone, switched on it comes up again, and its delete stops the traffic.
 */
class OpenStackTunnelTest {
    @RegisterExtension
    static final RunningVpnd VPND = new RunningVpnd();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path home;
    private static TunnelLab lab;

    @BeforeAll
    static void tools() throws Exception {
        OpenStackTools.require();
        home = Files.createDirectories(VPND.dataDir().resolve("cli-home"));
    }

    @AfterAll
    static void labDown() {
        if (lab != null) {
            lab.close();
        }
    }

    private static JsonNode ok(String user, String... args) throws Exception {
        var env = Map.of("HOME", home.toString(), "OS_AUTH_URL", VPND.endpoints().get("keystone") + "/v3",
                "OS_IDENTITY_API_VERSION", "3", "OS_USERNAME", user, "OS_PASSWORD", user, "OS_PROJECT_NAME", user,
                "OS_USER_DOMAIN_NAME", "Default", "OS_PROJECT_DOMAIN_NAME", "Default");
        var result = OpenStackTools.run(List.of(args), env, home, 120);
        assertThat(result.exit()).as(String.join(" ", args) + "\n" + result.stderr()).isZero();
        return result.stdout().isBlank() ? null : JSON.readTree(result.stdout());
    }

    private static JsonNode service(String name) throws Exception {
        return ok("demo", "openstack", "vpn", "service", "show", name, "-f", "json");
    }

    private static String connectionStatus(String name) throws Exception {
        return ok("demo", "openstack", "vpn", "ipsec", "site", "connection", "show", name, "-f", "json")
                .path("Status").asText();
    }

    @Test
    void theReadmesLabWalkThroughBringsUpATunnel() throws Exception {
        ok("admin", "openstack", "network", "create", "public", "--external", "-f", "json");
        ok("admin", "openstack", "subnet", "create", "--network", "public", "--subnet-range", "203.0.113.0/24",
                "public-sub", "-f", "json");
        ok("demo", "openstack", "network", "create", "lab", "-f", "json");
        String subnet = ok("demo", "openstack", "subnet", "create", "--network", "lab", "--subnet-range",
                LabNetwork.GATEWAY_SUBNET, "lab-sub", "-f", "json").path("id").asText();
        ok("demo", "openstack", "router", "create", "lab-router", "-f", "json");
        ok("demo", "openstack", "router", "set", "--external-gateway", "public", "lab-router");
        ok("demo", "openstack", "router", "add", "subnet", "lab-router", "lab-sub");
        String service = ok("demo", "openstack", "vpn", "service", "create", "--router", "lab-router", "lab-vpn",
                "-f", "json").path("ID").asText();

        lab = TunnelLab.start(VPND, service);
        JsonNode served = TunnelLab.await(() -> service("lab-vpn"), s -> s.path("Status").asText().equals("ACTIVE"));
        assertThat(served.path("Status").asText()).as("the VPN service once the lab's agent serves it")
                .isEqualTo("ACTIVE");
        assertThat(served.path("external_v4_ip").asText()).isEqualTo(LabNetwork.GATEWAY_ADDRESS);

        ok("demo", "openstack", "vpn", "ike", "policy", "create", "ike1", "-f", "json");
        ok("demo", "openstack", "vpn", "ipsec", "policy", "create", "ipsec1", "-f", "json");
        ok("demo", "openstack", "vpn", "endpoint", "group", "create", "--type", "subnet", "--value", subnet, "local",
                "-f", "json");
        ok("demo", "openstack", "vpn", "endpoint", "group", "create", "--type", "cidr", "--value",
                LabNetwork.CUSTOMER_SUBNET, "peer", "-f", "json");
        ok("demo", "openstack", "vpn", "ipsec", "site", "connection", "create", "--vpnservice", "lab-vpn",
                "--ikepolicy", "ike1", "--ipsecpolicy", "ipsec1", "--peer-address", LabNetwork.CUSTOMER_ADDRESS,
                "--peer-id", LabNetwork.CUSTOMER_ADDRESS, "--psk", "lab-secret", "--local-endpoint-group", "local",
                "--peer-endpoint-group", "peer", "to-lab", "-f", "json");

        assertThat(TunnelLab.await(() -> connectionStatus("to-lab"), "ACTIVE"::equals))
                .as("the site connection's Status; %s", lab.diagnostics()).isEqualTo("ACTIVE");
        assertThat(lab.pings()).as("ping 10.1.0.1 -> 10.2.0.1 through the tunnel").isTrue();

        // Switched off (admin_state_up false): DOWN, and the gateway's charon holds no SA of it.
        ok("demo", "openstack", "vpn", "ipsec", "site", "connection", "set", "--disable", "to-lab");
        assertThat(TunnelLab.await(() -> connectionStatus("to-lab"), "DOWN"::equals))
                .as("the switched-off connection's Status; %s", lab.diagnostics()).isEqualTo("DOWN");
        assertThat(lab.trafficStops()).as("traffic once the site connection is switched off").isTrue();
        assertThat(TunnelLab.await(lab::gatewaySas, List::isEmpty)).as("SAs left; %s", lab.diagnostics()).isEmpty();
        ok("demo", "openstack", "vpn", "ipsec", "site", "connection", "set", "--enable", "to-lab");
        assertThat(TunnelLab.await(() -> connectionStatus("to-lab"), "ACTIVE"::equals))
                .as("switched on again; %s", lab.diagnostics()).isEqualTo("ACTIVE");
        assertThat(lab.pings()).as("ping through the tunnel switched on again").isTrue();

        ok("demo", "openstack", "vpn", "ipsec", "site", "connection", "delete", "to-lab");
        assertThat(lab.trafficStops()).as("traffic once the site connection is deleted").isTrue();
    }
}
