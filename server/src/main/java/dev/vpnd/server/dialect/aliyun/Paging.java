package dev.vpnd.server.dialect.aliyun;

import dev.vpnd.core.port.PageRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** PageNumber (from 1) and PageSize (1 to 50, default 10) as every Describe* list takes them. */
final class Paging {
    static final int DEFAULT_SIZE = 10;
    static final int MAX_SIZE = 50;

    private Paging() {
    }

    static PageRequest of(int pageNumber, int pageSize) {
        return new PageRequest((long) (pageNumber - 1) * pageSize, pageSize);
    }

    static int number(RpcParams p) {
        return p.integer("PageNumber", 1, 1, Integer.MAX_VALUE);
    }

    static int size(RpcParams p) {
        return p.integer("PageSize", DEFAULT_SIZE, 1, MAX_SIZE);
    }

    /** The body of a Describe* list: counts, then the items wrapped as {@code {"<Container>":{"<Item>":[…]}}}. */
    static Map<String, Object> body(long total, int number, int size, String container, String item,
            List<?> items) {
        var body = new LinkedHashMap<String, Object>();
        body.put("TotalCount", total);
        body.put("PageNumber", number);
        body.put("PageSize", size);
        var wrapper = new LinkedHashMap<String, Object>();
        wrapper.put(item, items);
        body.put(container, wrapper);
        return body;
    }
}
