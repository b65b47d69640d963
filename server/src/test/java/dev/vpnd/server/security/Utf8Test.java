package dev.vpnd.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Streamed text is signed byte for byte as the whole string's UTF-8 would be. */
class Utf8Test {
    private static final String[] TEXTS = {"", "plain", "ü é", "测试", "\uD83D\uDE00 pair", "lone \uD800 high",
        "lone \uDC00 low", "end \uD83D", "x".repeat(2000) + "测"};

    @Test
    void encodesAsStringGetBytesDoes() {
        for (String text : TEXTS) {
            var out = new ByteArrayOutputStream();
            Utf8.encode(text, 0, text.length(), out::write);
            assertThat(out.toByteArray()).as(text).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aMacFedInPiecesIsTheMacOfTheWhole() {
        byte[] key = "k".getBytes(StandardCharsets.UTF_8);
        for (String text : TEXTS) {
            var mac = MacWriter.of("HmacSHA256", key);
            int half = text.length() / 2;
            if (half > 0 && Character.isHighSurrogate(text.charAt(half - 1))) {
                half--;
            }
            mac.append(text.substring(0, half)).append('|').append(text.substring(half));
            String whole = text.substring(0, half) + '|' + text.substring(half);
            assertThat(HexFormat.of().formatHex(mac.finish())).as(text)
                    .isEqualTo(HexFormat.of().formatHex(Digests.hmac("HmacSHA256", key, whole)));
        }
    }

    @Test
    void anEchoWriterFedInPiecesCutsAsAtTheWholeText() {
        String text = "é".repeat(BoundedEcho.MAX_CHARS - 1) + "\uD83D\uDE00" + "tail";
        var writer = new BoundedEcho.Writer();
        for (int i = 0; i < text.length(); i += 100) {
            writer.append(text.substring(i, Math.min(text.length(), i + 100)));
        }
        // The pair straddling the bound is left out whole.
        assertThat(writer.toEcho().text())
                .isEqualTo("é".repeat(BoundedEcho.MAX_CHARS - 1) + "…[6 more characters not shown]");
    }
}
