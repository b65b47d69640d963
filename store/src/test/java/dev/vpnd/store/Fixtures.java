package dev.vpnd.store;

import dev.vpnd.core.algo.DhGroup;
import dev.vpnd.core.algo.Encryption;
import dev.vpnd.core.algo.IkeMode;
import dev.vpnd.core.algo.IkeVersion;
import dev.vpnd.core.algo.Integrity;
import dev.vpnd.core.model.BgpConfig;
import dev.vpnd.core.model.ChargeType;
import dev.vpnd.core.model.CustomerGateway;
import dev.vpnd.core.model.DpdAction;
import dev.vpnd.core.model.HealthCheck;
import dev.vpnd.core.model.IkeConfig;
import dev.vpnd.core.model.Initiation;
import dev.vpnd.core.model.IpsecConfig;
import dev.vpnd.core.model.Lifecycle;
import dev.vpnd.core.model.NegotiationStatus;
import dev.vpnd.core.model.NetworkType;
import dev.vpnd.core.model.ResourceState;
import dev.vpnd.core.model.RouteType;
import dev.vpnd.core.model.Scope;
import dev.vpnd.core.model.Secret;
import dev.vpnd.core.model.SecurityPolicy;
import dev.vpnd.core.model.Tag;
import dev.vpnd.core.model.Tunnel;
import dev.vpnd.core.model.TunnelRole;
import dev.vpnd.core.model.Vpc;
import dev.vpnd.core.model.VpnConnection;
import dev.vpnd.core.model.VpnGateway;
import dev.vpnd.core.model.VpnType;
import dev.vpnd.core.port.TagFilter;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Small builders of records; instants are whole milliseconds, as the store keeps them. */
final class Fixtures {
    static final Scope SCOPE = new Scope("acct-1", "cn-hangzhou");
    static final Scope OTHER_ACCOUNT = new Scope("acct-2", "cn-hangzhou");
    static final Scope OTHER_REGION = new Scope("acct-1", "cn-shanghai");
    static final Instant NOW = Instant.ofEpochMilli(1_760_000_000_123L);

    private Fixtures() {
    }

    private static final AtomicLong SERIALS = new AtomicLong();

    static String id() {
        return UUID.randomUUID().toString();
    }

    /** Unique within the test run, as the store's own serials are within a database. */
    static long serial() {
        return SERIALS.incrementAndGet();
    }

    static Lifecycle lifecycle() {
        return new Lifecycle(ResourceState.PROVISIONING, NOW.plusSeconds(1));
    }

    static Vpc vpc(Scope scope, String name, Tag... tags) {
        return new Vpc(id(), serial(), scope, name, "a vpc", "10.0.0.0/16", true, List.of("10.0.0.2", "10.0.0.3"),
                "corp.example", lifecycle(), NOW, List.of(tags), 1);
    }

    static VpnGateway gateway(Scope scope, String vpcId) {
        return new VpnGateway(id(), serial(), scope, vpcId, "vsw-1", "gw", "a gateway", 10, NetworkType.PUBLIC,
                VpnType.INTERNATIONAL, true, false, 5, ChargeType.POSTPAID, "100.64.1.2", "cn-hangzhou-b", 64512,
                lifecycle(), NOW, List.of(), 1);
    }

    static CustomerGateway customerGateway(Scope scope, String ip) {
        return new CustomerGateway(id(), serial(), scope, "cgw", "on premises", ip, 65001, "auth", NOW, List.of(), 1);
    }

    static IkeConfig ike(String psk) {
        return new IkeConfig(IkeVersion.V2, IkeMode.MAIN, Encryption.AES_256, Integrity.SHA256, DhGroup.MODP_2048,
                86400, "local", "remote", new Secret(psk));
    }

    static IpsecConfig ipsec() {
        return new IpsecConfig(Encryption.AES_128_GCM, Integrity.SHA1, DhGroup.NONE, 3600, 1_843_200);
    }

    static BgpConfig bgp() {
        return new BgpConfig(true, 65000, "169.254.10.0/30", "169.254.10.1", "169.254.10.2", "bgp-key");
    }

    static VpnConnection connection(Scope scope, String gatewayId, String customerGatewayId) {
        var policies = List.of(new SecurityPolicy(List.of("10.0.0.0/24"), List.of("192.168.0.0/24", "192.168.1.0/24")),
                new SecurityPolicy(List.of("10.0.1.0/24"), List.of("192.168.2.0/24")));
        return new VpnConnection(id(), serial(), scope, "vpc-1", gatewayId, customerGatewayId, "conn", policies,
                Initiation.ON_TRAFFIC, true, 45, DpdAction.RESTART, true, false, RouteType.STATIC_ROUTE,
                ike("psk-main"), ipsec(), bgp(),
                new HealthCheck(true, "10.0.0.1", "192.168.0.1", 3000, 1500, 5, "revoke_route"), "", false,
                List.of(), NegotiationStatus.IKE_SA_NOT_ESTABLISHED, lifecycle(), NOW, List.of(), 1);
    }

    /** A dual-tunnel connection whose tunnels use the two customer gateways. */
    static VpnConnection dualTunnel(Scope scope, String gatewayId, String masterCgw, String slaveCgw) {
        var c = connection(scope, gatewayId, "");
        var tunnels = List.of(tunnel(1, TunnelRole.MASTER, masterCgw), tunnel(2, TunnelRole.SLAVE, slaveCgw));
        return new VpnConnection(c.id(), c.serial(), scope, c.vpcId(), gatewayId, "", c.name(),
                c.securityPolicies(), c.initiation(), c.enableDpd(), c.dpdTimeoutSeconds(), c.dpdAction(),
                c.enableNatTraversal(), c.autoConfigRoute(), c.routeType(), c.ike(), c.ipsec(), null, null, "", true,
                tunnels, c.status(), c.lifecycle(), NOW, List.of(), 1);
    }

    static Tunnel tunnel(int index, TunnelRole role, String customerGatewayId) {
        return new Tunnel(id(), index, role, customerGatewayId, true, false, "", ike("psk-" + index), ipsec(), bgp(),
                "100.64.0." + index, "cn-hangzhou-" + index, NegotiationStatus.IKE_SA_NOT_ESTABLISHED);
    }

    static Tag tag(String key, String value) {
        return new Tag(key, value);
    }

    static TagFilter filter(String key, String value) {
        return new TagFilter(key, value);
    }
}
