package dev.vpnd.server.dialect.aliyun;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The signed {@code Timestamp} and {@code x-acs-date}: ISO-8601 instants, which the SDKs always
 * send as {@code yyyy-MM-ddTHH:mm:ssZ}. That form is read digit by digit (every request carries
 * one, and {@link Instant#parse} is general and slow); anything else goes to {@link Instant#parse},
 * so what is accepted is exactly what it accepts.
 */
final class SdkTimestamp {
    private static final int SDK_FORM_LENGTH = "2026-11-22T10:00:00Z".length();

    private SdkTimestamp() {
    }

    /** The instant, or null when the text is not an ISO-8601 instant. */
    static Instant parse(String text) {
        if (text.length() == SDK_FORM_LENGTH && text.charAt(4) == '-' && text.charAt(7) == '-'
                && text.charAt(10) == 'T' && text.charAt(13) == ':' && text.charAt(16) == ':'
                && text.charAt(19) == 'Z') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 2);
            int day = digits(text, 8, 2);
            int hour = digits(text, 11, 2);
            int minute = digits(text, 14, 2);
            int second = digits(text, 17, 2);
            // Digits only, and a time of day LocalDateTime takes: 24:00:00 and leap seconds, which
            // Instant.parse reads in its own way, go to it, as does a date that does not exist.
            if (year >= 0 && month >= 0 && day >= 0 && hour >= 0 && hour < 24 && minute >= 0 && second >= 0
                    && second < 60) {
                try {
                    return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
                } catch (DateTimeException e) {
                    // falls through to Instant.parse, which refuses it with its own reasons
                }
            }
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The decimal value of {@code count} ASCII digits from {@code start}, or -1. */
    private static int digits(String text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
