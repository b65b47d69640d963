package dev.vpnd.server.dialect.tencent;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpnd.server.http.ResponseBody;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

    /** A JSON value written before, which a body tree holds in place of the value's tree. */
    record Raw(SerializedString json) {
    }

    /** {@code tree} written as one JSON value, to be put in body trees. */
    static Raw raw(Map<String, Object> tree) {
        var bytes = new ByteArrayBuilder(2048);
        try (JsonGenerator generator = FACTORY.createGenerator(bytes)) {
            write(generator, tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Raw(new SerializedString(new String(bytes.toByteArray(), StandardCharsets.UTF_8)));
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
            case Raw raw -> generator.writeRawValue(raw.json());
            default -> OTHER_VALUES.writeValue(generator, value);
        }
    }
}
