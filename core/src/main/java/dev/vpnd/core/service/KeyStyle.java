package dev.vpnd.core.service;

/**
 * How each cloud's access keys look, so that a client checking the shape of its credentials takes
 * vpnd's: Alibaba's {@code LTAI…} AccessKeyId with a 30-character secret, Tencent's {@code AKID…}
 * SecretId with a 32-character SecretKey. A key of either style signs for any dialect.
 */
public enum KeyStyle {
    ALIYUN("LTAI", 20, 30), TENCENT("AKID", 32, 32);

    private final String prefix;
    private final int idLength;
    private final int secretLength;

    KeyStyle(String prefix, int idLength, int secretLength) {
        this.prefix = prefix;
        this.idLength = idLength;
        this.secretLength = secretLength;
    }

    String newId() {
        return prefix + Identifiers.randomAlphanumeric(idLength);
    }

    String newSecret() {
        return Identifiers.randomAlphanumeric(secretLength);
    }
}
