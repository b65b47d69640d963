package dev.vpnd.server.dialect.aliyun;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vpnd.core.model.Tag;
import dev.vpnd.core.port.TagFilter;
import dev.vpnd.core.service.Tags;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Tag parameters ({@code Tag.N.Key}/{@code Tag.N.Value}, or {@code Tags.N.*} on creates) and the
 * rules of the DescribeVpnConnections page: a key is 1 to 64 characters, a value at most 128, neither
 * holds {@code http://} or {@code https://} nor starts with {@code aliyun} or {@code acs:}, and a
 * call names at most 20 tags.
 */
final class AliyunTags {
    static final int MAX_KEY_LENGTH = 64;
    static final int MAX_VALUE_LENGTH = 128;

    private AliyunTags() {
    }

    /** Tags to set; an absent value is the empty value. */
    static List<Tag> toSet(RpcParams params, String prefix) {
        var tags = new ArrayList<Tag>();
        for (var pair : pairs(params, prefix)) {
            tags.add(new Tag(pair.key(), pair.value() == null ? "" : pair.value()));
        }
        return tags;
    }

    /**
     * Tags a listed resource must carry; an absent value matches any value of the key. They are
     * {@code Tag.N.Key}/{@code Tag.N.Value}, or the 2023 page's JSON form {@code Tag=[{"Key":…,
     * "Value":…}]} (with the same limits; malformed JSON is {@code InvalidParameter}), or both.
     */
    static List<TagFilter> toFilter(RpcParams params, String prefix) {
        var entries = params.list(prefix);
        entries.addAll(jsonEntries(params, prefix));
        return pairs(entries).stream().map(p -> new TagFilter(p.key(), p.value())).toList();
    }

    /** The JSON form's pairs as the flattened form's entries; a member that is not text is malformed. */
    private static List<Map<String, String>> jsonEntries(RpcParams params, String name) {
        var entries = new ArrayList<Map<String, String>>();
        for (JsonNode item : params.jsonArray(name)) {
            if (entries.size() > Tags.MAX_PER_RESOURCE) {
                throw AliyunError.TAG_NUMBER_EXCEEDED.fault();
            }
            if (!item.isObject()) {
                throw AliyunError.INVALID_PARAMETER.fault(name);
            }
            var entry = new LinkedHashMap<String, String>();
            for (String field : new String[] {"Key", "Value"}) {
                JsonNode value = item.path(field);
                if (value.isTextual()) {
                    entry.put(field, value.asText());
                } else if (!value.isMissingNode() && !value.isNull()) {
                    throw AliyunError.INVALID_PARAMETER.fault(name);
                }
            }
            entries.add(entry);
        }
        return entries;
    }

    /** Tag keys to remove ({@code TagKey.N}), checked like keys. */
    static List<String> keys(RpcParams params, String prefix) {
        var keys = new ArrayList<String>();
        for (var entry : params.list(prefix)) {
            String key = entry.getOrDefault("", "");
            checkKey(key);
            keys.add(key);
        }
        if (keys.size() > Tags.MAX_PER_RESOURCE) {
            throw AliyunError.TAG_NUMBER_EXCEEDED.fault();
        }
        return keys;
    }

    private record Pair(String key, String value) {
    }

    private static List<Pair> pairs(RpcParams params, String prefix) {
        return pairs(params.list(prefix));
    }

    private static List<Pair> pairs(List<Map<String, String>> entries) {
        if (entries.size() > Tags.MAX_PER_RESOURCE) {
            throw AliyunError.TAG_NUMBER_EXCEEDED.fault();
        }
        var pairs = new ArrayList<Pair>();
        var seen = new HashMap<String, String>();
        for (var entry : entries) {
            String key = entry.getOrDefault("Key", "");
            String value = entry.get("Value");
            checkKey(key);
            if (value != null) {
                checkValue(value);
            }
            if (seen.containsKey(key)) {
                // The same pair twice is a duplicated key; one key with two values can never match.
                throw java.util.Objects.equals(seen.get(key), value)
                        ? AliyunError.TAG_KEY_DUPLICATED.fault()
                        : AliyunError.TAG_KEY_CONFLICT.fault();
            }
            seen.put(key, value);
            pairs.add(new Pair(key, value));
        }
        return pairs;
    }

    private static void checkKey(String key) {
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || reserved(key)) {
            throw AliyunError.TAG_KEY_INVALID.fault();
        }
    }

    private static void checkValue(String value) {
        if (value.length() > MAX_VALUE_LENGTH || reserved(value)) {
            throw AliyunError.TAG_VALUE_INVALID.fault();
        }
    }

    private static boolean reserved(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.startsWith("aliyun") || lower.startsWith("acs:") || lower.contains("http://")
                || lower.contains("https://");
    }

    /** {@code {"Tag":[{"Key":…,"Value":…}]}}, the wrapped list both SDKs parse. */
    static Map<String, Object> view(List<Tag> tags) {
        var list = new ArrayList<Map<String, Object>>();
        for (Tag tag : tags) {
            var item = new LinkedHashMap<String, Object>();
            item.put("Key", tag.key());
            item.put("Value", tag.value());
            list.add(item);
        }
        var wrapper = new LinkedHashMap<String, Object>();
        wrapper.put("Tag", list);
        return wrapper;
    }

    /** {@link #view} written straight to the generator, for the listed connections. */
    static void write(JsonGenerator out, List<Tag> tags) throws IOException {
        out.writeStartObject();
        out.writeArrayFieldStart("Tag");
        for (Tag tag : tags) {
            out.writeStartObject();
            out.writeStringField("Key", tag.key());
            out.writeStringField("Value", tag.value());
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeEndObject();
    }
}
