package dev.vpnd.server.dialect.neutron;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * JSON as Neutron writes it. The VPN extension and error bodies come from Python's {@code json.dumps}
 * with its default separators ({@code ", "} and {@code ": "}); the core resources (networks, subnets,
 * ports) come compact. Both are kept so that answers compare byte for byte with the reference.
 */
final class NeutronJson {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectWriter SPACED = MAPPER.writer(new PythonSeparators());
    private static final ObjectWriter COMPACT = MAPPER.writer();

    private NeutronJson() {
    }

    static byte[] write(JsonNode node, boolean spaced) {
        try {
            return (spaced ? SPACED : COMPACT).writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode parse(String text) {
        try {
            return (ObjectNode) MAPPER.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("a stored Neutron document is not JSON", e);
        }
    }

    static String text(JsonNode node) {
        try {
            return COMPACT.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code json.dumps} defaults: a space after each comma and colon, no line breaks. */
    private static final class PythonSeparators extends MinimalPrettyPrinter {
        private static final long serialVersionUID = 1L;

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }
    }
}
