package dev.vpnd.server.dialect.aliyun;

import dev.vpnd.server.security.TextSink;
import dev.vpnd.server.security.Utf8;
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

    /** Appends the encoding of {@code text} to {@code out} without building it. */
    public static void encode(CharSequence text, TextSink out) {
        Utf8.encode(text, 0, text.length(), b -> appendEncoded(b, out));
    }

    /**
     * A sink that encodes whatever is appended to it into {@code out}: the signature v1 string to
     * sign encodes its canonical query string, itself made of encoded names and values, once more.
     */
    public static TextSink encoding(TextSink out) {
        return new TextSink() {
            @Override
            public TextSink append(CharSequence text) {
                encode(text, out);
                return this;
            }

            @Override
            public TextSink append(char c) {
                if (c < 0x80) {
                    appendEncoded(c, out);
                } else {
                    encode(String.valueOf(c), out);
                }
                return this;
            }
        };
    }

    private static void appendEncoded(int b, TextSink out) {
        if (isUnreserved(b)) {
            out.append((char) b);
        } else {
            out.append('%').append((char) HEX[b >>> 4]).append((char) HEX[b & 0x0F]);
        }
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.' || c == '~';
    }
}
