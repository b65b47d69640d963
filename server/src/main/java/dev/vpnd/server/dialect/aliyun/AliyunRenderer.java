package dev.vpnd.server.dialect.aliyun;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import com.fasterxml.jackson.dataformat.xml.ser.ToXmlGenerator;
import dev.vpnd.server.dialect.WireFault;
import dev.vpnd.server.http.ResponseBody;
import dev.vpnd.server.http.WireResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes response bodies in JSON (the default) or XML ({@code Format=XML}). Bodies are ordered maps
 * whose lists are wrapped in an object ({@code {"VpnConnections":{"VpnConnection":[…]}}}): the only
 * shape both SDKs parse (docs/dialects/aliyun.md, Answers). In XML a list becomes repeated
 * elements. Values may also be {@link BodyFields}, streamed to JSON as they are and turned into
 * maps for XML.
 */
final class AliyunRenderer {
    static final String JSON_TYPE = "application/json;charset=utf-8";
    static final String XML_TYPE = "text/xml;charset=utf-8";
    private static final String HOST_ID = "vpc.aliyuncs.com";

    /**
     * The dialect's one JSON factory (also {@link ListedConnectionCache}'s). Its buffers are shared
     * across requests: Jackson's default pool is per thread, and every request has a new virtual thread.
     */
    static final JsonFactory JSON = JsonFactory.builder().recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool())
            .build();
    /** Reads {@link BodyFields} back as maps, for XML. */
    private final ObjectMapper trees = new ObjectMapper();
    private final XmlMapper xml = XmlMapper.builder()
            .defaultUseWrapper(false)
            .configure(ToXmlGenerator.Feature.WRITE_XML_DECLARATION, true)
            .build();

    WireResponse success(String action, RpcCall.Format format, Map<String, Object> body) {
        return write(200, format, action + "Response", body);
    }

    WireResponse error(WireFault fault, String requestId, RpcCall.Format format) {
        return error(fault.status(), fault.code(), fault.getMessage(), requestId, format);
    }

    WireResponse error(int status, String code, String message, String requestId, RpcCall.Format format) {
        var body = new LinkedHashMap<String, Object>();
        body.put("RequestId", requestId);
        body.put("HostId", HOST_ID);
        body.put("Code", code);
        body.put("Message", message);
        body.put("Recommend", "https://api.aliyun.com/troubleshoot?q=" + code + "&product=Vpc");
        return write(status, format, "Error", body);
    }

    private WireResponse write(int status, RpcCall.Format format, String root, Map<String, Object> body) {
        try {
            return switch (format) {
                case JSON -> WireResponse.of(status, JSON_TYPE, jsonBody(body));
                case XML -> WireResponse.of(status, XML_TYPE,
                        xml.writer().withRootName(root).writeValueAsBytes(asTree(body)));
            };
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The body with every {@link BodyFields} replaced by the map it writes (inline ones merged), and
     * every text made writable as XML 1.0 ({@link #xmlText}).
     */
    private Object asTree(Object value) {
        return switch (value) {
            case BodyFields part -> asTree(asMap(part));
            case RawJson raw -> asTree(readMap(raw.json().getValue()));
            case Map<?, ?> map -> {
                var copy = new LinkedHashMap<String, Object>();
                map.forEach((key, item) -> {
                    if (item instanceof BodyFields.Inline inline) {
                        asMap(inline.fields()).forEach((name, field) -> copy.put(name, asTree(field)));
                    } else {
                        copy.put((String) key, asTree(item));
                    }
                });
                yield copy;
            }
            case List<?> list -> list.stream().map(this::asTree).toList();
            case String text -> xmlText(text);
            case null, default -> value;
        };
    }

    /**
     * {@code text} with every character XML 1.0 cannot carry (controls other than tab, newline and
     * carriage return, U+FFFE, U+FFFF, a surrogate without its pair) written as U+FFFD, so that text
     * stored before such characters were refused, or echoed from a request, never fails an answer.
     * JSON escapes them all and needs nothing.
     */
    static String xmlText(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            boolean valid = pair || c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xFFFD
                    && !Character.isSurrogate(c));
            if (!valid && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.append(valid ? c : '\uFFFD');
                if (pair) {
                    out.append(text.charAt(i + 1));
                }
            }
            if (pair) {
                i++;
            }
        }
        return out == null ? text : out.toString();
    }

    private Map<String, Object> readMap(String json) {
        try {
            return trees.readValue(json, new com.fasterxml.jackson.core.type.TypeReference<>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, Object> asMap(BodyFields part) {
        try (var tokens = new TokenBuffer(trees, false)) {
            tokens.writeStartObject();
            part.writeFields(tokens);
            tokens.writeEndObject();
            return trees.readValue(tokens.asParser(), new com.fasterxml.jackson.core.type.TypeReference<>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Streams the body tree straight to a generator, which writes into the listener's pooled buffers
     * as the answer is sent: bodies hold only maps, lists, strings, numbers and booleans, so no
     * serializer lookup per value is needed on this, the hottest path.
     */
    private static ResponseBody jsonBody(Map<String, Object> body) {
        return ResponseBody.written(out -> {
            try (JsonGenerator generator = JSON.createGenerator(out)) {
                writeValue(generator, body);
            }
        });
    }

    private static void writeValue(JsonGenerator generator, Object value) throws java.io.IOException {
        switch (value) {
            case null -> generator.writeNull();
            case String text -> generator.writeString(text);
            case Boolean flag -> generator.writeBoolean(flag);
            case Integer number -> generator.writeNumber(number);
            case Long number -> generator.writeNumber(number);
            case Map<?, ?> map -> {
                generator.writeStartObject();
                for (var entry : map.entrySet()) {
                    if (entry.getValue() instanceof BodyFields.Inline inline) {
                        inline.fields().writeFields(generator);
                    } else {
                        generator.writeFieldName((String) entry.getKey());
                        writeValue(generator, entry.getValue());
                    }
                }
                generator.writeEndObject();
            }
            case RawJson raw -> generator.writeRawValue(raw.json());
            case BodyFields part -> {
                generator.writeStartObject();
                part.writeFields(generator);
                generator.writeEndObject();
            }
            case java.util.List<?> list -> {
                generator.writeStartArray();
                for (Object item : list) {
                    writeValue(generator, item);
                }
                generator.writeEndArray();
            }
            default -> throw new IllegalArgumentException("cannot render " + value.getClass());
        }
    }
}
