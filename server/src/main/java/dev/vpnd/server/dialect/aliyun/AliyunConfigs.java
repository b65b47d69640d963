package dev.vpnd.server.dialect.aliyun;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vpnd.core.algo.DhGroup;
import dev.vpnd.core.algo.Encryption;
import dev.vpnd.core.algo.IkeMode;
import dev.vpnd.core.algo.IkeVersion;
import dev.vpnd.core.algo.Integrity;
import dev.vpnd.core.model.BgpConfig;
import dev.vpnd.core.model.HealthCheck;
import dev.vpnd.core.model.IkeConfig;
import dev.vpnd.core.model.IpsecConfig;
import dev.vpnd.core.model.Secret;
import dev.vpnd.core.service.Cidrs;
import dev.vpnd.server.dialect.SpellingTable;
import java.io.IOException;

/**
 * The JSON-text settings of CreateVpnConnection and ModifyVpnConnectionAttribute
 * ({@code IkeConfig}, {@code IpsecConfig}, {@code BgpConfig}, {@code HealthCheckConfig}), read onto
 * a base so a create starts from Alibaba's defaults and a modify from the stored values: clients
 * send only some keys, or {@code {}}. Defaults are those of the current API reference
 * (docs/dialects/aliyun.md, Defaults), which makes {@code md5} the default authentication algorithm
 * of both phases.
 */
final class AliyunConfigs {
    static final long MAX_LIFETIME = 86_400;
    static final IkeConfig DEFAULT_IKE = new IkeConfig(IkeVersion.V1, IkeMode.MAIN, Encryption.AES_128,
            Integrity.MD5, DhGroup.MODP_1024, MAX_LIFETIME, "", "", null);
    static final IpsecConfig DEFAULT_IPSEC = new IpsecConfig(Encryption.AES_128, Integrity.MD5, DhGroup.MODP_1024,
            MAX_LIFETIME, 0);
    /** Alibaba sets only the interval (whole seconds); a probe times out after one second. */
    static final HealthCheck DEFAULT_HEALTH_CHECK = new HealthCheck(false, "", "", 3000, 1000, 3, "revoke_route");
    static final BgpConfig DEFAULT_BGP = new BgpConfig(false, 45104, "", "", "", "");

    private AliyunConfigs() {
    }

    /**
     * A connection's BGP settings as Alibaba shows and changes them. A connection made through
     * another API may have none (Tencent's without {@code BgpConfig}): that is Alibaba's default, off.
     */
    static BgpConfig bgpOrDefault(BgpConfig bgp) {
        return bgp != null ? bgp : DEFAULT_BGP;
    }

    /** A connection's health check as Alibaba shows and changes it; none (another API's) is Alibaba's default, off. */
    static HealthCheck healthCheckOrDefault(HealthCheck healthCheck) {
        return healthCheck != null ? healthCheck : DEFAULT_HEALTH_CHECK;
    }

    static IkeConfig ike(JsonNode node, IkeConfig base, String param) {
        String psk = text(node, "Psk");
        if (psk != null && (psk.isEmpty() || psk.length() > 100 || !psk.chars().allMatch(c -> c > 0x20 && c < 0x7f))) {
            throw AliyunError.INVALID_PARAMETER.fault(param + ".Psk");
        }
        return new IkeConfig(
                spelled(node, "IkeVersion", AliyunSpelling.IKE_VERSION, base.version(), param),
                spelled(node, "IkeMode", AliyunSpelling.IKE_MODE, base.mode(), param),
                spelled(node, "IkeEncAlg", AliyunSpelling.ENCRYPTION, base.encryption(), param),
                spelled(node, "IkeAuthAlg", AliyunSpelling.INTEGRITY, base.integrity(), param),
                spelled(node, "IkePfs", AliyunSpelling.IKE_DH_GROUP, base.dhGroup(), param),
                lifetime(node, "IkeLifetime", base.lifetimeSeconds(), param),
                identity(node, "LocalId", base.localId(), param),
                identity(node, "RemoteId", base.remoteId(), param),
                psk != null ? new Secret(psk) : base.psk());
    }

    static IpsecConfig ipsec(JsonNode node, IpsecConfig base, String param) {
        return new IpsecConfig(
                spelled(node, "IpsecEncAlg", AliyunSpelling.ENCRYPTION, base.encryption(), param),
                spelled(node, "IpsecAuthAlg", AliyunSpelling.INTEGRITY, base.integrity(), param),
                spelled(node, "IpsecPfs", AliyunSpelling.IPSEC_PFS, base.pfs(), param),
                lifetime(node, "IpsecLifetime", base.lifetimeSeconds(), param), base.lifetimeKilobytes());
    }

    /** {@code HealthCheckConfig} is the one setting whose keys are lowercase on the wire. */
    static HealthCheck healthCheck(JsonNode node, HealthCheck base) {
        String dip = text(node, "dip");
        String sip = text(node, "sip");
        for (String ip : new String[] {dip, sip}) {
            if (ip != null && !ip.isEmpty() && !Cidrs.isIpv4(ip)) {
                throw AliyunError.INVALID_PARAMETER.fault("HealthCheckConfig");
            }
        }
        String policy = text(node, "policy");
        if (policy != null && !policy.equals("revoke_route") && !policy.equals("reserve_route")) {
            throw AliyunError.INVALID_PARAMETER.fault("HealthCheckConfig.policy");
        }
        return new HealthCheck(bool(node, "enable", base.enabled(), "HealthCheckConfig.enable"),
                dip != null ? dip : base.destinationIp(), sip != null ? sip : base.sourceIp(),
                (int) number(node, "interval", base.intervalMillis() / 1000, 1, 3600, "HealthCheckConfig.interval")
                        * 1000,
                base.timeoutMillis(),
                (int) number(node, "retry", base.retries(), 1, 100, "HealthCheckConfig.retry"),
                policy != null ? policy : base.policy());
    }

    static BgpConfig bgp(JsonNode node, BgpConfig base, String param) {
        String cidr = text(node, "TunnelCidr");
        if (cidr != null && !cidr.isEmpty() && !tunnelCidr(cidr)) {
            throw AliyunError.INVALID_PARAMETER.fault(param + ".TunnelCidr");
        }
        String localIp = text(node, "LocalBgpIp");
        if (localIp != null && !localIp.isEmpty() && !Cidrs.isIpv4(localIp)) {
            throw AliyunError.INVALID_PARAMETER.fault(param + ".LocalBgpIp");
        }
        return new BgpConfig(bool(node, "EnableBgp", base.enabled(), param + ".EnableBgp"),
                number(node, "LocalAsn", base.localAsn(), 1, 4_294_967_295L, param + ".LocalAsn"),
                cidr != null ? cidr : base.tunnelCidr(), localIp != null ? localIp : base.localBgpIp(),
                base.remoteBgpIp(), base.authKey());
    }

    /** A /30 inside 169.254.0.0/16, as the BGP tunnel addresses must be. */
    private static boolean tunnelCidr(String cidr) {
        return Cidrs.isCidr(cidr) && cidr.startsWith("169.254.") && cidr.endsWith("/30");
    }

    /** The IKE settings as an object; tunnels show the lifetime as text, the connection as a number. */
    static void writeIke(JsonGenerator out, IkeConfig ike, boolean lifetimeAsText) throws IOException {
        out.writeStartObject();
        out.writeStringField("IkeAuthAlg", AliyunSpelling.INTEGRITY.spell(ike.integrity()));
        out.writeStringField("IkeEncAlg", AliyunSpelling.ENCRYPTION.spell(ike.encryption()));
        writeLifetime(out, "IkeLifetime", ike.lifetimeSeconds(), lifetimeAsText);
        out.writeStringField("IkeMode", AliyunSpelling.IKE_MODE.spell(ike.mode()));
        out.writeStringField("IkePfs", AliyunSpelling.IKE_DH_GROUP.spell(ike.dhGroup()));
        out.writeStringField("IkeVersion", AliyunSpelling.IKE_VERSION.spell(ike.version()));
        out.writeStringField("LocalId", ike.localId());
        out.writeStringField("Psk", ike.psk() == null ? "" : ike.psk().value());
        out.writeStringField("RemoteId", ike.remoteId());
        out.writeEndObject();
    }

    static void writeIpsec(JsonGenerator out, IpsecConfig ipsec, boolean lifetimeAsText) throws IOException {
        out.writeStartObject();
        out.writeStringField("IpsecAuthAlg", AliyunSpelling.INTEGRITY.spell(ipsec.integrity()));
        out.writeStringField("IpsecEncAlg", AliyunSpelling.ENCRYPTION.spell(ipsec.encryption()));
        writeLifetime(out, "IpsecLifetime", ipsec.lifetimeSeconds(), lifetimeAsText);
        out.writeStringField("IpsecPfs", AliyunSpelling.IPSEC_PFS.spell(ipsec.pfs()));
        out.writeEndObject();
    }

    private static void writeLifetime(JsonGenerator out, String name, long seconds, boolean asText)
            throws IOException {
        if (asText) {
            out.writeStringField(name, String.valueOf(seconds));
        } else {
            out.writeNumberField(name, seconds);
        }
    }

    private static <E extends Enum<E>> E spelled(JsonNode node, String key, SpellingTable<E> table, E base,
            String param) {
        String text = text(node, key);
        if (text == null) {
            return base;
        }
        return table.parse(text).orElseThrow(() -> AliyunError.INVALID_PARAMETER.fault(param + "." + key));
    }

    private static long lifetime(JsonNode node, String key, long base, String param) {
        return number(node, key, base, 0, MAX_LIFETIME, param + "." + key);
    }

    private static String identity(JsonNode node, String key, String base, String param) {
        String text = text(node, key);
        if (text == null) {
            return base;
        }
        if (text.length() > 100 || text.chars().anyMatch(Character::isWhitespace)) {
            throw AliyunError.INVALID_PARAMETER.fault(param + "." + key);
        }
        return text;
    }

    private static long number(JsonNode node, String key, long base, long min, long max, String name) {
        String text = text(node, key);
        if (text == null || text.isEmpty()) {
            return base;
        }
        try {
            long value = Long.parseLong(text.strip());
            if (value < min || value > max) {
                throw AliyunError.INVALID_PARAMETER.fault(name);
            }
            return value;
        } catch (NumberFormatException e) {
            throw AliyunError.INVALID_PARAMETER.fault(name);
        }
    }

    private static boolean bool(JsonNode node, String key, boolean base, String name) {
        String text = text(node, key);
        if (text == null || text.isEmpty()) {
            return base;
        }
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw AliyunError.INVALID_PARAMETER.fault(name);
        };
    }

    /** The key's value as text whatever its JSON type (clients send numbers as strings and vice versa). */
    private static String text(JsonNode node, String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isContainerNode()) {
            throw AliyunError.INVALID_PARAMETER.fault(key);
        }
        return value.asText();
    }
}
