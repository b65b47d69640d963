package dev.vpnd.server.dialect.aliyun;

import java.nio.charset.StandardCharsets;

/**
 * The percent-encoding both Alibaba Cloud signatures use: RFC 3986 over UTF-8 with only
 * {@code A-Z a-z 0-9 - _ . ~} left as they are, hex in upper case (docs/dialects/aliyun.md,
 * Signatures). It differs from {@link java.net.URLEncoder} in space ({@code %20}), {@code *}
 * ({@code %2A}) and {@code ~} (kept), which is why the SDKs patch URLEncoder's output; this encodes
 * the bytes directly because every parameter of every request passes through it.
 */
public final class PercentEncoding {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private PercentEncoding() {
    }

    public static String encode(String s) {
        int i = 0;
        while (i < s.length() && isUnreserved(s.charAt(i))) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        byte[] in = s.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[in.length * 3];
        int n = 0;
        for (byte b : in) {
            int u = b & 0xFF;
            if (isUnreserved(u)) {
                out[n++] = b;
            } else {
                out[n++] = '%';
                out[n++] = HEX[u >>> 4];
                out[n++] = HEX[u & 0x0F];
            }
        }
        return new String(out, 0, n, StandardCharsets.US_ASCII);
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.' || c == '~';
    }
}
