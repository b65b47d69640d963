package dev.vpnd.server.dialect.aliyun;

import dev.vpnd.server.dialect.RequestUuids;
import java.util.Locale;

/** The {@code RequestId} of every answer: an upper-case random UUID, as Alibaba's look ({@link RequestUuids}). */
final class RequestIds {
    private RequestIds() {
    }

    static String next() {
        return RequestUuids.next().toString().toUpperCase(Locale.ROOT);
    }
}
