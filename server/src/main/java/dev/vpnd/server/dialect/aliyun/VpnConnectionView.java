package dev.vpnd.server.dialect.aliyun;

import dev.vpnd.core.model.Initiation;
import dev.vpnd.core.model.BgpConfig;
import dev.vpnd.core.model.HealthCheck;
import dev.vpnd.core.model.Tunnel;
import dev.vpnd.core.model.VpnConnection;
import dev.vpnd.core.problem.ResourceType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * A connection as DescribeVpnConnections and DescribeVpnConnection show it: every field of the
 * seed pages always present with the seed's type (strings are empty rather than absent).
 */
final class VpnConnectionView {
    private VpnConnectionView() {
    }

    /**
     * @param tagsField {@code Tag} in the list response, {@code Tags} in the single one
     * @param peerAsn the ASN of a customer gateway, needed only for BGP-enabled connections
     */
    static Map<String, Object> of(VpnConnection c, Instant now, String tagsField, ToLongFunction<String> peerAsn) {
        var v = new LinkedHashMap<String, Object>();
        v.put("VpnConnectionId", AliyunIds.encode(ResourceType.VPN_CONNECTION, c.id()));
        v.put("VpnGatewayId", AliyunIds.encode(ResourceType.VPN_GATEWAY, c.gatewayId()));
        v.put("CustomerGatewayId", wireCustomerGatewayId(c.customerGatewayId()));
        v.put("Name", c.name());
        v.put("LocalSubnet", String.join(",", c.localSubnets()));
        v.put("RemoteSubnet", String.join(",", c.remoteSubnets()));
        v.put("CreateTime", c.createdAt().toEpochMilli());
        v.put("EffectImmediately", c.initiation() == Initiation.IMMEDIATE);
        v.put("Status", c.status().name().toLowerCase(Locale.ROOT));
        v.put("State", c.lifecycle().state(now).name().toLowerCase(Locale.ROOT));
        v.put("EnableDpd", c.enableDpd());
        v.put("EnableNatTraversal", c.enableNatTraversal());
        v.put("EnableTunnelsBgp", c.enableTunnelsBgp());
        v.put("RemoteCaCertificate", c.remoteCaCertificate());
        v.put("AttachType", "VPNGW");
        v.put("AttachInstanceId", "");
        v.put("NetworkType", "public");
        v.put("Spec", "");
        v.put("InternetIp", "");
        v.put("TransitRouterId", "");
        v.put("TransitRouterName", "");
        v.put("CrossAccountAuthorized", false);
        v.put("ResourceGroupId", "");
        v.put("TunnelBandwidth", "");
        v.put("IkeConfig", AliyunConfigs.ikeView(c.ike(), false));
        v.put("IpsecConfig", AliyunConfigs.ipsecView(c.ipsec(), false));
        v.put("VcoHealthCheck", healthCheck(c.healthCheck()));
        v.put("VpnBgpConfig", bgp(c.bgp(), c.bgp().enabled() ? peerAsn.applyAsLong(c.customerGatewayId()) : 0));
        v.put(tagsField, AliyunTags.view(c.tags()));
        var tunnels = new ArrayList<Map<String, Object>>();
        for (Tunnel t : c.tunnels()) {
            tunnels.add(tunnel(t, now, c, peerAsn));
        }
        var spec = new LinkedHashMap<String, Object>();
        spec.put("TunnelOptions", tunnels);
        v.put("TunnelOptionsSpecification", spec);
        return v;
    }

    static String wireCustomerGatewayId(String canonical) {
        return canonical.isEmpty() ? "" : AliyunIds.encode(ResourceType.CUSTOMER_GATEWAY, canonical);
    }

    private static Map<String, Object> healthCheck(HealthCheck h) {
        var v = new LinkedHashMap<String, Object>();
        v.put("Dip", h.destinationIp());
        v.put("Enable", String.valueOf(h.enabled()));
        v.put("Interval", h.intervalMillis() / 1000);
        v.put("Policy", h.policy());
        v.put("Retry", h.retries());
        v.put("Sip", h.sourceIp());
        // No data plane probes yet, so an enabled check has not succeeded.
        v.put("Status", h.enabled() ? "failed" : "");
        return v;
    }

    private static Map<String, Object> bgp(BgpConfig b, long peerAsn) {
        var v = new LinkedHashMap<String, Object>();
        v.put("AuthKey", b.authKey());
        v.put("EnableBgp", String.valueOf(b.enabled()));
        v.put("LocalAsn", b.localAsn());
        v.put("LocalBgpIp", b.localBgpIp());
        v.put("PeerAsn", peerAsn);
        v.put("PeerBgpIp", peerBgpIp(b));
        v.put("Status", b.enabled() ? "false" : "");
        v.put("TunnelCidr", b.tunnelCidr());
        return v;
    }

    private static Map<String, Object> tunnel(Tunnel t, Instant now, VpnConnection c, ToLongFunction<String> peerAsn) {
        var v = new LinkedHashMap<String, Object>();
        v.put("TunnelId", AliyunIds.tunnelId(t.id()));
        v.put("TunnelIndex", t.index());
        v.put("CustomerGatewayId", wireCustomerGatewayId(t.customerGatewayId()));
        v.put("Role", AliyunSpelling.TUNNEL_ROLE.spell(t.role()));
        v.put("State", c.lifecycle().state(now).name().toLowerCase(Locale.ROOT));
        v.put("Status", t.status().name().toLowerCase(Locale.ROOT));
        v.put("EnableDpd", String.valueOf(t.enableDpd()));
        v.put("EnableNatTraversal", String.valueOf(t.enableNatTraversal()));
        v.put("InternetIp", t.internetIp());
        v.put("RemoteCaCertificate", t.remoteCaCertificate());
        v.put("ZoneNo", t.zone());
        var bgp = new LinkedHashMap<String, Object>();
        bgp.put("BgpStatus", t.bgp().enabled() ? "false" : "");
        bgp.put("LocalAsn", String.valueOf(t.bgp().localAsn()));
        bgp.put("LocalBgpIp", t.bgp().localBgpIp());
        bgp.put("PeerAsn", c.enableTunnelsBgp() ? String.valueOf(peerAsn.applyAsLong(t.customerGatewayId())) : "");
        bgp.put("PeerBgpIp", peerBgpIp(t.bgp()));
        bgp.put("TunnelCidr", t.bgp().tunnelCidr());
        v.put("TunnelBgpConfig", bgp);
        v.put("TunnelIkeConfig", AliyunConfigs.ikeView(t.ike(), true));
        v.put("TunnelIpsecConfig", AliyunConfigs.ipsecView(t.ipsec(), true));
        return v;
    }

    /**
     * The peer's address as set, or else the other usable address of the /30 tunnel block: .1 and
     * .2 face each other.
     */
    static String peerBgpIp(BgpConfig b) {
        if (!b.remoteBgpIp().isEmpty()) {
            return b.remoteBgpIp();
        }
        String local = b.localBgpIp();
        int dot = local.lastIndexOf('.');
        if (b.tunnelCidr().isEmpty() || dot < 0) {
            return "";
        }
        int last = Integer.parseInt(local.substring(dot + 1));
        int offset = last & 3;
        if (offset != 1 && offset != 2) {
            return "";
        }
        return local.substring(0, dot + 1) + ((last & ~3) | (3 - offset));
    }
}
