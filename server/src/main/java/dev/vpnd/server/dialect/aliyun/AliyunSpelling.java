package dev.vpnd.server.dialect.aliyun;

import dev.vpnd.core.algo.DhGroup;
import dev.vpnd.core.algo.Encryption;
import dev.vpnd.core.algo.IkeMode;
import dev.vpnd.core.algo.IkeVersion;
import dev.vpnd.core.algo.Integrity;
import dev.vpnd.core.model.ChargeType;
import dev.vpnd.core.model.NetworkType;
import dev.vpnd.core.model.TunnelRole;
import dev.vpnd.core.model.VpnType;
import dev.vpnd.server.dialect.SpellingTable;
import java.util.Locale;
import java.util.Map;

/**
 * How Alibaba spells each canonical value (docs/dialects/aliyun.md, Defaults), one table per type,
 * both ways. A canonical value missing from a table has no Alibaba spelling; rendering it uses the
 * {@code unspelled} fallback so a connection created through another dialect still lists.
 */
final class AliyunSpelling {
    static final SpellingTable<Encryption> ENCRYPTION = table(Map.of(
            Encryption.AES_128, "aes", Encryption.AES_192, "aes192", Encryption.AES_256, "aes256",
            Encryption.DES, "des", Encryption.TRIPLE_DES, "3des", Encryption.SM4, "sm4"));
    static final SpellingTable<Integrity> INTEGRITY = table(Map.of(
            Integrity.MD5, "md5", Integrity.SHA1, "sha1", Integrity.SHA256, "sha256", Integrity.SHA384, "sha384",
            Integrity.SHA512, "sha512", Integrity.SM3, "sm3"));
    /** IKE takes a DH group always; IPsec PFS may be {@code disabled}. */
    static final SpellingTable<DhGroup> IKE_DH_GROUP = table(Map.of(
            DhGroup.MODP_768, "group1", DhGroup.MODP_1024, "group2", DhGroup.MODP_1536, "group5",
            DhGroup.MODP_2048, "group14", DhGroup.MODP_2048_S256, "group24"));
    static final SpellingTable<DhGroup> IPSEC_PFS = table(Map.of(
            DhGroup.NONE, "disabled", DhGroup.MODP_768, "group1", DhGroup.MODP_1024, "group2",
            DhGroup.MODP_1536, "group5", DhGroup.MODP_2048, "group14", DhGroup.MODP_2048_S256, "group24"));
    static final SpellingTable<IkeVersion> IKE_VERSION = table(Map.of(IkeVersion.V1, "ikev1", IkeVersion.V2, "ikev2"));
    static final SpellingTable<IkeMode> IKE_MODE = table(Map.of(IkeMode.MAIN, "main", IkeMode.AGGRESSIVE,
            "aggressive"));
    static final SpellingTable<TunnelRole> TUNNEL_ROLE = table(Map.of(TunnelRole.MASTER, "master", TunnelRole.SLAVE,
            "slave"));
    /** A gateway's charge type as CreateVpnGateway reads it ({@code InstanceChargeType}). */
    static final SpellingTable<ChargeType> INSTANCE_CHARGE_TYPE = table(Map.of(ChargeType.POSTPAID, "POSTPAY",
            ChargeType.PREPAID, "PREPAY"));
    /** The same charge type as DescribeVpnGateways shows it ({@code ChargeType}), in other words. */
    static final SpellingTable<ChargeType> CHARGE_TYPE = table(Map.of(ChargeType.POSTPAID, "Postpay",
            ChargeType.PREPAID, "Prepay"));
    static final SpellingTable<NetworkType> NETWORK_TYPE = table(Map.of(NetworkType.PUBLIC, "public",
            NetworkType.PRIVATE, "private"));
    static final SpellingTable<VpnType> VPN_TYPE = table(Map.of(VpnType.INTERNATIONAL, "Normal", VpnType.SHANGMI,
            "NationalStandard"));

    private AliyunSpelling() {
    }

    /** Alibaba accepts these values only as its documentation lists them (lowercase, most of them). */
    private static <E extends Enum<E>> SpellingTable<E> table(Map<E, String> spelled) {
        return SpellingTable.exact(spelled, value -> value.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
}
