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
    ALIYUN(new KeyShape("LTAI", 20, 30)),
    TENCENT(new KeyShape("AKID", 32, 32));

    public static final String DEMO_TENCENT_SECRET_ID = "AKIDdemoSecretId";
    public static final String DEMO_TENCENT_SECRET_KEY = "demoSecretKey";

    private final KeyShape shape;

    KeyStyle(KeyShape shape) {
        this.shape = shape;
    }

    public KeyShape shape() {
        return shape;
    }

    /** The shapes of a new account's keys: one of each style, in this order. */
    public static List<KeyShape> newAccountKeys() {
        return List.of(ALIYUN.shape, TENCENT.shape);
    }

    /** The demo account's fixed keys besides core's generic one, id to secret. */
    public static Map<String, String> demoKeys() {
        return Map.of(DEMO_TENCENT_SECRET_ID, DEMO_TENCENT_SECRET_KEY);
    }
}
