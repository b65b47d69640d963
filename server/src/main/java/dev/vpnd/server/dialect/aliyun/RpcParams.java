package dev.vpnd.server.dialect.aliyun;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Typed reading of a call's parameters, each failure answered with Alibaba's own code: a missing
 * required parameter is {@code Missing<Name>}, a malformed one {@code InvalidParameter}.
 */
final class RpcParams {
    /** The deepest real name, {@code TunnelOptionsSpecification.1.TunnelIkeConfig.Psk}, has four segments. */
    static final int MAX_SEGMENTS = 6;
    /** Alibaba's longest lists (ResourceId.N, Tag.N) stop at 50 and 20. */
    static final int MAX_LIST_INDEX = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, String> values;

    RpcParams(Map<String, String> values) {
        this.values = values;
    }

    /** The value, or null when the parameter is absent or empty (clients send empty values for unset fields). */
    String optional(String name) {
        String value = values.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    String optional(String name, String fallback) {
        String value = optional(name);
        return value == null ? fallback : value;
    }

    boolean present(String name) {
        return optional(name) != null;
    }

    String required(String name) {
        String value = optional(name);
        if (value == null) {
            throw AliyunError.MISSING_PARAMETER.fault(name);
        }
        return value;
    }

    boolean bool(String name, boolean fallback) {
        String value = optional(name);
        if (value == null) {
            return fallback;
        }
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw AliyunError.INVALID_PARAMETER.fault(name);
        };
    }

    Boolean boolOrNull(String name) {
        return present(name) ? bool(name, false) : null;
    }

    int integer(String name, int fallback, int min, int max) {
        String value = optional(name);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed < min || parsed > max) {
                throw AliyunError.INVALID_PARAMETER.fault(name);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw AliyunError.INVALID_PARAMETER.fault(name);
        }
    }

    long longValue(String name, long fallback, long min, long max) {
        String value = optional(name);
        if (value == null) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value.strip());
            if (parsed < min || parsed > max) {
                throw AliyunError.INVALID_PARAMETER.fault(name);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw AliyunError.INVALID_PARAMETER.fault(name);
        }
    }

    /** A JSON-text parameter such as {@code IkeConfig}; absent gives a missing node, malformed an error. */
    JsonNode json(String name) {
        String value = optional(name);
        if (value == null) {
            return MissingNode.getInstance();
        }
        try {
            JsonNode node = JSON.readTree(value);
            if (node == null || !node.isObject()) {
                throw AliyunError.INVALID_PARAMETER.fault(name);
            }
            return node;
        } catch (JsonProcessingException e) {
            throw AliyunError.INVALID_PARAMETER.fault(name);
        }
    }

    /**
     * A JSON-array parameter such as the 2023 page's {@code Tag=[{"Key":"k","Value":"v"}]}: absent
     * gives a missing node, malformed or anything but an array an error.
     */
    JsonNode jsonArray(String name) {
        String value = optional(name);
        if (value == null) {
            return MissingNode.getInstance();
        }
        try {
            JsonNode node = JSON.readTree(value);
            if (node == null || !node.isArray()) {
                throw AliyunError.INVALID_PARAMETER.fault(name);
            }
            return node;
        } catch (JsonProcessingException e) {
            throw AliyunError.INVALID_PARAMETER.fault(name);
        }
    }

    /**
     * A flattened 1-based list such as {@code Tag.1.Key}, {@code Tag.1.Value}, {@code Tag.2.Key}:
     * one map per index, in index order, keyed by the rest of the name ({@code Key}, or
     * {@code TunnelIkeConfig.Psk} for nested objects). Indices run from 1 to {@link #MAX_LIST_INDEX}
     * and names have at most {@link #MAX_SEGMENTS} segments; entries are kept by index, never as
     * slots up to the highest one, so a large index costs no more than a small one.
     */
    List<Map<String, String>> list(String prefix) {
        var byIndex = new TreeMap<Integer, Map<String, String>>();
        String start = prefix + ".";
        for (var entry : values.entrySet()) {
            String name = entry.getKey();
            if (!name.startsWith(start)) {
                continue;
            }
            String rest = name.substring(start.length());
            int dot = rest.indexOf('.');
            String index = dot < 0 ? rest : rest.substring(0, dot);
            if (index.isEmpty() || index.length() > 4 || !index.chars().allMatch(c -> c >= '0' && c <= '9')
                    || name.chars().filter(c -> c == '.').count() >= MAX_SEGMENTS) {
                throw AliyunError.INVALID_PARAMETER.fault(name);
            }
            int n = Integer.parseInt(index);
            if (n < 1 || n > MAX_LIST_INDEX) {
                throw AliyunError.INVALID_PARAMETER.fault(name);
            }
            byIndex.computeIfAbsent(n, k -> new LinkedHashMap<>()).put(dot < 0 ? "" : rest.substring(dot + 1),
                    entry.getValue());
        }
        return new ArrayList<>(byIndex.values());
    }
}
