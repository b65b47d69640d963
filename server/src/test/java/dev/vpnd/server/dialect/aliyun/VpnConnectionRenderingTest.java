package dev.vpnd.server.dialect.aliyun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.core.algo.DhGroup;
import dev.vpnd.core.algo.Encryption;
import dev.vpnd.core.algo.IkeMode;
import dev.vpnd.core.algo.IkeVersion;
import dev.vpnd.core.algo.Integrity;
import dev.vpnd.core.model.BgpConfig;
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
import dev.vpnd.core.model.Tunnel;
import dev.vpnd.core.model.TunnelRole;
import dev.vpnd.core.model.VpnConnection;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The bodies of DescribeVpnConnections, DescribeVpnConnection and ModifyVpnConnectionAttribute,
 * byte for byte, in JSON and XML, against files written by the map-built views that came before
 * the streamed ones (regenerate with {@code -Dvpnd.golden.write=DIR}, e.g. the test resources).
 * The connections cover single and dual tunnels, BGP on and off, a pending and a finished
 * lifecycle, tags, text that needs escaping, and absent secrets; and the model's finer settings
 * that Alibaba shows flattened or not at all: several security-policy groups, every initiation,
 * a peer BGP address set and derived, a probe interval that is not whole seconds, DPD timeouts
 * and actions, route types and a volume lifetime. What the views show of the gateway and the
 * customer gateways (network type, addresses, ASNs, BGP keys) comes from {@link #AROUND}.
 */
class VpnConnectionRenderingTest {
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final String REQUEST_ID = "5B6E0B4C-7F2A-4C1D-9E3B-2A1F0C9D8E7F";
    private static final String CGW1 = "1b4e28ba-2fa1-11d2-883f-0016d3cca427";
    private static final String CGW2 = "9c5b94b1-35ad-49bb-b118-8e8fc24abf80";
    private static final Surroundings AROUND = new Surroundings("47.0.0.1", "private", "cn-hangzhou-a",
            Map.of(CGW1, new Surroundings.Peer("203.0.113.1", 65049, ""),
                    CGW2, new Surroundings.Peer("203.0.113.2", 65057, "cgw \"key\" <2>")));

    private final AliyunRenderer renderer = new AliyunRenderer();

    @ParameterizedTest
    @EnumSource(RpcCall.Format.class)
    void listBodyIsUnchanged(RpcCall.Format format) throws IOException {
        var body = new LinkedHashMap<String, Object>();
        body.put("RequestId", REQUEST_ID);
        body.putAll(listResult(connections(), 37, 2, 4));
        check("DescribeVpnConnections", format, body, "list");
    }

    @ParameterizedTest
    @EnumSource(RpcCall.Format.class)
    void listThroughTheCacheIsUnchangedOnMissAndOnHit(RpcCall.Format format) throws IOException {
        var cache = new ListedConnectionCache();
        for (int round = 0; round < 2; round++) {
            var items = new java.util.ArrayList<Object>();
            for (VpnConnection c : connections()) {
                items.add(cache.item(c, NOW, null, AROUND));
            }
            var body = new LinkedHashMap<String, Object>();
            body.put("RequestId", REQUEST_ID);
            body.putAll(Paging.body(37, 2, 4, "VpnConnections", "VpnConnection", items));
            check("DescribeVpnConnections", format, body, "list");
        }
    }

    /** A tag change moves the revision on (TagStore.bumpRevision), as every other write does. */
    @Test
    void keptJsonIsNotReusedOnceTheConnectionOrItsStateChanged() {
        var cache = new ListedConnectionCache();
        VpnConnection c = connections().get(0);
        VpnConnection retagged = changed(c, List.of(new Tag("env", "test")), c.lifecycle(), c.revision() + 1);
        VpnConnection pending = changed(c, c.tags(), new Lifecycle(ResourceState.UPDATING, NOW.plusSeconds(60)),
                c.revision() + 2);
        for (var variant : List.of(c, retagged, pending)) {
            for (Instant at : List.of(NOW, NOW.plusSeconds(120), NOW)) {
                assertThat(listJson(List.of(cache.item(variant, at, null, AROUND))))
                        .isEqualTo(listJson(List.of(VpnConnectionView.of(variant, at, "Tag", null, AROUND))));
            }
        }
    }

    private static VpnConnection changed(VpnConnection c, List<Tag> tags, Lifecycle lifecycle, long revision) {
        return new VpnConnection(c.id(), c.serial(), c.scope(), c.vpcId(), c.gatewayId(), c.customerGatewayId(),
                c.name(), c.securityPolicies(), c.initiation(), c.enableDpd(), c.dpdTimeoutSeconds(), c.dpdAction(),
                c.enableNatTraversal(), c.autoConfigRoute(), c.routeType(), c.ike(), c.ipsec(), c.bgp(),
                c.healthCheck(), c.remoteCaCertificate(), c.enableTunnelsBgp(), c.tunnels(), c.status(), lifecycle,
                c.createdAt(), tags, revision);
    }

    /**
     * The gateway's address (an agent's hello moves it) and the customer gateways' ASNs and BGP
     * keys belong to other records, which change while the connection's revision stays: the kept
     * JSON is written afresh when any of them differs.
     */
    @Test
    void keptJsonFollowsTheGatewayAndCustomerGatewaysAtTheSameRevision() {
        var cache = new ListedConnectionCache();
        var renumbered = new Surroundings("47.0.0.1", "private", "cn-hangzhou-a",
                Map.of(CGW1, new Surroundings.Peer("203.0.113.1", 4_200_000_049L, ""),
                        CGW2, new Surroundings.Peer("203.0.113.2", 4_200_000_057L, "cgw \"key\" <2>")));
        var rekeyed = new Surroundings("47.0.0.1", "private", "cn-hangzhou-a",
                Map.of(CGW1, new Surroundings.Peer("203.0.113.1", 65049, ""),
                        CGW2, new Surroundings.Peer("203.0.113.2", 65057, "new-key")));
        var moved = new Surroundings("198.51.100.77", "private", "cn-hangzhou-a", AROUND.peers());
        for (VpnConnection c : connections()) {
            for (var around : List.of(AROUND, renumbered, rekeyed, moved, AROUND)) {
                assertThat(listJson(List.of(cache.item(c, NOW, null, around))))
                        .isEqualTo(listJson(List.of(VpnConnectionView.of(c, NOW, "Tag", null, around))));
            }
        }
        var all = connections();
        assertThat(listJson(List.of(cache.item(all.get(1), NOW, null, renumbered)))).contains("\"PeerAsn\":4200000057");
        assertThat(listJson(List.of(cache.item(all.get(1), NOW, null, rekeyed)))).contains("\"AuthKey\":\"new-key\"");
        assertThat(listJson(List.of(cache.item(all.get(3), NOW, null, moved))))
                .contains("\"InternetIp\":\"198.51.100.77\"", "\"LocalId\":\"198.51.100.77\"");
    }

    private String listJson(List<Object> items) {
        var body = new LinkedHashMap<String, Object>();
        body.put("RequestId", REQUEST_ID);
        body.putAll(Paging.body(1, 1, 10, "VpnConnections", "VpnConnection", items));
        return new String(renderer.success("DescribeVpnConnections", RpcCall.Format.JSON, body).body(),
                StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @EnumSource(RpcCall.Format.class)
    void singleBodiesAreUnchanged(RpcCall.Format format) throws IOException {
        var all = connections();
        for (int i = 0; i < all.size(); i++) {
            var body = new LinkedHashMap<String, Object>();
            body.put("RequestId", REQUEST_ID);
            body.putAll(i % 2 == 0 ? singleResult(all.get(i), "ZoneNo", AROUND.zone())
                    : singleResult(all.get(i), "Description", ""));
            check("DescribeVpnConnection", format, body, "single-" + i);
        }
    }

    private static Map<String, Object> listResult(List<VpnConnection> connections, long total, int number,
            int size) {
        var items = new java.util.ArrayList<Object>();
        for (VpnConnection c : connections) {
            items.add(VpnConnectionView.of(c, NOW, "Tag", null, AROUND));
        }
        return Paging.body(total, number, size, "VpnConnections", "VpnConnection", items);
    }

    private static Map<String, Object> singleResult(VpnConnection c, String trailingField, String value) {
        return VpnConnectionActions.single(VpnConnectionView.of(c, NOW, "Tags", null, AROUND), trailingField, value);
    }

    private void check(String action, RpcCall.Format format, Map<String, Object> body, String name)
            throws IOException {
        byte[] actual = renderer.success(action, format, body).body();
        String file = name + "." + format.name().toLowerCase(java.util.Locale.ROOT);
        String writeTo = System.getProperty("vpnd.golden.write");
        if (writeTo != null) {
            Files.createDirectories(Path.of(writeTo));
            Files.write(Path.of(writeTo, file), actual);
            return;
        }
        try (InputStream in = getClass().getResourceAsStream("golden/" + file)) {
            assertThat(in).as("golden file " + file).isNotNull();
            assertThat(new String(actual, StandardCharsets.UTF_8))
                    .isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    static List<VpnConnection> connections() {
        var scope = new Scope("acct-1", "cn-hangzhou");
        String vpc = "5e4d3c2b-1a09-4f8e-8d7c-6b5a49382716";
        var ike = new IkeConfig(IkeVersion.V2, IkeMode.MAIN, Encryption.AES_256, Integrity.SHA256,
                DhGroup.MODP_2048, 28_800, "local.example", "remote \"peer\" <é>", new Secret("s3cret&/\\"));
        var ikeNoPsk = new IkeConfig(IkeVersion.V1, IkeMode.AGGRESSIVE, Encryption.AES_128, Integrity.MD5,
                DhGroup.MODP_1024, 86_400, "", "", null);
        var ipsec = new IpsecConfig(Encryption.AES_192, Integrity.SHA1, DhGroup.NONE, 3_600, 0);
        // A volume lifetime, which Alibaba does not show.
        var ipsecByVolume = new IpsecConfig(Encryption.AES_192, Integrity.SHA1, DhGroup.NONE, 3_600, 1_843_200);
        var bgpOff = new BgpConfig(false, 45104, "", "", "", "");
        // No key of its own: the customer gateway's is shown.
        var bgpOn = new BgpConfig(true, 65010, "169.254.11.0/30", "169.254.11.1", "", "");
        // The peer's address as set, not the other host of the /30; a key of its own, shown before the peer's.
        var bgpOnPeerSet = new BgpConfig(true, 65010, "169.254.11.0/30", "169.254.11.1", "169.254.11.3", "bgp-key");
        var hcOff = new HealthCheck(false, "", "", 3_000, 1_000, 3, "revoke_route");
        // Not whole seconds: Alibaba shows the interval in seconds, rounded down.
        var hcOn = new HealthCheck(true, "192.168.1.1", "10.0.0.1", 5_500, 2_000, 4, "keep_route");
        var done = new Lifecycle(ResourceState.UPDATING, NOW.minusSeconds(30));
        var pending = new Lifecycle(ResourceState.PROVISIONING, NOW.plusSeconds(30));
        String cgw1 = CGW1;
        String cgw2 = CGW2;
        // Two groups sharing a local CIDR: the flat list shows it once.
        var twoGroups = List.of(new SecurityPolicy(List.of("10.0.0.0/24"), List.of("192.168.0.0/16")),
                new SecurityPolicy(List.of("10.0.1.0/24", "10.0.0.0/24"), List.of("192.168.0.0/16")));
        var single = new VpnConnection("6f1c8a34-5a1e-4b6d-9d6a-0c1e2f3a4b5c", 11, scope, vpc,
                "0e9f8d7c-6b5a-4938-8271-605f4e3d2c1b", cgw1, "Ünïcode \"quoted\" <tag> & \\ \t", twoGroups,
                Initiation.IMMEDIATE, true, 30, DpdAction.CLEAR, false, true, RouteType.STATIC, ike, ipsec, bgpOff,
                hcOff, "", false, List.of(), NegotiationStatus.IKE_SA_NOT_ESTABLISHED, done,
                Instant.ofEpochMilli(1_763_800_000_123L), List.of(new Tag("env", "prod"), new Tag("team", "")), 3);
        var singleBgp = new VpnConnection("00000000-0000-0000-0000-000000000001", 1, scope, vpc,
                "ffffffff-ffff-ffff-ffff-ffffffffffff", cgw2, "",
                List.of(new SecurityPolicy(List.of("0.0.0.0/0"), List.of("172.16.0.0/12"))), Initiation.ON_TRAFFIC,
                false, 10, DpdAction.RESTART, true, false, RouteType.BGP, ikeNoPsk, ipsecByVolume, bgpOn, hcOn,
                "-----BEGIN CERTIFICATE-----\nMIIB\n", false, List.of(), NegotiationStatus.IPSEC_SA_ESTABLISHED,
                pending, Instant.ofEpochMilli(0), List.of(), 1);
        var master = new Tunnel("3d2c1b0a-9f8e-4d7c-6b5a-493827160504", 1, TunnelRole.MASTER, cgw1, true, true, "",
                ike, ipsec, bgpOn, "47.0.0.1", "cn-hangzhou-h", NegotiationStatus.IKE_SA_ESTABLISHED);
        var slave = new Tunnel("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d", 2, TunnelRole.SLAVE, cgw2, false, false,
                "ca", ikeNoPsk, ipsecByVolume,
                new BgpConfig(false, 65011, "169.254.12.4/30", "169.254.12.6", "169.254.12.9", ""), "",
                "cn-hangzhou-i", NegotiationStatus.IKE_SA_NOT_ESTABLISHED);
        var masterPeerSet = new Tunnel("3d2c1b0a-9f8e-4d7c-6b5a-493827160504", 1, TunnelRole.MASTER, cgw1, true,
                true, "", ike, ipsec, bgpOnPeerSet, "47.0.0.1", "cn-hangzhou-h", NegotiationStatus.IKE_SA_ESTABLISHED);
        var dualBgp = new VpnConnection("7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d", 7, scope, vpc,
                "0e9f8d7c-6b5a-4938-8271-605f4e3d2c1b", "", "dual",
                List.of(new SecurityPolicy(List.of("10.1.0.0/24"), List.of("10.2.0.0/24"))), Initiation.PASSIVE,
                true, 30, DpdAction.CLEAR, true, true, RouteType.STATIC, ike, ipsec, bgpOnPeerSet, hcOff, "", true,
                List.of(masterPeerSet, slave), NegotiationStatus.IKE_SA_NOT_ESTABLISHED, pending,
                Instant.ofEpochMilli(1_763_800_000_000L), List.of(new Tag("k", "v \"x\"")), 7);
        var dual = new VpnConnection("8b7c6d5e-4f3a-4b2c-8d1e-0f9a8b7c6d5e", 8, scope, vpc,
                "0e9f8d7c-6b5a-4938-8271-605f4e3d2c1b", "", "dual-no-bgp",
                List.of(new SecurityPolicy(List.of("10.3.0.0/24"), List.of("10.4.0.0/24"))), Initiation.IMMEDIATE,
                false, 30, DpdAction.CLEAR, false, true, RouteType.POLICY, ikeNoPsk, ipsec, bgpOff, hcOn, "", false,
                List.of(master, slave), NegotiationStatus.IKE_SA_NOT_ESTABLISHED, done,
                Instant.ofEpochMilli(1_763_800_000_999L), List.of(), 2);
        return List.of(single, singleBgp, dualBgp, dual);
    }
}
