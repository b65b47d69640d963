package dev.vpnd.server.dialect.tencent;

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
import java.security.SecureRandom;
import java.util.Optional;

/**
 * Tencent's option objects read onto a base, so a create starts from Tencent's defaults
 * (docs/dialects/tencent.md, "Defaults and states"; where the Chinese SDK and the international
 * documentation disagree, the SDK's) and a modify from the stored values.
 */
final class TencentConfigs {
    static final IkeConfig DEFAULT_IKE = new IkeConfig(IkeVersion.V1, IkeMode.MAIN, Encryption.TRIPLE_DES,
            Integrity.SHA1, DhGroup.MODP_768, 86_400, "", "", null);
    static final IpsecConfig DEFAULT_IPSEC = new IpsecConfig(Encryption.AES_128, Integrity.SHA1, DhGroup.NONE,
            14_400, 4_096_000_000L);
    /** Tencent documents the ranges, not the defaults, of its NQA probe; these sit inside them. */
    static final int DEFAULT_PROBE_INTERVAL_MILLIS = 2000;
    static final int DEFAULT_PROBE_TIMEOUT_MILLIS = 1000;
    static final int DEFAULT_PROBE_THRESHOLD = 3;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TencentConfigs() {
    }

    static IkeConfig ike(Optional<Api3Params> given, IkeConfig base) {
        if (given.isEmpty()) {
            return base;
        }
        Api3Params p = given.get();
        return new IkeConfig(
                spelled(p, "IKEVersion", TencentSpelling.IKE_VERSION, base.version()),
                spelled(p, "ExchangeMode", TencentSpelling.EXCHANGE_MODE, base.mode()),
                spelled(p, "PropoEncryAlgorithm", TencentSpelling.IKE_ENCRYPTION, base.encryption()),
                spelled(p, "PropoAuthenAlgorithm", TencentSpelling.IKE_INTEGRITY, base.integrity()),
                spelled(p, "DhGroupName", TencentSpelling.IKE_DH_GROUP, base.dhGroup()),
                p.integer("IKESaLifetimeSeconds", base.lifetimeSeconds(), 60, 604_800),
                identity(p, "Local", base.localId()),
                identity(p, "Remote", base.remoteId()),
                base.psk());
    }

    /**
     * An IKE identity: {@code <side>Identity} ADDRESS takes {@code <side>Address}, FQDN takes
     * {@code <side>FqdnName}; the canonical id is that value (an address reads back as ADDRESS).
     */
    private static String identity(Api3Params p, String side, String base) {
        String type = p.text(side + "Identity").orElse(null);
        String address = p.text(side + "Address").orElse(null);
        String fqdn = p.text(side + "FqdnName").orElse(null);
        if (type == null) {
            type = fqdn != null && address == null ? "FQDN" : "ADDRESS";
        }
        return switch (type.toUpperCase(java.util.Locale.ROOT)) {
            case "ADDRESS" -> {
                if (address == null) {
                    yield base;
                }
                if (!Cidrs.isIpv4(address)) {
                    throw TencentError.MALFORMED.fault(address);
                }
                yield address;
            }
            case "FQDN" -> {
                if (fqdn == null || fqdn.isEmpty()) {
                    throw TencentError.MISSING_PARAMETER.fault(p.name(side + "FqdnName"));
                }
                if (fqdn.length() > 255) {
                    throw TencentError.TOO_LONG.fault(p.name(side + "FqdnName"));
                }
                yield fqdn;
            }
            default -> throw TencentError.INVALID_PARAMETER_VALUE.fault(p.name(side + "Identity"));
        };
    }

    static IpsecConfig ipsec(Optional<Api3Params> given, IpsecConfig base) {
        if (given.isEmpty()) {
            return base;
        }
        Api3Params p = given.get();
        var misspelt = p.text("IntegrityAlgorith").map(t -> parse(p, "IntegrityAlgorith", t,
                TencentSpelling.IPSEC_INTEGRITY));
        var spelt = p.text("IntegrityAlgorithm").map(t -> parse(p, "IntegrityAlgorithm", t,
                TencentSpelling.IPSEC_INTEGRITY));
        if (misspelt.isPresent() && spelt.isPresent() && misspelt.get() != spelt.get()) {
            throw TencentError.INVALID_PARAMETER_VALUE.fault(p.name("IntegrityAlgorithm"));
        }
        return new IpsecConfig(
                spelled(p, "EncryptAlgorithm", TencentSpelling.IPSEC_ENCRYPTION, base.encryption()),
                misspelt.or(() -> spelt).orElse(base.integrity()),
                spelled(p, "PfsDhGroup", TencentSpelling.PFS, base.pfs()),
                p.integer("IPSECSaLifetimeSeconds", base.lifetimeSeconds(), 180, 604_800),
                p.integer("IPSECSaLifetimeTraffic", base.lifetimeKilobytes(), 2560, 4_294_967_295L));
    }

    /** EnableHealthCheck, the two probe addresses and HealthCheckConfig, onto {@code base}. */
    static HealthCheck healthCheck(Api3Params p, HealthCheck base) {
        String local = probeAddress(p, "HealthCheckLocalIp", base.sourceIp());
        String remote = probeAddress(p, "HealthCheckRemoteIp", base.destinationIp());
        if (local.equals(remote)) {
            throw TencentError.HEALTH_CHECK_IP_CONFLICT.fault();
        }
        int interval = base.intervalMillis();
        int timeout = base.timeoutMillis();
        int threshold = base.retries();
        var config = p.object("HealthCheckConfig");
        if (config.isPresent()) {
            var c = config.get();
            var probeType = c.text("ProbeType");
            if (probeType.isPresent() && !probeType.get().equals("NQA")) {
                throw TencentError.INVALID_PARAMETER_VALUE.fault(c.name("ProbeType"));
            }
            interval = (int) c.integer("ProbeInterval", interval, 1000, 5000);
            threshold = (int) c.integer("ProbeThreshold", threshold, 3, 8);
            timeout = (int) c.integer("ProbeTimeout", timeout, 10, 5000);
        }
        return new HealthCheck(p.bool("EnableHealthCheck").orElse(base.enabled()), remote, local, interval, timeout,
                threshold, base.policy());
    }

    /** A new connection's probe settings: disabled, two random addresses of 169.254.128.0/17. */
    static HealthCheck defaultHealthCheck() {
        String prefix = "169.254." + (128 + RANDOM.nextInt(128)) + ".";
        int last = 2 + 2 * RANDOM.nextInt(126);
        String local = prefix + last;
        String remote = prefix + (last + 1);
        return new HealthCheck(false, remote, local, DEFAULT_PROBE_INTERVAL_MILLIS, DEFAULT_PROBE_TIMEOUT_MILLIS,
                DEFAULT_PROBE_THRESHOLD, "revoke_route");
    }

    private static String probeAddress(Api3Params p, String field, String base) {
        var given = p.text(field);
        if (given.isEmpty() || given.get().isEmpty()) {
            return base;
        }
        String ip = given.get();
        if (!Cidrs.isIpv4(ip) || !ip.startsWith("169.254.") || Integer.parseInt(ip.split("\\.", -1)[2]) < 128) {
            throw TencentError.INVALID_PARAMETER_VALUE.fault(field + "` (an address of 169.254.128.0/17");
        }
        return ip;
    }

    /** BgpConfig {TunnelCidr, LocalBgpIp, RemoteBgpIp}: a /30 of 169.254.0.0/16 and two hosts inside it. */
    static BgpConfig bgp(Optional<Api3Params> given, BgpConfig base, long localAsn) {
        if (given.isEmpty()) {
            return base;
        }
        Api3Params p = given.get();
        String cidr = p.requiredText("TunnelCidr");
        String local = p.requiredText("LocalBgpIp");
        String remote = p.requiredText("RemoteBgpIp");
        if (!Cidrs.isCidr(cidr) || !cidr.startsWith("169.254.") || !cidr.endsWith("/30")) {
            throw TencentError.BGP_TUNNEL_CIDR_MASK.fault();
        }
        int network = Integer.parseInt(cidr.substring(cidr.lastIndexOf('.') + 1, cidr.indexOf('/')));
        String base3 = cidr.substring(0, cidr.lastIndexOf('.') + 1);
        for (String ip : new String[] {local, remote}) {
            int last = Cidrs.isIpv4(ip) && ip.startsWith(base3) ? Integer.parseInt(ip.substring(base3.length())) : -1;
            if (last != network + 1 && last != network + 2) {
                throw TencentError.INVALID_PARAMETER_VALUE.fault(p.name(ip.equals(local) ? "LocalBgpIp"
                        : "RemoteBgpIp"));
            }
        }
        if (local.equals(remote)) {
            throw TencentError.INVALID_PARAMETER_VALUE.fault(p.name("RemoteBgpIp"));
        }
        return new BgpConfig(true, localAsn, cidr, local, remote, "");
    }

    static Secret psk(String value, String field) {
        if (value.isEmpty() || value.length() > 128) {
            throw TencentError.INVALID_PARAMETER_VALUE.fault(field);
        }
        return new Secret(value);
    }

    /** What {@code field} spells in {@code table}: {@code fallback} when absent, InvalidParameterValue when unknown. */
    static <E extends Enum<E>> E spelled(Api3Params p, String field, SpellingTable<E> table,
            E fallback) {
        return p.text(field).map(t -> parse(p, field, t, table)).orElse(fallback);
    }

    private static <E extends Enum<E>> E parse(Api3Params p, String field, String text,
            SpellingTable<E> table) {
        return table.parse(text).orElseThrow(() -> TencentError.INVALID_PARAMETER_VALUE.fault(p.name(field)));
    }
}
