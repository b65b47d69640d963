package dev.vpnd.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretCipherTest {
    private static final SecretSlot SLOT = SecretSlot.of("vpn_connections", "ike_psk", "vco-1");

    private final byte[] key = SecretCipher.newKey();
    private final SecretCipher cipher = SecretCipher.of(List.of(key));

    @Test
    void aSealedValueOpensToItself() {
        for (String plain : List.of("", "psk-123", "ünïcödé 秘密 🔑", "v1:0123456789abcdef:AAAA", "x".repeat(5000))) {
            String sealed = cipher.seal(plain, SLOT);
            assertThat(sealed).startsWith("v1:" + cipher.currentKeyId() + ":")
                    .doesNotContain(plain.isEmpty() ? "\0" : plain);
            assertThat(SecretCipher.isSealed(sealed)).isTrue();
            assertThat(cipher.open(sealed, SLOT)).isEqualTo(plain);
        }
    }

    @Test
    void everyValueGetsItsOwnNonce() {
        String first = cipher.seal("same secret", SLOT);
        String second = cipher.seal("same secret", SLOT);
        assertThat(first).isNotEqualTo(second);
        assertThat(nonce(first)).isNotEqualTo(nonce(second));
    }

    @Test
    void anotherKeyCannotOpenIt() {
        String sealed = cipher.seal("psk-123", SLOT);
        var other = SecretCipher.of(List.of(SecretCipher.newKey()));
        assertThatThrownBy(() -> other.open(sealed, SLOT)).isInstanceOf(SecretKeyException.class)
                .hasMessageContaining(cipher.currentKeyId());
        // The same value claiming the other key's id fails authentication: the id is bound to the ciphertext.
        String relabelled = sealed.replace(cipher.currentKeyId(), other.currentKeyId());
        assertThatThrownBy(() -> other.open(relabelled, SLOT)).isInstanceOf(SecretKeyException.class)
                .hasMessageContaining("authentication");
    }

    @Test
    void anAlteredCiphertextFails() {
        String sealed = cipher.seal("psk-123", SLOT);
        int header = ("v1:" + cipher.currentKeyId() + ":").length();
        byte[] raw = Base64.getDecoder().decode(sealed.substring(header));
        for (int position : new int[] {0, 12, raw.length - 1}) {
            byte[] altered = raw.clone();
            altered[position] ^= 1;
            String tampered = sealed.substring(0, header) + Base64.getEncoder().encodeToString(altered);
            assertThatThrownBy(() -> cipher.open(tampered, SLOT)).isInstanceOf(SecretKeyException.class);
        }
        String truncated = sealed.substring(0, header) + Base64.getEncoder().encodeToString(new byte[8]);
        assertThatThrownBy(() -> cipher.open(truncated, SLOT)).isInstanceOf(SecretKeyException.class);
    }

    @Test
    void aValueOpensOnlyInTheSlotItWasSealedFor() {
        String sealed = cipher.seal("AccessKeySecret-of-a-victim", SecretSlot.of("access_keys", "secret", "LTAI1"));
        assertThat(cipher.open(sealed, SecretSlot.of("access_keys", "secret", "LTAI1")))
                .isEqualTo("AccessKeySecret-of-a-victim");
        for (SecretSlot elsewhere : List.of(SLOT, SecretSlot.of("access_keys", "secret", "LTAI2"),
                SecretSlot.of("access_keys", "other", "LTAI1"), SecretSlot.of("access_key", "ssecret", "LTAI1"),
                SecretSlot.of("vpn_tunnels", "ike_psk", "vco-1", "1"),
                SecretSlot.of("vpn_tunnels", "ike_psk", "vco-11"))) {
            assertThatThrownBy(() -> cipher.open(sealed, elsewhere)).as(elsewhere.toString())
                    .isInstanceOf(SecretKeyException.class).hasMessageContaining("authentication");
        }
        // Parts are delimited: moving text from one to the next is another slot.
        String tunnel = cipher.seal("psk", SecretSlot.of("vpn_tunnels", "ike_psk", "vco-1", "1"));
        assertThatThrownBy(() -> cipher.open(tunnel, SecretSlot.of("vpn_tunnels", "ike_psk", "vco-", "11")))
                .isInstanceOf(SecretKeyException.class);
    }

    @Test
    void plainTextFromBeforeSealingReadsAsItIs() {
        assertThat(cipher.open("an old psk", SLOT)).isEqualTo("an old psk");
        assertThat(cipher.open("{\"psk\":\"x\"}", SLOT)).isEqualTo("{\"psk\":\"x\"}");
        assertThat(cipher.open(null, SLOT)).isNull();
        assertThat(SecretCipher.sealedBy("an old psk")).isNull();
    }

    @Test
    void aRingSealsWithItsFirstKeyAndOpensWithAny() {
        byte[] newer = SecretCipher.newKey();
        String old = cipher.seal("sealed before the rotation", SLOT);
        var rotated = SecretCipher.of(List.of(newer, key));

        assertThat(rotated.currentKeyId()).isEqualTo(SecretCipher.keyId(newer));
        assertThat(rotated.open(old, SLOT)).isEqualTo("sealed before the rotation");
        assertThat(SecretCipher.sealedBy(rotated.seal("after", SLOT))).isEqualTo(SecretCipher.keyId(newer));
        assertThat(rotated.stale(old)).isTrue();
        assertThat(rotated.stale("plain")).isTrue();
        assertThat(rotated.stale(rotated.seal("after", SLOT))).isFalse();
    }

    @Test
    void keyIdsAreStableAndTellKeysApart() {
        assertThat(SecretCipher.keyId(key)).isEqualTo(SecretCipher.keyId(key.clone())).matches("[0-9a-f]{16}");
        assertThat(SecretCipher.keyId(SecretCipher.newKey())).isNotEqualTo(SecretCipher.keyId(key));
    }

    @Test
    void keysAreThirtyTwoBytes() {
        assertThatThrownBy(() -> SecretCipher.of(List.of(new byte[16]))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SecretCipher.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withoutAKeyValuesStayPlainAndSealedOnesCannotBeRead() {
        assertThat(SecretCipher.PLAIN_TEXT.seal("psk", SLOT)).isEqualTo("psk");
        assertThatThrownBy(() -> SecretCipher.PLAIN_TEXT.open(cipher.seal("psk", SLOT), SLOT))
                .isInstanceOf(SecretKeyException.class);
    }

    private static String nonce(String sealed) {
        byte[] raw = Base64.getDecoder().decode(sealed.substring(sealed.lastIndexOf(':') + 1));
        return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(raw, 12));
    }
}
