package dev.vpnd.agent.charon;

import dev.vpnd.core.algo.DhGroup;
import dev.vpnd.core.algo.Encryption;
import dev.vpnd.core.algo.IkeVersion;
import dev.vpnd.core.algo.Integrity;
import dev.vpnd.core.model.IkeConfig;
import dev.vpnd.core.model.IpsecConfig;

/**
 * vpnd's algorithms as strongSwan's proposal keywords (docs/vici.md, "Algorithms"). Each table is an
 * exhaustive switch, so a new value in core does not compile until it has a row here. What strongSwan
 * 5.9 does not implement (SM4, SM3) is refused, never replaced by something else.
 */
public final class CharonAlgorithms {
    private CharonAlgorithms() {
    }

    /** The cipher keyword; GCM ciphers carry their 16-byte ICV in the keyword. */
    public static String encryption(Encryption encryption) {
        return switch (encryption) {
            case AES_128 -> "aes128";
            case AES_192 -> "aes192";
            case AES_256 -> "aes256";
            case AES_128_GCM -> "aes128gcm16";
            case AES_192_GCM -> "aes192gcm16";
            case AES_256_GCM -> "aes256gcm16";
            case DES -> "des";
            case TRIPLE_DES -> "3des";
            case NULL -> "null";
            case SM4 -> throw new UnsupportedSettingException("strongSwan has no SM4 cipher");
        };
    }

    /** Whether the cipher authenticates too (AEAD), so that a proposal names no integrity algorithm. */
    public static boolean authenticates(Encryption encryption) {
        return switch (encryption) {
            case AES_128_GCM, AES_192_GCM, AES_256_GCM -> true;
            case AES_128, AES_192, AES_256, DES, TRIPLE_DES, NULL, SM4 -> false;
        };
    }

    /** The integrity keyword: HMAC with the RFC's truncation (sha256 is HMAC_SHA2_256_128). */
    public static String integrity(Integrity integrity) {
        return switch (integrity) {
            case MD5 -> "md5";
            case SHA1 -> "sha1";
            case SHA256 -> "sha256";
            case SHA384 -> "sha384";
            case SHA512 -> "sha512";
            case SM3 -> throw new UnsupportedSettingException("strongSwan has no SM3 integrity algorithm");
        };
    }

    /** The pseudo-random function of the same hash, which an IKE proposal with an AEAD cipher names. */
    public static String prf(Integrity integrity) {
        return switch (integrity) {
            case MD5 -> "prfmd5";
            case SHA1 -> "prfsha1";
            case SHA256 -> "prfsha256";
            case SHA384 -> "prfsha384";
            case SHA512 -> "prfsha512";
            case SM3 -> throw new UnsupportedSettingException("strongSwan has no SM3 pseudo-random function");
        };
    }

    /** The Diffie-Hellman group keyword, or null for {@link DhGroup#NONE} (no key exchange). */
    public static String dhGroup(DhGroup group) {
        return switch (group) {
            case NONE -> null;
            case MODP_768 -> "modp768";
            case MODP_1024 -> "modp1024";
            case MODP_1536 -> "modp1536";
            case MODP_2048 -> "modp2048";
            case MODP_3072 -> "modp3072";
            case MODP_4096 -> "modp4096";
            case ECP_256 -> "ecp256";
            case ECP_384 -> "ecp384";
            case ECP_521 -> "ecp521";
            case MODP_2048_S256 -> "modp2048s256";
            case CURVE_25519 -> "curve25519";
        };
    }

    /**
     * The IKE proposal: cipher, integrity and group ({@code aes128-sha1-modp1024}), the PRF following
     * from the integrity algorithm; with an AEAD cipher the PRF is named instead of the integrity
     * algorithm ({@code aes128gcm16-prfsha256-modp2048}), which only IKEv2 can negotiate.
     */
    public static String ikeProposal(IkeConfig ike) {
        if (ike.encryption() == Encryption.NULL) {
            throw new UnsupportedSettingException("IKE cannot run without encryption (null cipher)");
        }
        String group = dhGroup(ike.dhGroup());
        if (group == null) {
            throw new UnsupportedSettingException("IKE needs a Diffie-Hellman group");
        }
        String cipher = encryption(ike.encryption());
        if (authenticates(ike.encryption())) {
            if (ike.version() == IkeVersion.V1) {
                throw new UnsupportedSettingException("IKEv1 cannot protect its IKE SA with " + cipher
                        + " (no AEAD ciphers in IKEv1 phase 1)");
            }
            return cipher + "-" + prf(ike.integrity()) + "-" + group;
        }
        return cipher + "-" + integrity(ike.integrity()) + "-" + group;
    }

    /**
     * The ESP proposal: cipher, integrity unless the cipher is AEAD, and the PFS group unless there is
     * none ({@code aes128-sha1-modp1024}, {@code aes256gcm16}).
     */
    public static String espProposal(IpsecConfig ipsec) {
        var proposal = new StringBuilder(encryption(ipsec.encryption()));
        if (!authenticates(ipsec.encryption())) {
            proposal.append('-').append(integrity(ipsec.integrity()));
        }
        String group = dhGroup(ipsec.pfs());
        if (group != null) {
            proposal.append('-').append(group);
        }
        return proposal.toString();
    }
}
