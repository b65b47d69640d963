package dev.vpnd.server.dialect.tencent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * API 3.0 parameters sent as form or query fields ({@code Filters.0.Values.1=x},
 * {@code IKEOptionsSpecification.DhGroupName=GROUP2}) turned into the JSON tree a TC3 body would
 * have carried, so every action reads one shape. Indices are 0-based; values stay text and the
 * typed readers of {@link Api3Params} convert them.
 */
final class FlatParameters {
    private FlatParameters() {
    }

    /**
     * @throws TencentFault {@code InvalidParameter} when names conflict ({@code A=1} and {@code A.0=2})
     *     or an index is not a number below 1000
     */
    static ObjectNode toTree(Map<String, String> fields) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        for (var field : fields.entrySet()) {
            put(root, field.getKey(), field.getValue());
        }
        return root;
    }

    private static void put(ObjectNode root, String name, String value) {
        String[] path = name.split("\\.", -1);
        JsonNode node = root;
        for (int i = 0; i < path.length; i++) {
            boolean last = i == path.length - 1;
            String segment = path[i];
            boolean nextIsIndex = !last && isIndex(path[i + 1]);
            if (node instanceof ObjectNode object) {
                if (segment.isEmpty()) {
                    throw TencentError.INVALID_PARAMETER.fault(name);
                }
                if (last) {
                    if (object.has(segment)) {
                        throw TencentError.INVALID_PARAMETER.fault(name);
                    }
                    object.put(segment, value);
                    return;
                }
                JsonNode child = object.get(segment);
                if (child == null) {
                    child = nextIsIndex ? object.putArray(segment) : object.putObject(segment);
                }
                node = child;
            } else if (node instanceof ArrayNode array) {
                if (!isIndex(segment)) {
                    throw TencentError.INVALID_PARAMETER.fault(name);
                }
                int index = Integer.parseInt(segment);
                while (array.size() <= index) {
                    array.addNull();
                }
                if (last) {
                    if (!array.get(index).isNull()) {
                        throw TencentError.INVALID_PARAMETER.fault(name);
                    }
                    array.set(index, JsonNodeFactory.instance.textNode(value));
                    return;
                }
                JsonNode child = array.get(index);
                if (child.isNull()) {
                    child = nextIsIndex ? JsonNodeFactory.instance.arrayNode() : JsonNodeFactory.instance.objectNode();
                    array.set(index, child);
                }
                node = child;
            } else {
                throw TencentError.INVALID_PARAMETER.fault(name);
            }
        }
    }

    private static boolean isIndex(String segment) {
        return !segment.isEmpty() && segment.length() <= 3 && segment.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
