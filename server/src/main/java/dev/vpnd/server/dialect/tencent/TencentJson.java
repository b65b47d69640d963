package dev.vpnd.server.dialect.tencent;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpnd.server.http.ResponseBody;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Both APIs' answer bodies, trees of maps, lists, strings, numbers and booleans, streamed to a
 * generator as the listener sends them (into its pooled buffers): no serializer is looked up per
 * value, and no byte array is filled and copied. A value of another type is written by an
 * {@link ObjectMapper}, as before.
 */
final class TencentJson {
    /** Buffers shared across requests: Jackson's default pool is per thread, and most requests get a new one. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool()).build();
    private static final ObjectMapper OTHER_VALUES = new ObjectMapper(FACTORY);

    private TencentJson() {
    }

    /** The body {@code tree} writes; the tree must not change afterwards. */
    static ResponseBody body(Map<String, Object> tree) {
        return ResponseBody.written(out -> {
            try (JsonGenerator generator = FACTORY.createGenerator(out)) {
                write(generator, tree);
            }
        });
    }

    private static void write(JsonGenerator generator, Object value) throws IOException {
        switch (value) {
            case null -> generator.writeNull();
            case String text -> generator.writeString(text);
            case Boolean flag -> generator.writeBoolean(flag);
            case Integer number -> generator.writeNumber(number);
            case Long number -> generator.writeNumber(number);
            case Map<?, ?> map -> {
                generator.writeStartObject();
                for (var entry : map.entrySet()) {
                    generator.writeFieldName(String.valueOf(entry.getKey()));
                    write(generator, entry.getValue());
                }
                generator.writeEndObject();
            }
            case List<?> list -> {
                generator.writeStartArray();
                for (Object item : list) {
                    write(generator, item);
                }
                generator.writeEndArray();
            }
            default -> OTHER_VALUES.writeValue(generator, value);
        }
    }
}
