package dev.vpnd.server.dialect.tencent;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Tencent writes times as {@code yyyy-MM-dd HH:mm:ss} without a zone, in Beijing time (UTC+8) in
 * every region, and so does vpnd.
 */
final class TencentTime {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.ofHours(8));

    private TencentTime() {
    }

    static String format(Instant instant) {
        return FORMAT.format(instant);
    }
}
