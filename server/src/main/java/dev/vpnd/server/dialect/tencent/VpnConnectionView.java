package dev.vpnd.server.dialect.tencent;

import dev.vpnd.core.dataplane.Health;
import dev.vpnd.core.model.BgpConfig;
import dev.vpnd.core.model.CustomerGateway;
import dev.vpnd.core.model.HealthCheck;
import dev.vpnd.core.model.IkeConfig;
import dev.vpnd.core.model.IpsecConfig;
import dev.vpnd.core.model.NegotiationStatus;
import dev.vpnd.core.model.ResourceState;
import dev.vpnd.core.model.SecurityPolicy;
import dev.vpnd.core.model.VpnConnection;
import dev.vpnd.core.model.VpnGateway;
import dev.vpnd.core.problem.ResourceType;
import dev.vpnd.core.service.Cidrs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A connection as API 3.0 shows it: every field of the SDK's VpnConnection model, always present
 * (the Tencent Terraform provider's source reads them without nil checks), empty strings where
 * nothing is set.
 */
final class VpnConnectionView {
    /** What a connection made without health-check settings (through another dialect) shows. */
    private static final HealthCheck NO_HEALTH_CHECK = new HealthCheck(false, "", "",
            TencentConfigs.DEFAULT_PROBE_INTERVAL_MILLIS, TencentConfigs.DEFAULT_PROBE_TIMEOUT_MILLIS,
            TencentConfigs.DEFAULT_PROBE_THRESHOLD, "revoke_route");
    private VpnConnectionView() {
    }

    /**
     * What a view shows beside the connection's own record, looked up once per page: related
     * resources it names by Tencent id, and the verdicts of the health checks, by connection id
     * ({@code DataPlaneService#health}; a connection without an enabled check has none).
     */
    record Related(Map<String, Long> vpcSerials, Map<String, VpnGateway> gateways,
            Map<String, CustomerGateway> customerGateways, Map<String, Health> health) {
    }

    static Map<String, Object> of(VpnConnection c, Related related, Instant now) {
        VpnGateway gateway = related.gateways().get(c.gatewayId());
        CustomerGateway peer = related.customerGateways().get(c.customerGatewayId());
        Long vpcSerial = related.vpcSerials().get(c.vpcId());
        var v = new LinkedHashMap<String, Object>();
        v.put("VpnConnectionId", TencentIds.encode(ResourceType.VPN_CONNECTION, c.serial()));
        v.put("VpnConnectionName", c.name());
        v.put("VpcId", vpcSerial == null ? "" : TencentIds.encode(ResourceType.VPC, vpcSerial));
        v.put("VpnGatewayId", gateway == null ? "" : TencentIds.encode(ResourceType.VPN_GATEWAY, gateway.serial()));
        v.put("CustomerGatewayId", peer == null ? ""
                : TencentIds.encode(ResourceType.CUSTOMER_GATEWAY, peer.serial()));
        v.put("PreShareKey", c.ike() == null || c.ike().psk() == null ? "" : c.ike().psk().value());
        v.put("VpnProto", "IPSEC");
        v.put("EncryptProto", "IKE");
        v.put("RouteType", TencentSpelling.ROUTE_TYPE.spell(c.routeType()));
        v.put("CreatedTime", TencentTime.format(c.createdAt()));
        v.put("State", state(c, now));
        v.put("NetStatus", c.status() == NegotiationStatus.IPSEC_SA_ESTABLISHED ? "AVAILABLE" : "UNAVAILABLE");
        v.put("SecurityPolicyDatabaseSet", policies(c.securityPolicies()));
        v.put("IKEOptionsSpecification", ike(c.ike(), gateway, peer));
        v.put("IPSECOptionsSpecification", ipsec(c.ipsec()));
        HealthCheck hc = c.healthCheck() != null ? c.healthCheck() : NO_HEALTH_CHECK;
        v.put("EnableHealthCheck", hc.enabled());
        v.put("HealthCheckLocalIp", hc.sourceIp());
        v.put("HealthCheckRemoteIp", hc.destinationIp());
        v.put("HealthCheckStatus", healthStatus(c, related));
        v.put("DpdEnable", c.enableDpd() ? 1L : 0L);
        v.put("DpdTimeout", String.valueOf(c.dpdTimeoutSeconds()));
        v.put("DpdAction", TencentSpelling.DPD_ACTION.spell(c.dpdAction()));
        v.put("TagSet", TencentTags.view(c.tags()));
        v.put("NegotiationType", TencentSpelling.NEGOTIATION_TYPE.spell(c.initiation()));
        v.put("BgpConfig", bgp(c.bgp(), gateway, peer));
        var probe = new LinkedHashMap<String, Object>();
        probe.put("ProbeType", "NQA");
        probe.put("ProbeInterval", (long) hc.intervalMillis());
        probe.put("ProbeThreshold", (long) hc.retries());
        probe.put("ProbeTimeout", (long) hc.timeoutMillis());
        v.put("HealthCheckConfig", probe);
        return v;
    }

    /** {@code State} at {@code now}: the only field of a view that changes with time alone. */
    static String state(VpnConnection c, Instant now) {
        return c.lifecycle().state(now) == ResourceState.ACTIVE ? "AVAILABLE" : "PENDING";
    }

    /** {@code HealthCheckStatus} of {@code c} by the verdicts in {@code related}. */
    static String healthStatus(VpnConnection c, Related related) {
        return healthStatus(c.healthCheck() != null ? c.healthCheck() : NO_HEALTH_CHECK, related.health().get(c.id()));
    }

    /**
     * {@code HealthCheckStatus}: {@code AVAILABLE} while the gateway's agent reports the probes
     * answered, {@code UNAVAILABLE} while it reports them unanswered and whenever no verdict is known
     * (no agent, a silent one, a check not applied yet, no probe counted yet), so never available
     * without an answer; empty when the check is off, as Tencent shows it only for an enabled one.
     */
    static String healthStatus(HealthCheck hc, Health health) {
        if (!hc.enabled()) {
            return "";
        }
        return health == Health.UP ? "AVAILABLE" : "UNAVAILABLE";
    }

    /** One entry per local CIDR, with the remote CIDRs of its group. */
    static List<Map<String, Object>> policies(List<SecurityPolicy> policies) {
        var out = new ArrayList<Map<String, Object>>();
        for (SecurityPolicy policy : policies) {
            for (String local : policy.localCidrs()) {
                var v = new LinkedHashMap<String, Object>();
                v.put("LocalCidrBlock", local);
                v.put("RemoteCidrBlock", policy.remoteCidrs());
                out.add(v);
            }
        }
        return out;
    }

    private static Map<String, Object> ike(IkeConfig ike, VpnGateway gateway, CustomerGateway peer) {
        var base = ike != null ? ike : TencentConfigs.DEFAULT_IKE;
        String local = base.localId().isEmpty() && gateway != null ? gateway.internetIp() : base.localId();
        String remote = base.remoteId().isEmpty() && peer != null ? peer.ipAddress() : base.remoteId();
        var v = new LinkedHashMap<String, Object>();
        v.put("PropoEncryAlgorithm", TencentSpelling.IKE_ENCRYPTION.spell(base.encryption()));
        v.put("PropoAuthenAlgorithm", TencentSpelling.IKE_INTEGRITY.spell(base.integrity()));
        v.put("ExchangeMode", TencentSpelling.EXCHANGE_MODE.spell(base.mode()));
        boolean localAddress = local.isEmpty() || Cidrs.isIpv4(local);
        boolean remoteAddress = remote.isEmpty() || Cidrs.isIpv4(remote);
        v.put("LocalIdentity", localAddress ? "ADDRESS" : "FQDN");
        v.put("RemoteIdentity", remoteAddress ? "ADDRESS" : "FQDN");
        v.put("LocalAddress", localAddress ? local : "");
        v.put("RemoteAddress", remoteAddress ? remote : "");
        v.put("LocalFqdnName", localAddress ? "" : local);
        v.put("RemoteFqdnName", remoteAddress ? "" : remote);
        v.put("DhGroupName", TencentSpelling.IKE_DH_GROUP.spell(base.dhGroup()));
        v.put("IKESaLifetimeSeconds", base.lifetimeSeconds());
        v.put("IKEVersion", TencentSpelling.IKE_VERSION.spell(base.version()));
        return v;
    }

    private static Map<String, Object> ipsec(IpsecConfig ipsec) {
        var base = ipsec != null ? ipsec : TencentConfigs.DEFAULT_IPSEC;
        String integrity = TencentSpelling.IPSEC_INTEGRITY.spell(base.integrity());
        var v = new LinkedHashMap<String, Object>();
        v.put("EncryptAlgorithm", TencentSpelling.IPSEC_ENCRYPTION.spell(base.encryption()));
        v.put("IntegrityAlgorith", integrity);
        v.put("IPSECSaLifetimeSeconds", base.lifetimeSeconds());
        v.put("PfsDhGroup", TencentSpelling.PFS.spell(base.pfs()));
        v.put("IPSECSaLifetimeTraffic", base.lifetimeKilobytes());
        v.put("IntegrityAlgorithm", integrity);
        return v;
    }

    private static Map<String, Object> bgp(BgpConfig bgp, VpnGateway gateway, CustomerGateway peer) {
        boolean on = bgp != null && bgp.enabled();
        var v = new LinkedHashMap<String, Object>();
        v.put("TunnelCidr", on ? bgp.tunnelCidr() : "");
        v.put("LocalBgpIp", on ? bgp.localBgpIp() : "");
        v.put("RemoteBgpIp", on ? bgp.remoteBgpIp() : "");
        long localAsn = on && bgp.localAsn() != 0 ? bgp.localAsn() : gateway != null ? gateway.asn() : 0;
        v.put("LocalBgpAsn", on && localAsn != 0 ? String.valueOf(localAsn) : "");
        v.put("RemoteBgpAsn", on && peer != null && peer.asn() != 0 ? String.valueOf(peer.asn()) : "");
        return v;
    }
}
