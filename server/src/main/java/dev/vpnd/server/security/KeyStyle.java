package dev.vpnd.server.security;

import dev.vpnd.core.service.KeyShape;
import java.util.List;
import java.util.Map;

/**
 * How each cloud's access keys look, so that a client checking the shape of its credentials takes
 * vpnd's: Alibaba's {@code LTAI…} AccessKeyId with a 30-character secret, Tencent's {@code AKID…}
 * SecretId with a 32-character SecretKey. A key of either style signs for any dialect. The demo
 * account (vpnd serve --demo) has a fixed key of Tencent's style besides its generic one.
 */
public enum KeyStyle {
    ALIYUN("LTAI", 20, 30),
    TENCENT("AKID", 32, 32);

    public static final String DEMO_TENCENT_SECRET_ID = "AKIDdemoSecretId";
    public static final String DEMO_TENCENT_SECRET_KEY = "demoSecretKey";

    private final String prefix;
    private final int idLength;
    private final int secretLength;

    KeyStyle(String prefix, int idLength, int secretLength) {
        this.prefix = prefix;
        this.idLength = idLength;
        this.secretLength = secretLength;
    }

    public KeyShape shape() {
        return new KeyShape(prefix, idLength, secretLength);
    }

    /** The shapes of a new account's keys: one of each style, in this order. */
    public static List<KeyShape> newAccountKeys() {
        return List.of(ALIYUN.shape(), TENCENT.shape());
    }

    /** The demo account's fixed keys besides core's generic one, id to secret. */
    public static Map<String, String> demoKeys() {
        return Map.of(DEMO_TENCENT_SECRET_ID, DEMO_TENCENT_SECRET_KEY);
    }
}
