package dev.vpnd.store;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals secrets for the database with keys held outside it: AES-256-GCM from the JDK, a fresh
 * random 96-bit nonce per value, stored as {@code v1:<key id>:<base64 of nonce, ciphertext, tag>}.
 * The key id (16 hex digits, an HMAC of a fixed label under the key, so it tells nothing of the key)
 * names the key that sealed the value, which lets keys rotate: the first key of the ring seals, any
 * key of the ring opens. The header and the value's {@link SecretSlot} (table, column, row) are
 * authenticated with it, so a value opens only where it was sealed. Text without the sealed form
 * was stored before sealing began and reads as it is (until the database refuses it: see
 * {@link Jdbc#openSecret}); a sealed value whose key is not in the ring, whose ciphertext was
 * altered or which was moved from its slot fails loudly rather than reading as something else.
 */
public final class SecretCipher {
    public static final int KEY_BYTES = 32;
    /** Version, key id and slot are authenticated with the ciphertext, so none can be swapped. */
    private static final String VERSION = "v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Pattern SEALED = Pattern.compile("v1:[0-9a-f]{16}:[A-Za-z0-9+/]+={0,2}");
    private static final int HEADER_LENGTH = VERSION.length() + 1 + 16 + 1;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** No key: values are written as plain text, sealed ones cannot be read. For tools seeding test data. */
    public static final SecretCipher PLAIN_TEXT = new SecretCipher(null, Map.of());

    private record Key(String id, SecretKeySpec spec) {
    }

    private final Key current;
    private final Map<String, Key> ring;

    private SecretCipher(Key current, Map<String, Key> ring) {
        this.current = current;
        this.ring = ring;
    }

    /** A ring of 32-byte keys: the first seals, every one opens. */
    public static SecretCipher of(List<byte[]> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a secret key ring needs at least one key");
        }
        var ring = new LinkedHashMap<String, Key>();
        for (byte[] key : keys) {
            if (key.length != KEY_BYTES) {
                throw new IllegalArgumentException("a secret key is " + KEY_BYTES + " bytes, not " + key.length);
            }
            var k = new Key(keyId(key), new SecretKeySpec(key.clone(), "AES"));
            ring.putIfAbsent(k.id(), k);
        }
        return new SecretCipher(ring.values().iterator().next(), Map.copyOf(ring));
    }

    /** A new random key. */
    public static byte[] newKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    /** The id stored with every value the key seals. */
    public static String keyId(byte[] key) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal("vpnd secret key id".getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from the JDK", e);
        }
    }

    /** False for {@link #PLAIN_TEXT}. */
    public boolean seals() {
        return current != null;
    }

    /** The id of the sealing key; null for {@link #PLAIN_TEXT}. */
    public String currentKeyId() {
        return current == null ? null : current.id();
    }

    /** The ids of every key that opens. */
    public Set<String> keyIds() {
        return ring.keySet();
    }

    /**
     * The stored form of {@code plaintext} in {@code slot}: sealed under the current key (as is for
     * {@link #PLAIN_TEXT}).
     */
    public String seal(String plaintext, SecretSlot slot) {
        if (current == null) {
            return plaintext;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        String header = VERSION + ":" + current.id() + ":";
        try {
            var cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, current.spec(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(header.getBytes(StandardCharsets.US_ASCII));
            cipher.updateAAD(slot.associatedData());
            byte[] message = plaintext.getBytes(StandardCharsets.UTF_8);
            byte[] out = new byte[NONCE_BYTES + cipher.getOutputSize(message.length)];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            cipher.doFinal(message, 0, message.length, out, NONCE_BYTES);
            return header + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a secret", e);
        }
    }

    /** The plaintext of a value stored in {@code slot}, sealed or written before sealing began. */
    public String open(String stored, SecretSlot slot) {
        if (stored == null || !isSealed(stored)) {
            return stored;
        }
        String id = stored.substring(VERSION.length() + 1, HEADER_LENGTH - 1);
        Key key = ring.get(id);
        if (key == null) {
            throw new SecretKeyException("a secret in the database was sealed with key " + id
                    + ", which is not among the keys given (" + String.join(", ", ring.keySet()) + ")");
        }
        byte[] sealed;
        try {
            sealed = Base64.getDecoder().decode(stored.substring(HEADER_LENGTH));
        } catch (IllegalArgumentException e) {
            throw new SecretKeyException("a secret sealed with key " + id + " is not valid base64", e);
        }
        if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new SecretKeyException("a secret sealed with key " + id + " is too short to be one");
        }
        try {
            var cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key.spec(), new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(stored.getBytes(StandardCharsets.US_ASCII), 0, HEADER_LENGTH);
            cipher.updateAAD(slot.associatedData());
            byte[] plain = cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new SecretKeyException("the secret in " + slot + ", sealed with key " + id + ", fails its "
                    + "authentication: it was altered or sealed for another place, or the key of that id is not the "
                    + "one that sealed it", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open a secret", e);
        }
    }

    /** Whether {@code stored} has the sealed form (whatever key sealed it). */
    public static boolean isSealed(String stored) {
        return stored.startsWith(VERSION + ":") && SEALED.matcher(stored).matches();
    }

    /** The id of the key that sealed {@code stored}, or null when it is plain text. */
    public static String sealedBy(String stored) {
        return stored != null && isSealed(stored) ? stored.substring(VERSION.length() + 1, HEADER_LENGTH - 1) : null;
    }

    /** Whether {@code stored} needs sealing anew: plain text, or sealed under a key other than the current one. */
    boolean stale(String stored) {
        return current != null && stored != null && !current.id().equals(sealedBy(stored));
    }

    @Override
    public String toString() {
        return current == null ? "SecretCipher[plain text]" : "SecretCipher[" + current.id() + " of " + ring.size()
                + "]";
    }
}
