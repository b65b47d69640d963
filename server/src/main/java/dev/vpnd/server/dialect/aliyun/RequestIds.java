package dev.vpnd.server.dialect.aliyun;

import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The {@code RequestId} of every answer: an upper-case random (version 4) UUID, as Alibaba's look.
 * It names a request in logs and support tickets and guards nothing, so it comes from
 * {@link ThreadLocalRandom}: {@link UUID#randomUUID} draws from the shared SecureRandom on every call.
 */
final class RequestIds {
    private RequestIds() {
    }

    static String next() {
        var random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long low = (random.nextLong() & ~(0xCL << 60)) | (0x8L << 60); // IETF variant
        return new UUID(high, low).toString().toUpperCase(Locale.ROOT);
    }
}
