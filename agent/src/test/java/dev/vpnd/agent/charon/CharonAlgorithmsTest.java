package dev.vpnd.agent.charon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnd.core.algo.DhGroup;
import dev.vpnd.core.algo.Encryption;
import dev.vpnd.core.algo.IkeMode;
import dev.vpnd.core.algo.IkeVersion;
import dev.vpnd.core.algo.Integrity;
import dev.vpnd.core.model.IkeConfig;
import dev.vpnd.core.model.IpsecConfig;
import dev.vpnd.core.model.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every row of the algorithm tables (docs/vici.md, "Algorithms"), and the proposals built from them. */
class CharonAlgorithmsTest {

    @ParameterizedTest
    @CsvSource({"AES_128, aes128, false", "AES_192, aes192, false", "AES_256, aes256, false",
        "AES_128_GCM, aes128gcm16, true", "AES_192_GCM, aes192gcm16, true", "AES_256_GCM, aes256gcm16, true",
        "DES, des, false", "TRIPLE_DES, 3des, false", "NULL, null, false"})
    void encryption(Encryption encryption, String keyword, boolean aead) {
        assertThat(CharonAlgorithms.encryption(encryption)).isEqualTo(keyword);
        assertThat(CharonAlgorithms.authenticates(encryption)).isEqualTo(aead);
    }

    @ParameterizedTest
    @CsvSource({"MD5, md5, prfmd5", "SHA1, sha1, prfsha1", "SHA256, sha256, prfsha256",
        "SHA384, sha384, prfsha384", "SHA512, sha512, prfsha512"})
    void integrity(Integrity integrity, String keyword, String prf) {
        assertThat(CharonAlgorithms.integrity(integrity)).isEqualTo(keyword);
        assertThat(CharonAlgorithms.prf(integrity)).isEqualTo(prf);
    }

    @ParameterizedTest
    @CsvSource({"MODP_768, modp768", "MODP_1024, modp1024", "MODP_1536, modp1536", "MODP_2048, modp2048",
        "MODP_3072, modp3072", "MODP_4096, modp4096", "ECP_256, ecp256", "ECP_384, ecp384", "ECP_521, ecp521",
        "MODP_2048_S256, modp2048s256", "CURVE_25519, curve25519"})
    void dhGroup(DhGroup group, String keyword) {
        assertThat(CharonAlgorithms.dhGroup(group)).isEqualTo(keyword);
    }

    @Test
    void noGroupIsNoKeyword() {
        assertThat(CharonAlgorithms.dhGroup(DhGroup.NONE)).isNull();
    }

    @Test
    void theShangMiAlgorithmsAreRefused() {
        assertThatThrownBy(() -> CharonAlgorithms.encryption(Encryption.SM4))
                .isInstanceOf(UnsupportedSettingException.class).hasMessage("strongSwan has no SM4 cipher");
        assertThatThrownBy(() -> CharonAlgorithms.integrity(Integrity.SM3))
                .isInstanceOf(UnsupportedSettingException.class)
                .hasMessage("strongSwan has no SM3 integrity algorithm");
        assertThatThrownBy(() -> CharonAlgorithms.prf(Integrity.SM3)).isInstanceOf(UnsupportedSettingException.class);
    }

    @Test
    void everyValueHasARowOrARefusal() {
        for (Encryption value : Encryption.values()) {
            assertThat(keywordOrRefusal(() -> CharonAlgorithms.encryption(value))).as(value.name()).isNotBlank();
        }
        for (Integrity value : Integrity.values()) {
            assertThat(keywordOrRefusal(() -> CharonAlgorithms.integrity(value))).as(value.name()).isNotBlank();
        }
        for (DhGroup value : DhGroup.values()) {
            assertThat(value == DhGroup.NONE || CharonAlgorithms.dhGroup(value) != null).as(value.name()).isTrue();
        }
    }

    private static String keywordOrRefusal(java.util.function.Supplier<String> lookup) {
        try {
            return lookup.get();
        } catch (UnsupportedSettingException e) {
            return e.getMessage();
        }
    }

    private static IkeConfig ike(IkeVersion version, Encryption encryption, Integrity integrity, DhGroup group) {
        return new IkeConfig(version, IkeMode.MAIN, encryption, integrity, group, 86_400, "a", "b", new Secret("k"));
    }

    @Test
    void ikeProposals() {
        assertThat(CharonAlgorithms.ikeProposal(ike(IkeVersion.V2, Encryption.AES_128, Integrity.SHA1,
                DhGroup.MODP_1024))).isEqualTo("aes128-sha1-modp1024");
        assertThat(CharonAlgorithms.ikeProposal(ike(IkeVersion.V1, Encryption.TRIPLE_DES, Integrity.MD5,
                DhGroup.MODP_768))).isEqualTo("3des-md5-modp768");
        assertThat(CharonAlgorithms.ikeProposal(ike(IkeVersion.V2, Encryption.AES_256_GCM, Integrity.SHA384,
                DhGroup.ECP_384))).isEqualTo("aes256gcm16-prfsha384-ecp384");
    }

    @Test
    void ikeProposalsCharonCannotNegotiateAreRefused() {
        assertThatThrownBy(() -> CharonAlgorithms.ikeProposal(ike(IkeVersion.V1, Encryption.AES_128_GCM,
                Integrity.SHA256, DhGroup.MODP_2048))).isInstanceOf(UnsupportedSettingException.class)
                .hasMessageContaining("IKEv1 cannot protect its IKE SA with aes128gcm16");
        assertThatThrownBy(() -> CharonAlgorithms.ikeProposal(ike(IkeVersion.V2, Encryption.NULL, Integrity.SHA1,
                DhGroup.MODP_2048))).isInstanceOf(UnsupportedSettingException.class)
                .hasMessageContaining("without encryption");
        assertThatThrownBy(() -> CharonAlgorithms.ikeProposal(ike(IkeVersion.V2, Encryption.AES_128, Integrity.SHA1,
                DhGroup.NONE))).isInstanceOf(UnsupportedSettingException.class)
                .hasMessageContaining("needs a Diffie-Hellman group");
        assertThatThrownBy(() -> CharonAlgorithms.ikeProposal(ike(IkeVersion.V2, Encryption.SM4, Integrity.SM3,
                DhGroup.MODP_2048))).isInstanceOf(UnsupportedSettingException.class);
    }

    @Test
    void espProposals() {
        assertThat(CharonAlgorithms.espProposal(new IpsecConfig(Encryption.AES_192, Integrity.SHA256,
                DhGroup.MODP_2048_S256, 3600, 0))).isEqualTo("aes192-sha256-modp2048s256");
        assertThat(CharonAlgorithms.espProposal(new IpsecConfig(Encryption.DES, Integrity.SHA512, DhGroup.NONE,
                3600, 0))).isEqualTo("des-sha512");
        assertThat(CharonAlgorithms.espProposal(new IpsecConfig(Encryption.AES_128_GCM, Integrity.SHA1,
                DhGroup.CURVE_25519, 3600, 0))).isEqualTo("aes128gcm16-curve25519");
        assertThat(CharonAlgorithms.espProposal(new IpsecConfig(Encryption.AES_256_GCM, Integrity.SM3, DhGroup.NONE,
                3600, 0))).as("an AEAD cipher needs no integrity algorithm").isEqualTo("aes256gcm16");
        assertThat(CharonAlgorithms.espProposal(new IpsecConfig(Encryption.NULL, Integrity.SHA1, DhGroup.NONE,
                3600, 0))).isEqualTo("null-sha1");
        assertThatThrownBy(() -> CharonAlgorithms.espProposal(new IpsecConfig(Encryption.SM4, Integrity.SM3,
                DhGroup.NONE, 3600, 0))).isInstanceOf(UnsupportedSettingException.class);
    }
}
