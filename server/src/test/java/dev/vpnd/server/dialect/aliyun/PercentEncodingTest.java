package dev.vpnd.server.dialect.aliyun;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PercentEncodingTest {

    @Test
    void unreservedCharactersStay() {
        String unreserved = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~";
        assertThat(PercentEncoding.encode(unreserved)).isSameAs(unreserved);
    }

    @Test
    void differsFromUrlEncoderWhereTheSpecSays() {
        assertThat(PercentEncoding.encode("prod a")).isEqualTo("prod%20a");
        assertThat(PercentEncoding.encode("team*")).isEqualTo("team%2A");
        assertThat(PercentEncoding.encode("net/ops~")).isEqualTo("net%2Fops~");
        assertThat(PercentEncoding.encode("a+b")).isEqualTo("a%2Bb");
    }

    @Test
    void nonAsciiIsUtf8WithUppercaseHex() {
        assertThat(PercentEncoding.encode("vco-ü 测试+&=%:"))
                .isEqualTo("vco-%C3%BC%20%E6%B5%8B%E8%AF%95%2B%26%3D%25%3A");
        assertThat(PercentEncoding.encode("\uD83D\uDE00")).isEqualTo("%F0%9F%98%80");
    }

    @Test
    void emptyStaysEmpty() {
        assertThat(PercentEncoding.encode("")).isEmpty();
    }

    @Test
    void matchesTheSdksUrlEncoderRecipeOnEveryCharacterUpToU0800() {
        // The SDKs' recipe (docs/dialects/aliyun.md, Signatures): URLEncoder, then + -> %20, * -> %2A, %7E -> ~.
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x800; c++) {
            all.append(c);
        }
        String s = all.append("测试\uD83D\uDE00").toString();
        String reference = URLEncoder.encode(s, StandardCharsets.UTF_8)
                .replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
        assertThat(PercentEncoding.encode(s)).isEqualTo(reference);
    }
}
