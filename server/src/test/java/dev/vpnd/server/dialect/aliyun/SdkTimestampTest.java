package dev.vpnd.server.dialect.aliyun;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SdkTimestampTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-22T10:00:00Z", "1970-01-01T00:00:00Z", "2024-02-29T23:59:59Z",
            "2023-02-29T10:00:00Z", "2026-13-01T10:00:00Z", "2026-00-10T10:00:00Z", "2026-11-31T10:00:00Z",
            "2026-11-22T24:00:00Z", "2026-11-22T23:59:60Z", "2026-11-22T23:60:00Z", "2026-11-22T10:00:00.123Z",
            "2026-11-22T10:00:00+08:00", "2026-11-22 10:00:00Z", "2026-11-22T1a:00:00Z", "2026/11/22 10:00:00",
            "+2026-11-22T10:00:0Z", "", "Z"})
    void readsWhatInstantParseReads(String text) {
        Instant expected;
        try {
            expected = Instant.parse(text);
        } catch (DateTimeParseException e) {
            expected = null;
        }
        assertThat(SdkTimestamp.parse(text)).isEqualTo(expected);
    }
}
