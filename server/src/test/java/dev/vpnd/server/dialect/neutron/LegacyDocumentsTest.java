package dev.vpnd.server.dialect.neutron;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.core.model.OpenStackResource;
import dev.vpnd.server.RunningVpnd;
import dev.vpnd.server.dialect.OpenStackIds;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What versions before V16/V17 stored of VPN services and site connections, whole documents, moves
 * beside the canonical records when vpnd starts: a restart shows the documents' Neutron attributes,
 * and no document is left.
 */
class LegacyDocumentsTest {
    @RegisterExtension
    static final RunningVpnd VPND = new RunningVpnd(Duration.ZERO);
    private static final OpenStackCalls CALLS = new OpenStackCalls(VPND);

    @Test
    void theDocumentsOfAnOlderVersionBecomeTheAttributesBesideTheRecords() throws Exception {
        String admin = CALLS.token("admin", "admin", "admin");
        String publicNet = CALLS.create(admin, "networks", "network", "{\"network\": {\"name\": \"public\", "
                + "\"router:external\": true}}");
        CALLS.create(admin, "subnets", "subnet", "{\"subnet\": {\"network_id\": \"" + publicNet
                + "\", \"ip_version\": 4, \"cidr\": \"192.0.2.0/24\"}}");
        String demo = CALLS.token("demo", "demo", "demo");
        String net = CALLS.create(demo, "networks", "network", "{\"network\": {\"name\": \"private\"}}");
        String subnet = CALLS.create(demo, "subnets", "subnet", "{\"subnet\": {\"network_id\": \"" + net
                + "\", \"ip_version\": 4, \"cidr\": \"10.1.0.0/24\"}}");
        String router = CALLS.create(demo, "routers", "router", "{\"router\": {\"name\": \"r\", "
                + "\"external_gateway_info\": {\"network_id\": \"" + publicNet + "\"}}}");
        CALLS.neutron("PUT", "/v2.0/routers/" + router + "/add_router_interface", demo,
                "{\"subnet_id\": \"" + subnet + "\"}");
        String ike = CALLS.create(demo, "vpn/ikepolicies", "ikepolicy", "{\"ikepolicy\": {\"name\": \"ike\"}}");
        String ipsec = CALLS.create(demo, "vpn/ipsecpolicies", "ipsecpolicy", "{\"ipsecpolicy\": {\"name\": \"i\"}}");
        String service = CALLS.create(demo, "vpn/vpnservices", "vpnservice", "{\"vpnservice\": {\"name\": \"vpn\", "
                + "\"router_id\": \"" + router + "\", \"subnet_id\": \"" + subnet + "\"}}");
        String connection = CALLS.create(demo, "vpn/ipsec-site-connections", "ipsec_site_connection",
                "{\"ipsec_site_connection\": {\"name\": \"c\", \"vpnservice_id\": \"" + service
                        + "\", \"ikepolicy_id\": \"" + ike + "\", \"ipsecpolicy_id\": \"" + ipsec
                        + "\", \"peer_cidrs\": [\"10.9.0.0/24\"], \"peer_address\": \"198.51.100.7\", "
                        + "\"peer_id\": \"198.51.100.7\", \"psk\": \"secret\"}}");
        String project = OpenStackIds.canonical(CALLS.neutron("GET", "/v2.0/vpn/vpnservices/" + service, demo, null)
                .body().at("/vpnservice/tenant_id").asText());
        String orphan = UUID.randomUUID().toString();
        // As an older vpnd stored them: the whole document, with its own status bookkeeping.
        VPND.services().networking().write(tx -> {
            tx.insert(new OpenStackResource("vpn/vpnservices", service, project, "{\"id\": \"" + service
                    + "\", \"subnet_id\": \"" + subnet + "\", \"flavor_id\": null, \"admin_state_up\": false, "
                    + "\"external_v6_ip\": \"2001:db8::5\", \"status\": \"ACTIVE\", \"_ready_at\": 0}", false));
            tx.insert(new OpenStackResource("vpn/ipsec-site-connections", connection, project, "{\"id\": \""
                    + connection + "\", \"description\": \"from before\", \"peer_address\": \"198.51.100.7\", "
                    + "\"mtu\": 1280, \"dpd\": {\"action\": \"hold\", \"interval\": 15, \"timeout\": 60}, "
                    + "\"ikepolicy_id\": \"" + ike + "\", \"ipsecpolicy_id\": \"" + ipsec + "\", "
                    + "\"local_ep_group_id\": null, \"peer_ep_group_id\": null, \"admin_state_up\": false, "
                    + "\"psk\": \"secret\"}", false));
            tx.insert(new OpenStackResource("vpn/ipsec-site-connections", orphan, project, "{\"id\": \"" + orphan
                    + "\", \"mtu\": 1400}", false));
            return null;
        });

        VPND.restart();

        String token = CALLS.token("demo", "demo", "demo");
        var shownService = CALLS.neutron("GET", "/v2.0/vpn/vpnservices/" + service, token, null).body()
                .path("vpnservice");
        assertThat(shownService.path("admin_state_up").asBoolean()).isFalse();
        assertThat(shownService.path("external_v6_ip").asText()).isEqualTo("2001:db8::5");
        assertThat(shownService.path("subnet_id").asText()).isEqualTo(subnet);
        var shown = CALLS.neutron("GET", "/v2.0/vpn/ipsec-site-connections/" + connection, token, null).body()
                .path("ipsec_site_connection");
        assertThat(shown.path("description").asText()).isEqualTo("from before");
        assertThat(shown.path("mtu").asLong()).isEqualTo(1280);
        assertThat(shown.path("dpd").path("interval").asLong()).isEqualTo(15);
        assertThat(shown.path("admin_state_up").asBoolean()).isFalse();
        assertThat(shown.path("ikepolicy_id").asText()).isEqualTo(ike);
        assertThat(CALLS.neutron("GET", "/v2.0/vpn/ipsec-site-connections/" + orphan, token, null).status())
                .isEqualTo(404);
        int left = VPND.services().networking().read(tx -> tx.list("vpn/ipsec-site-connections").size()
                + tx.list("vpn/vpnservices").size());
        assertThat(left).as("no document is left").isZero();
    }
}
