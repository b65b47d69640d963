package dev.vpnd.server.dialect.tencent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpnd.server.dialect.WireFault;
import dev.vpnd.server.http.FormUrlEncoded;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * API 3.0 parameters sent as form or query fields ({@code Filters.0.Values.1=x},
 * {@code IKEOptionsSpecification.DhGroupName=GROUP2}) turned into the JSON tree a TC3 body would
 * have carried, so every action reads one shape. Indices are 0-based; values stay text and the
 * typed readers of {@link Api3Params} convert them.
 *
 * <p>Bounded so that no field costs more than its own few nodes: at most
 * {@link FormUrlEncoded#MAX_FIELDS} fields, names of at most {@link #MAX_SEGMENTS} segments and
 * {@link FormUrlEncoded#MAX_NAME_LENGTH} characters, indices below 1000. Lists are collected by
 * index first (fields arrive in any order: the Java SDK writes them from a HashMap) and must then
 * run from 0 without a gap, so {@code A.999} alone is refused instead of allocating 999 empty slots.
 */
final class FlatParameters {
    /** The deepest real name, {@code SecurityPolicyDatabases.0.Remote.0}, has four segments. */
    static final int MAX_SEGMENTS = 6;

    private FlatParameters() {
    }

    /**
     * @throws WireFault {@code InvalidParameter} when there are too many fields, a name is too long
     *     or too deep, names conflict ({@code A=1} and {@code A.0=2}), an index is not a number below
     *     1000, or a list has a gap
     */
    static ObjectNode toTree(Map<String, String> fields) {
        if (fields.size() > FormUrlEncoded.MAX_FIELDS) {
            throw TencentError.INVALID_PARAMETER.fault("the request, which has more than "
                    + FormUrlEncoded.MAX_FIELDS + " fields");
        }
        var root = new Branch(false);
        for (var field : fields.entrySet()) {
            put(root, field.getKey(), field.getValue());
        }
        return (ObjectNode) root.toJson("");
    }

    private static void put(Branch root, String name, String value) {
        if (name.length() > FormUrlEncoded.MAX_NAME_LENGTH) {
            throw TencentError.INVALID_PARAMETER.fault(name.substring(0, FormUrlEncoded.MAX_NAME_LENGTH) + "…");
        }
        String[] path = name.split("\\.", -1);
        if (path.length > MAX_SEGMENTS) {
            throw TencentError.INVALID_PARAMETER.fault(name);
        }
        Branch node = root;
        for (int i = 0; i < path.length; i++) {
            String segment = path[i];
            Object key;
            if (node.list) {
                if (!isIndex(segment)) {
                    throw TencentError.INVALID_PARAMETER.fault(name);
                }
                key = Integer.parseInt(segment);
            } else {
                if (segment.isEmpty()) {
                    throw TencentError.INVALID_PARAMETER.fault(name);
                }
                key = segment;
            }
            Object child = node.children.get(key);
            if (i == path.length - 1) {
                if (child != null) {
                    throw TencentError.INVALID_PARAMETER.fault(name);
                }
                node.children.put(key, value);
                return;
            }
            boolean nextIsIndex = isIndex(path[i + 1]);
            if (child == null) {
                child = new Branch(nextIsIndex);
                node.children.put(key, child);
            } else if (!(child instanceof Branch)) {
                throw TencentError.INVALID_PARAMETER.fault(name);
            }
            node = (Branch) child;
        }
    }

    private static boolean isIndex(String segment) {
        return !segment.isEmpty() && segment.length() <= 3 && segment.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** An object (children by name, in arrival order) or a list (children by index, sorted); leaves are strings. */
    private static final class Branch {
        final boolean list;
        final Map<Object, Object> children;

        Branch(boolean list) {
            this.list = list;
            this.children = list ? new TreeMap<>() : new LinkedHashMap<>();
        }

        JsonNode toJson(String name) {
            if (list) {
                ArrayNode array = JsonNodeFactory.instance.arrayNode(children.size());
                int expected = 0;
                for (var child : children.entrySet()) {
                    if ((Integer) child.getKey() != expected) {
                        throw TencentError.INVALID_PARAMETER.fault(name + "." + expected);
                    }
                    array.add(childJson(name + "." + expected, child.getValue()));
                    expected++;
                }
                return array;
            }
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            for (var child : children.entrySet()) {
                String key = (String) child.getKey();
                object.set(key, childJson(name.isEmpty() ? key : name + "." + key, child.getValue()));
            }
            return object;
        }

        private static JsonNode childJson(String name, Object child) {
            return child instanceof Branch branch ? branch.toJson(name)
                    : JsonNodeFactory.instance.textNode((String) child);
        }
    }
}
