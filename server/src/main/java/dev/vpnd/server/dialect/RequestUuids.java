package dev.vpnd.server.dialect;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random (version 4) UUIDs for request ids, which clouds show as UUIDs. A request id names a request
 * in logs and support tickets and guards nothing, so it comes from {@link ThreadLocalRandom}:
 * {@link UUID#randomUUID} draws from the shared SecureRandom on every call.
 */
public final class RequestUuids {
    private RequestUuids() {
    }

    public static UUID next() {
        var random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long low = (random.nextLong() & ~(0xCL << 60)) | (0x8L << 60); // IETF variant
        return new UUID(high, low);
    }
}
