package dev.vpnd.server.dialect.tencent;

import dev.vpnd.core.dataplane.ConnectionDataPlane;
import dev.vpnd.core.model.CustomerGateway;
import dev.vpnd.core.model.IkeConfig;
import dev.vpnd.core.model.IpsecConfig;
import dev.vpnd.core.model.NegotiationStatus;
import dev.vpnd.core.model.ResourceState;
import dev.vpnd.core.model.Vpc;
import dev.vpnd.core.model.VpnConnection;
import dev.vpnd.core.model.VpnGateway;
import dev.vpnd.core.problem.ResourceType;
import dev.vpnd.core.service.Cidrs;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A connection as the legacy DescribeVpnConn shows it: the fields of the documented example, in its
 * order and with its JSON types (old ids as numbers, lifetimes as strings, {@code null} for an
 * identity not in use), algorithms in the legacy API's lowercase spelling.
 */
final class LegacyVpnConnView {
    /**
     * vpcConnStatus (docs/dialects/tencent.md, DescribeVpnConn): 0 creating, 1 creation error, 2
     * modifying, 3 modification error, 6 running. 4 (deleting) and 5 (deletion error) never occur: a
     * delete is done when it is answered, and what is deleted is not listed.
     */
    static final int CREATING = 0;
    static final int CREATION_ERROR = 1;
    static final int MODIFYING = 2;
    static final int MODIFICATION_ERROR = 3;
    static final int RUNNING = 6;

    private LegacyVpnConnView() {
    }

    /**
     * Related resources by canonical id; any may be missing (null) for a connection made elsewhere.
     * {@code region} is the connection's region by its API 3.0 name, which old VPC ids carry.
     */
    static Map<String, Object> of(VpnConnection c, String region, Vpc vpc, VpnGateway gateway, CustomerGateway peer,
            ConnectionDataPlane plane, Instant now) {
        var v = new LinkedHashMap<String, Object>();
        v.put("vpcId", vpc == null ? null : LegacyIds.vpc(region, vpc.serial()));
        v.put("unVpcId", vpc == null ? "" : TencentIds.encode(ResourceType.VPC, vpc.serial()));
        v.put("vpcName", vpc == null ? "" : vpc.name());
        v.put("vpcCidrBlock", vpc == null ? "" : vpc.cidrBlock());
        v.put("vpnGwId", gateway == null ? null : gateway.serial());
        v.put("unVpnGwId", gateway == null ? "" : TencentIds.encode(ResourceType.VPN_GATEWAY, gateway.serial()));
        v.put("vpnGwName", gateway == null ? "" : gateway.name());
        v.put("vpnGwAddress", gateway == null ? "" : gateway.internetIp());
        v.put("vpnConnId", c.serial());
        v.put("unVpnConnId", TencentIds.encode(ResourceType.VPN_CONNECTION, c.serial()));
        v.put("vpnConnName", c.name());
        // A number, as the example shows it, though the parameter table says String.
        v.put("userGwId", peer == null ? null : peer.serial());
        v.put("unUserGwId", peer == null ? "" : TencentIds.encode(ResourceType.CUSTOMER_GATEWAY, peer.serial()));
        v.put("userGwName", peer == null ? "" : peer.name());
        v.put("userGwAddress", peer == null ? "" : peer.ipAddress());
        v.put("vpcConnStatus", status(c, plane, now));
        v.put("netStatus", c.status() == NegotiationStatus.IPSEC_SA_ESTABLISHED ? "available" : "unavailable");
        v.put("preSharedKey", c.ike() == null || c.ike().psk() == null ? "" : c.ike().psk().value());
        v.put("remoteSlaIp", c.healthCheck() == null ? "" : c.healthCheck().destinationIp());
        v.put("sourceCidr", c.localSubnets());
        v.put("destinationCidr", c.remoteSubnets());
        v.put("vpnProto", "ip-sec");
        v.put("createTime", TencentTime.format(c.createdAt()));
        v.put("IKEArr", ike(c.ike() != null ? c.ike() : TencentConfigs.DEFAULT_IKE, gateway, peer));
        v.put("IPSECArr", ipsec(c.ipsec() != null ? c.ipsec() : TencentConfigs.DEFAULT_IPSEC));
        return v;
    }

    /**
     * The error states when the IPsec daemon refused the connection's latest change, as the agent
     * serving its gateway reported once it applied it: a creation error while that change is the
     * connection's creation, else a modification error. Otherwise the lifecycle's state.
     */
    static int status(VpnConnection c, ConnectionDataPlane plane, Instant now) {
        if (plane.configError() != null) {
            return c.lifecycle().pending() == ResourceState.PROVISIONING ? CREATION_ERROR : MODIFICATION_ERROR;
        }
        return switch (c.lifecycle().state(now)) {
            case PROVISIONING -> CREATING;
            case UPDATING -> MODIFYING;
            case ACTIVE -> RUNNING;
        };
    }

    /**
     * An empty stored identity is the gateway's (or the peer's) address; an identity is an address
     * when it is IPv4, else an FQDN: the rule of the API 3.0 view, so both APIs agree.
     */
    private static Map<String, Object> ike(IkeConfig ike, VpnGateway gateway, CustomerGateway peer) {
        String local = ike.localId().isEmpty() && gateway != null ? gateway.internetIp() : ike.localId();
        String remote = ike.remoteId().isEmpty() && peer != null ? peer.ipAddress() : ike.remoteId();
        boolean localAddress = local.isEmpty() || Cidrs.isIpv4(local);
        boolean remoteAddress = remote.isEmpty() || Cidrs.isIpv4(remote);
        var v = new LinkedHashMap<String, Object>();
        v.put("propoAuthenAlgorithm", TencentSpelling.legacy(TencentSpelling.IKE_INTEGRITY, ike.integrity()));
        v.put("propoEncryAlgorithm", TencentSpelling.legacy(TencentSpelling.IKE_ENCRYPTION, ike.encryption()));
        v.put("exchangeMode", TencentSpelling.legacy(TencentSpelling.EXCHANGE_MODE, ike.mode()));
        v.put("localIdentity", localAddress ? "address" : "fqdn");
        v.put("remoteIdentity", remoteAddress ? "address" : "fqdn");
        v.put("localAddress", localAddress ? local : null);
        v.put("remoteAddress", remoteAddress ? remote : null);
        v.put("localFqdnName", localAddress ? null : local);
        v.put("remoteFqdnName", remoteAddress ? null : remote);
        v.put("dhGroupName", TencentSpelling.legacy(TencentSpelling.IKE_DH_GROUP, ike.dhGroup()));
        v.put("ikeSaLifetimeSeconds", String.valueOf(ike.lifetimeSeconds()));
        return v;
    }

    /** No PFS is the text {@code "null"}, not JSON null, as in the example. */
    private static Map<String, Object> ipsec(IpsecConfig ipsec) {
        var v = new LinkedHashMap<String, Object>();
        v.put("encryptAlgorithm", TencentSpelling.legacy(TencentSpelling.IPSEC_ENCRYPTION, ipsec.encryption()));
        v.put("integrityAlgorith", TencentSpelling.legacy(TencentSpelling.IPSEC_INTEGRITY, ipsec.integrity()));
        v.put("encapMode", "tunnel");
        v.put("securityProto", "ESP");
        v.put("pfsDhGroup", TencentSpelling.legacy(TencentSpelling.PFS, ipsec.pfs()));
        v.put("ipsecSaLifetimeSeconds", String.valueOf(ipsec.lifetimeSeconds()));
        v.put("ipsecSaLifetimeTraffic", String.valueOf(ipsec.lifetimeKilobytes()));
        return v;
    }
}
