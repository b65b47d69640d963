package dev.vpnd.server.dialect.tencent;

import dev.vpnd.core.algo.DhGroup;
import dev.vpnd.core.algo.Encryption;
import dev.vpnd.core.algo.IkeMode;
import dev.vpnd.core.algo.IkeVersion;
import dev.vpnd.core.algo.Integrity;
import dev.vpnd.core.model.ChargeType;
import dev.vpnd.core.model.DpdAction;
import dev.vpnd.core.model.Initiation;
import dev.vpnd.core.model.RouteType;
import dev.vpnd.server.dialect.SpellingTable;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How Tencent spells each canonical value (docs/dialects/tencent.md, "Defaults and states"), one
 * table per field, both ways. API 3.0 writes them in uppercase, the legacy API in lowercase; input
 * is matched without regard to case. A canonical value a table lacks (a connection made through
 * another dialect) is shown by its canonical name.
 */
final class TencentSpelling {
    private static final Map<Encryption, String> CIPHERS = Map.of(
            Encryption.TRIPLE_DES, "3DES-CBC", Encryption.AES_128, "AES-CBC-128", Encryption.AES_192, "AES-CBC-192",
            Encryption.AES_256, "AES-CBC-256", Encryption.DES, "DES-CBC", Encryption.SM4, "SM4",
            Encryption.AES_128_GCM, "AES128GCM128", Encryption.AES_192_GCM, "AES192GCM128",
            Encryption.AES_256_GCM, "AES256GCM128");
    static final SpellingTable<Encryption> IKE_ENCRYPTION = table(CIPHERS, Map.of());
    static final SpellingTable<Encryption> IPSEC_ENCRYPTION = table(with(CIPHERS, Encryption.NULL, "NULL"), Map.of());
    /** Phase 1 spells SHA-1 {@code SHA}; the international documentation's {@code SHA1} is accepted too. */
    static final SpellingTable<Integrity> IKE_INTEGRITY = table(Map.of(
            Integrity.MD5, "MD5", Integrity.SHA1, "SHA", Integrity.SHA256, "SHA-256", Integrity.SHA384, "SHA-384",
            Integrity.SHA512, "SHA-512", Integrity.SM3, "SM3"), Map.of("SHA1", Integrity.SHA1));
    static final SpellingTable<Integrity> IPSEC_INTEGRITY = table(Map.of(
            Integrity.MD5, "MD5", Integrity.SHA1, "SHA1", Integrity.SHA256, "SHA-256", Integrity.SHA384, "SHA-384",
            Integrity.SHA512, "SHA-512", Integrity.SM3, "SM3"), Map.of());
    static final SpellingTable<DhGroup> IKE_DH_GROUP = table(groups(""), Map.of());
    static final SpellingTable<DhGroup> PFS = table(with(groups("DH-"), DhGroup.NONE, "NULL"), Map.of());
    static final SpellingTable<IkeMode> EXCHANGE_MODE = table(Map.of(IkeMode.MAIN, "MAIN", IkeMode.AGGRESSIVE,
            "AGGRESSIVE"), Map.of());
    static final SpellingTable<IkeVersion> IKE_VERSION = table(Map.of(IkeVersion.V1, "IKEV1", IkeVersion.V2,
            "IKEV2"), Map.of());
    static final SpellingTable<Initiation> NEGOTIATION_TYPE = table(Map.of(Initiation.IMMEDIATE, "active",
            Initiation.ON_TRAFFIC, "flowTrigger", Initiation.PASSIVE, "passive"), Map.of());
    static final SpellingTable<DpdAction> DPD_ACTION = table(Map.of(DpdAction.CLEAR, "clear", DpdAction.RESTART,
            "restart"), Map.of());
    /**
     * A gateway's charge type, read exactly: the documentation spells it one way only, and a
     * prepaid gateway is refused by name ({@link VpnGatewayActions}).
     */
    static final SpellingTable<ChargeType> CHARGE_TYPE = SpellingTable.exact(Map.of(
            ChargeType.POSTPAID, "POSTPAID_BY_HOUR", ChargeType.PREPAID, "PREPAID"), Enum::name);
    static final SpellingTable<RouteType> ROUTE_TYPE = table(Map.of(RouteType.STATIC, "STATIC",
            RouteType.STATIC_ROUTE, "StaticRoute", RouteType.POLICY, "Policy", RouteType.BGP, "Bgp"), Map.of());

    private TencentSpelling() {
    }

    private static Map<DhGroup, String> groups(String prefix) {
        var out = new HashMap<DhGroup, String>();
        for (DhGroup group : DhGroup.values()) {
            if (group != DhGroup.NONE && group != DhGroup.CURVE_25519) {
                out.put(group, prefix + "GROUP" + group.ianaNumber());
            }
        }
        return out;
    }

    private static <E> Map<E, String> with(Map<E, String> base, E value, String text) {
        var out = new HashMap<>(base);
        out.put(value, text);
        return out;
    }

    /** API 3.0 writes these values as the table has them; input is matched without regard to case. */
    private static <E extends Enum<E>> SpellingTable<E> table(Map<E, String> spelled, Map<String, E> aliases) {
        return SpellingTable.ignoringCase(spelled, aliases, Enum::name);
    }

    /** The legacy API's spelling: the same words in lowercase. */
    static <E extends Enum<E>> String legacy(SpellingTable<E> table, E value) {
        return table.spell(value).toLowerCase(Locale.ROOT);
    }
}
