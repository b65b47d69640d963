package dev.vpnd.server.dialect.aliyun;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.vpnd.core.dataplane.Health;
import dev.vpnd.core.model.BgpConfig;
import dev.vpnd.core.model.HealthCheck;
import dev.vpnd.core.model.IkeConfig;
import dev.vpnd.core.model.Initiation;
import dev.vpnd.core.model.NegotiationStatus;
import dev.vpnd.core.model.ResourceState;
import dev.vpnd.core.model.Tunnel;
import dev.vpnd.core.model.VpnConnection;
import dev.vpnd.core.problem.ResourceType;
import java.io.IOException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * A connection as DescribeVpnConnections and DescribeVpnConnection show it: every field of
 * Alibaba's reference responses present with its type (strings are empty rather than absent),
 * except {@code TunnelOptionsSpecification}, which the reference returns for dual-tunnel
 * connections only. What it shows of the gateway and customer gateways comes from
 * {@link Surroundings}. Written straight to the JSON generator: a page of connections is most of
 * what vpnd writes.
 */
final class VpnConnectionView {
    private static final Map<ResourceState, String> STATES = lowerCaseNames(ResourceState.class);
    private static final Map<NegotiationStatus, String> STATUSES = lowerCaseNames(NegotiationStatus.class);
    /**
     * A tunnel's {@code State} takes {@code active}, {@code updating} and {@code deleting} only: a
     * tunnel of a connection being created is being configured as one being changed is.
     */
    private static final Map<ResourceState, String> TUNNEL_STATES = new EnumMap<>(Map.of(
            ResourceState.PROVISIONING, "updating", ResourceState.UPDATING, "updating", ResourceState.ACTIVE,
            "active"));

    private VpnConnectionView() {
    }

    /**
     * @param tagsField {@code Tag} in the list response, {@code Tags} in the single one
     * @param health the verdict of the connection's health check ({@code DataPlaneService#health}); null
     *     when it has none or none is known
     * @param around the gateway and customer gateways as of this call ({@link Surroundings#of})
     */
    static BodyFields of(VpnConnection c, Instant now, String tagsField, Health health, Surroundings around) {
        return out -> write(out, c, now, tagsField, health, around);
    }

    private static void write(JsonGenerator out, VpnConnection c, Instant now, String tagsField, Health health,
            Surroundings around) throws IOException {
        String state = state(c, now);
        out.writeStringField("VpnConnectionId", AliyunIds.encode(ResourceType.VPN_CONNECTION, c.id()));
        out.writeStringField("VpnGatewayId", AliyunIds.encode(ResourceType.VPN_GATEWAY, c.gatewayId()));
        out.writeStringField("CustomerGatewayId", wireCustomerGatewayId(c.customerGatewayId()));
        out.writeStringField("Name", c.name());
        out.writeStringField("LocalSubnet", String.join(",", c.localSubnets()));
        out.writeStringField("RemoteSubnet", String.join(",", c.remoteSubnets()));
        out.writeNumberField("CreateTime", c.createdAt().toEpochMilli());
        out.writeBooleanField("EffectImmediately", c.initiation() == Initiation.IMMEDIATE);
        out.writeStringField("Status", STATUSES.get(c.status()));
        out.writeStringField("State", state);
        out.writeBooleanField("EnableDpd", c.enableDpd());
        out.writeBooleanField("EnableNatTraversal", c.enableNatTraversal());
        out.writeBooleanField("EnableTunnelsBgp", c.enableTunnelsBgp());
        out.writeStringField("RemoteCaCertificate", c.remoteCaCertificate());
        out.writeStringField("AttachType", "VPNGW");
        out.writeStringField("AttachInstanceId", "");
        out.writeStringField("NetworkType", around.networkType());
        out.writeStringField("Spec", "");
        out.writeStringField("InternetIp", "");
        out.writeStringField("TransitRouterId", "");
        out.writeStringField("TransitRouterName", "");
        out.writeBooleanField("CrossAccountAuthorized", false);
        out.writeStringField("ResourceGroupId", "");
        out.writeStringField("TunnelBandwidth", "");
        out.writeFieldName("IkeConfig");
        AliyunConfigs.writeIke(out, withAddresses(c.ike(), around.gatewayAddress(),
                around.peer(c.customerGatewayId()).ipAddress()), false);
        out.writeFieldName("IpsecConfig");
        AliyunConfigs.writeIpsec(out, c.ipsec(), false);
        writeHealthCheck(out, AliyunConfigs.healthCheckOrDefault(c.healthCheck()), health);
        BgpConfig bgp = AliyunConfigs.bgpOrDefault(c.bgp());
        writeBgp(out, bgp, around.peer(c.customerGatewayId()));
        out.writeFieldName(tagsField);
        AliyunTags.write(out, c.tags());
        if (c.dualTunnel()) {
            out.writeObjectFieldStart("TunnelOptionsSpecification");
            out.writeArrayFieldStart("TunnelOptions");
            String tunnelState = TUNNEL_STATES.get(c.lifecycle().state(now));
            for (Tunnel t : c.tunnels()) {
                writeTunnel(out, t, tunnelState, c, around);
            }
            out.writeEndArray();
            out.writeEndObject();
        }
    }

    /**
     * The IKE settings with an empty identity shown as the address of its end, as the gateway's
     * agent is told to use it (a tunnel's own end is its gateway's address): a user configures the
     * other end from these.
     */
    static IkeConfig withAddresses(IkeConfig ike, String localAddress, String peerAddress) {
        return ike.withIdentities(ike.localId().isEmpty() ? localAddress : ike.localId(),
                ike.remoteId().isEmpty() ? peerAddress : ike.remoteId());
    }

    /** The connection's {@code State} at {@code now}, as the view spells it. */
    static String state(VpnConnection c, Instant now) {
        return STATES.get(c.lifecycle().state(now));
    }

    static String wireCustomerGatewayId(String canonical) {
        return canonical.isEmpty() ? "" : AliyunIds.encode(ResourceType.CUSTOMER_GATEWAY, canonical);
    }

    /**
     * {@code VcoHealthCheck.Status}: {@code success} while the gateway's agent reports the probes
     * answered, {@code failed} while it reports them unanswered and whenever no verdict is known (no
     * agent, a silent one, a check not applied yet, no probe counted yet): never a success without an
     * answer. Empty when the check is off. Alibaba documents these two values and no third.
     */
    static String healthStatus(HealthCheck h, Health health) {
        if (!h.enabled()) {
            return "";
        }
        return health == Health.UP ? "success" : "failed";
    }

    private static void writeHealthCheck(JsonGenerator out, HealthCheck h, Health health) throws IOException {
        out.writeObjectFieldStart("VcoHealthCheck");
        out.writeStringField("Dip", h.destinationIp());
        out.writeStringField("Enable", String.valueOf(h.enabled()));
        out.writeNumberField("Interval", h.intervalMillis() / 1000);
        out.writeStringField("Policy", h.policy());
        out.writeNumberField("Retry", h.retries());
        out.writeStringField("Sip", h.sourceIp());
        out.writeStringField("Status", healthStatus(h, health));
        out.writeEndObject();
    }

    /**
     * The peer's ASN and BGP authentication key are the customer gateway's (Alibaba's connection
     * settings take neither), shown while the connection runs BGP; a key of the connection's own
     * (none of vpnd's APIs sets one) comes first.
     */
    private static void writeBgp(JsonGenerator out, BgpConfig b, Surroundings.Peer peer) throws IOException {
        out.writeObjectFieldStart("VpnBgpConfig");
        out.writeStringField("AuthKey", !b.authKey().isEmpty() || !b.enabled() ? b.authKey() : peer.authKey());
        out.writeStringField("EnableBgp", String.valueOf(b.enabled()));
        out.writeNumberField("LocalAsn", b.localAsn());
        out.writeStringField("LocalBgpIp", b.localBgpIp());
        out.writeNumberField("PeerAsn", b.enabled() ? peer.asn() : 0);
        out.writeStringField("PeerBgpIp", peerBgpIp(b));
        out.writeStringField("Status", b.enabled() ? "false" : "");
        out.writeStringField("TunnelCidr", b.tunnelCidr());
        out.writeEndObject();
    }

    /**
     * A tunnel's {@code InternetIp}, {@code ZoneNo} and default {@code LocalId} are its gateway's:
     * vpnd's gateway is one agent with one public address, which both tunnels of a dual-tunnel
     * connection use (Alibaba gives the slave tunnel a second, disaster-recovery address).
     */
    private static void writeTunnel(JsonGenerator out, Tunnel t, String state, VpnConnection c,
            Surroundings around) throws IOException {
        Surroundings.Peer peer = around.peer(t.customerGatewayId());
        out.writeStartObject();
        out.writeStringField("TunnelId", AliyunIds.tunnelId(t.id()));
        out.writeNumberField("TunnelIndex", t.index());
        out.writeStringField("CustomerGatewayId", wireCustomerGatewayId(t.customerGatewayId()));
        out.writeStringField("Role", AliyunSpelling.TUNNEL_ROLE.spell(t.role()));
        out.writeStringField("State", state);
        out.writeStringField("Status", STATUSES.get(t.status()));
        out.writeStringField("EnableDpd", String.valueOf(t.enableDpd()));
        out.writeStringField("EnableNatTraversal", String.valueOf(t.enableNatTraversal()));
        out.writeStringField("InternetIp", around.gatewayAddress());
        out.writeStringField("RemoteCaCertificate", t.remoteCaCertificate());
        out.writeStringField("ZoneNo", around.zone());
        out.writeObjectFieldStart("TunnelBgpConfig");
        out.writeStringField("BgpStatus", t.bgp().enabled() ? "false" : "");
        out.writeStringField("LocalAsn", String.valueOf(t.bgp().localAsn()));
        out.writeStringField("LocalBgpIp", t.bgp().localBgpIp());
        out.writeStringField("PeerAsn", c.enableTunnelsBgp() ? String.valueOf(peer.asn()) : "");
        out.writeStringField("PeerBgpIp", peerBgpIp(t.bgp()));
        out.writeStringField("TunnelCidr", t.bgp().tunnelCidr());
        out.writeEndObject();
        out.writeFieldName("TunnelIkeConfig");
        AliyunConfigs.writeIke(out, withAddresses(t.ike(), around.gatewayAddress(), peer.ipAddress()), true);
        out.writeFieldName("TunnelIpsecConfig");
        AliyunConfigs.writeIpsec(out, t.ipsec(), true);
        out.writeEndObject();
    }

    private static <E extends Enum<E>> Map<E, String> lowerCaseNames(Class<E> type) {
        var names = new EnumMap<E, String>(type);
        for (E value : type.getEnumConstants()) {
            names.put(value, value.name().toLowerCase(Locale.ROOT));
        }
        return names;
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
