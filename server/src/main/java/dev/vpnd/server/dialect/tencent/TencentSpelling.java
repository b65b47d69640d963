package dev.vpnd.server.dialect.tencent;

import dev.vpnd.core.algo.DhGroup;
import dev.vpnd.core.algo.Encryption;
import dev.vpnd.core.algo.IkeMode;
import dev.vpnd.core.algo.IkeVersion;
import dev.vpnd.core.algo.Integrity;
import dev.vpnd.core.model.DpdAction;
import dev.vpnd.core.model.Initiation;
import dev.vpnd.core.model.RouteType;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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
    static final Table<Encryption> IKE_ENCRYPTION = new Table<>(CIPHERS, Map.of());
    static final Table<Encryption> IPSEC_ENCRYPTION = new Table<>(with(CIPHERS, Encryption.NULL, "NULL"), Map.of());
    /** Phase 1 spells SHA-1 {@code SHA}; the international documentation's {@code SHA1} is accepted too. */
    static final Table<Integrity> IKE_INTEGRITY = new Table<>(Map.of(
            Integrity.MD5, "MD5", Integrity.SHA1, "SHA", Integrity.SHA256, "SHA-256", Integrity.SHA384, "SHA-384",
            Integrity.SHA512, "SHA-512", Integrity.SM3, "SM3"), Map.of("SHA1", Integrity.SHA1));
    static final Table<Integrity> IPSEC_INTEGRITY = new Table<>(Map.of(
            Integrity.MD5, "MD5", Integrity.SHA1, "SHA1", Integrity.SHA256, "SHA-256", Integrity.SHA384, "SHA-384",
            Integrity.SHA512, "SHA-512", Integrity.SM3, "SM3"), Map.of());
    static final Table<DhGroup> IKE_DH_GROUP = new Table<>(groups(""), Map.of());
    static final Table<DhGroup> PFS = new Table<>(with(groups("DH-"), DhGroup.NONE, "NULL"), Map.of());
    static final Table<IkeMode> EXCHANGE_MODE = new Table<>(Map.of(IkeMode.MAIN, "MAIN", IkeMode.AGGRESSIVE,
            "AGGRESSIVE"), Map.of());
    static final Table<IkeVersion> IKE_VERSION = new Table<>(Map.of(IkeVersion.V1, "IKEV1", IkeVersion.V2,
            "IKEV2"), Map.of());
    static final Table<Initiation> NEGOTIATION_TYPE = new Table<>(Map.of(Initiation.IMMEDIATE, "active",
            Initiation.ON_TRAFFIC, "flowTrigger", Initiation.PASSIVE, "passive"), Map.of());
    static final Table<DpdAction> DPD_ACTION = new Table<>(Map.of(DpdAction.CLEAR, "clear", DpdAction.RESTART,
            "restart"), Map.of());
    static final Table<RouteType> ROUTE_TYPE = new Table<>(Map.of(RouteType.STATIC, "STATIC",
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

    static final class Table<E extends Enum<E>> {
        private final Map<E, String> spelled;
        private final Map<String, E> parsed = new HashMap<>();

        Table(Map<E, String> spelled, Map<String, E> aliases) {
            this.spelled = Map.copyOf(spelled);
            spelled.forEach((value, text) -> parsed.put(text.toUpperCase(Locale.ROOT), value));
            aliases.forEach((text, value) -> parsed.put(text.toUpperCase(Locale.ROOT), value));
        }

        Optional<E> parse(String text) {
            return Optional.ofNullable(parsed.get(text.toUpperCase(Locale.ROOT)));
        }

        /** The API 3.0 spelling. */
        String spell(E value) {
            String text = spelled.get(value);
            return text != null ? text : value.name();
        }

        /** The legacy API's spelling: the same words in lowercase. */
        String spellLegacy(E value) {
            return spell(value).toLowerCase(Locale.ROOT);
        }
    }
}
