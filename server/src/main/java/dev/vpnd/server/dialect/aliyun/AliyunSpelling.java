package dev.vpnd.server.dialect.aliyun;

import dev.vpnd.core.algo.DhGroup;
import dev.vpnd.core.algo.Encryption;
import dev.vpnd.core.algo.IkeMode;
import dev.vpnd.core.algo.IkeVersion;
import dev.vpnd.core.algo.Integrity;
import dev.vpnd.core.model.TunnelRole;
import java.util.Map;
import java.util.Optional;

/**
 * How Alibaba spells each canonical value (docs/dialects/aliyun.md, Defaults), one table per type,
 * both ways. A canonical value missing from a table has no Alibaba spelling; rendering it uses the
 * {@code unspelled} fallback so a connection created through another dialect still lists.
 */
final class AliyunSpelling {
    static final Table<Encryption> ENCRYPTION = new Table<>(Map.of(
            Encryption.AES_128, "aes", Encryption.AES_192, "aes192", Encryption.AES_256, "aes256",
            Encryption.DES, "des", Encryption.TRIPLE_DES, "3des", Encryption.SM4, "sm4"));
    static final Table<Integrity> INTEGRITY = new Table<>(Map.of(
            Integrity.MD5, "md5", Integrity.SHA1, "sha1", Integrity.SHA256, "sha256", Integrity.SHA384, "sha384",
            Integrity.SHA512, "sha512", Integrity.SM3, "sm3"));
    /** IKE takes a DH group always; IPsec PFS may be {@code disabled}. */
    static final Table<DhGroup> IKE_DH_GROUP = new Table<>(Map.of(
            DhGroup.MODP_768, "group1", DhGroup.MODP_1024, "group2", DhGroup.MODP_1536, "group5",
            DhGroup.MODP_2048, "group14", DhGroup.MODP_2048_S256, "group24"));
    static final Table<DhGroup> IPSEC_PFS = new Table<>(Map.of(
            DhGroup.NONE, "disabled", DhGroup.MODP_768, "group1", DhGroup.MODP_1024, "group2",
            DhGroup.MODP_1536, "group5", DhGroup.MODP_2048, "group14", DhGroup.MODP_2048_S256, "group24"));
    static final Table<IkeVersion> IKE_VERSION = new Table<>(Map.of(IkeVersion.V1, "ikev1", IkeVersion.V2, "ikev2"));
    static final Table<IkeMode> IKE_MODE = new Table<>(Map.of(IkeMode.MAIN, "main", IkeMode.AGGRESSIVE, "aggressive"));
    static final Table<TunnelRole> TUNNEL_ROLE = new Table<>(Map.of(TunnelRole.MASTER, "master", TunnelRole.SLAVE,
            "slave"));

    private AliyunSpelling() {
    }

    static final class Table<E extends Enum<E>> {
        private final Map<E, String> spelled;
        private final Map<String, E> parsed;

        Table(Map<E, String> spelled) {
            this.spelled = Map.copyOf(spelled);
            var reverse = new java.util.HashMap<String, E>();
            spelled.forEach((value, text) -> reverse.put(text, value));
            this.parsed = Map.copyOf(reverse);
        }

        /** Alibaba accepts these values in lowercase only, as its documentation lists them. */
        Optional<E> parse(String text) {
            return Optional.ofNullable(parsed.get(text));
        }

        String spell(E value) {
            String text = spelled.get(value);
            return text != null ? text : value.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
