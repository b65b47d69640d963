package dev.vpnd.server.dialect.tencent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.core.algo.DhGroup;
import dev.vpnd.core.algo.Encryption;
import dev.vpnd.core.algo.IkeMode;
import dev.vpnd.core.algo.IkeVersion;
import dev.vpnd.core.algo.Integrity;
import dev.vpnd.core.dataplane.Health;
import dev.vpnd.core.model.BgpConfig;
import dev.vpnd.core.model.CustomerGateway;
import dev.vpnd.core.model.DpdAction;
import dev.vpnd.core.model.HealthCheck;
import dev.vpnd.core.model.IkeConfig;
import dev.vpnd.core.model.Initiation;
import dev.vpnd.core.model.IpsecConfig;
import dev.vpnd.core.model.Lifecycle;
import dev.vpnd.core.model.NegotiationStatus;
import dev.vpnd.core.model.ResourceState;
import dev.vpnd.core.model.RouteType;
import dev.vpnd.core.model.Scope;
import dev.vpnd.core.model.Secret;
import dev.vpnd.core.model.SecurityPolicy;
import dev.vpnd.core.model.Tag;
import dev.vpnd.core.model.VpnConnection;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Kept JSON is what the view writes afresh, on a miss and on a hit, and is written again once the
 * connection's revision, its state at the call's time, its health verdict, the caller's view of
 * secrets or what it shows of its VPC and customer gateway changed.
 */
class ListedConnectionsTest {
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final String VPC = "vpc-canonical";
    private static final String PEER = "cgw-canonical";

    private static VpnConnection connection(String id, long revision, Lifecycle lifecycle, List<Tag> tags) {
        var ike = new IkeConfig(IkeVersion.V2, IkeMode.MAIN, Encryption.AES_128, Integrity.SHA1, DhGroup.MODP_1024,
                86_400, "", "", new Secret("psk \"quoted\""));
        var ipsec = new IpsecConfig(Encryption.AES_128, Integrity.SHA1, DhGroup.MODP_1024, 3_600, 1_843_200);
        var bgp = new BgpConfig(true, 0, "169.254.10.0/30", "169.254.10.1", "169.254.10.2", "");
        var check = new HealthCheck(true, "10.0.0.1", "10.1.0.1", 2_000, 2_000, 10, "revoke_route");
        return new VpnConnection(id, 4711, new Scope("account", "default"), VPC, "gw-canonical", PEER, "conn ✓",
                List.of(new SecurityPolicy(List.of("10.0.0.0/24"), List.of("10.1.0.0/24"))), Initiation.IMMEDIATE,
                true, 30, DpdAction.CLEAR, true, false, RouteType.STATIC, ike, ipsec, bgp, check, "", false, List.of(),
                NegotiationStatus.IPSEC_SA_ESTABLISHED, lifecycle, NOW.minusSeconds(3_600), tags, revision);
    }

    private static VpnConnectionView.Related related(long vpcSerial, long peerAsn, Health health, String id) {
        var peer = new CustomerGateway(PEER, 99, new Scope("account", "default"), "peer", "", "203.0.113.9", peerAsn,
                "", NOW, List.of(), 1);
        return new VpnConnectionView.Related(Map.of(VPC, vpcSerial), Map.of(), Map.of(PEER, peer),
                health == null ? Map.of() : Map.of(id, health));
    }

    private static String json(Object item) {
        return new String(TencentJson.body(Map.of("Item", item)).toByteArray(), StandardCharsets.UTF_8);
    }

    @Test
    void keptJsonIsTheViewOnMissAndHitAndFollowsEveryChange() {
        String id = UUID.randomUUID().toString();
        var active = new Lifecycle(ResourceState.ACTIVE, NOW.minusSeconds(60));
        var updating = new Lifecycle(ResourceState.UPDATING, NOW.plusSeconds(60));
        var variants = List.of(connection(id, 1, active, List.of()),
                connection(id, 2, active, List.of(new Tag("env", "prod"))),
                connection(id, 3, updating, List.of(new Tag("env", "prod"))));
        var surroundings = List.of(related(5, 65_000, Health.UP, id), related(5, 65_000, Health.DOWN, id),
                related(6, 65_000, Health.UP, id), related(5, 4_200_000_000L, Health.UP, id),
                related(5, 65_000, null, id));
        for (VpnConnection c : variants) {
            for (var around : surroundings) {
                for (Instant at : List.of(NOW, NOW.plusSeconds(120), NOW)) {
                    for (boolean hidden : List.of(false, true, false)) {
                        VpnConnection shown = hidden ? c.withoutSecrets() : c;
                        String fresh = json(VpnConnectionView.of(shown, around, at));
                        assertThat(json(ListedConnections.item(shown, hidden, around, at))).isEqualTo(fresh);
                        assertThat(json(ListedConnections.item(shown, hidden, around, at))).isEqualTo(fresh);
                    }
                }
            }
        }
        String hiddenJson = json(ListedConnections.item(variants.get(0).withoutSecrets(), true,
                surroundings.get(0), NOW));
        assertThat(hiddenJson).doesNotContain("quoted");
        assertThat(json(ListedConnections.item(variants.get(0), false, surroundings.get(0), NOW)))
                .contains("psk \\\"quoted\\\"");
    }
}
