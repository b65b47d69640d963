package dev.vpnd.server.dialect.tencent;

import dev.vpnd.core.port.PageRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code Offset} (default 0) and {@code Limit} (default 20, at most 100) of API 3.0 lists. */
final class Api3Paging {
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private Api3Paging() {
    }

    static PageRequest of(Api3Params p) {
        long offset = p.integer("Offset", 0, 0, Long.MAX_VALUE);
        long limit = p.integer("Limit", 0, Long.MAX_VALUE).orElse((long) DEFAULT_LIMIT);
        if (limit > MAX_LIMIT) {
            throw TencentError.VALUE_LIMIT_EXCEEDED.fault("Limit");
        }
        return new PageRequest(offset, (int) limit);
    }

    static Map<String, Object> body(long total, String setName, List<?> items) {
        var body = new LinkedHashMap<String, Object>();
        body.put("TotalCount", total);
        body.put(setName, items);
        return body;
    }
}
