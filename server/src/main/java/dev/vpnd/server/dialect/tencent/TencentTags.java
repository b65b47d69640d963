package dev.vpnd.server.dialect.tencent;

import dev.vpnd.core.model.Tag;
import dev.vpnd.core.port.TagFilter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code Tags} of a create ({Key, Value} objects), {@code TagSet} of a view, and the tag filters. */
final class TencentTags {
    static final int MAX_TAGS = 50;

    private TencentTags() {
    }

    static List<Tag> of(Api3Params p) {
        var tags = new ArrayList<Tag>();
        for (Api3Params tag : p.objects("Tags", MAX_TAGS)) {
            String key = tag.requiredText("Key");
            if (key.length() > 127) {
                throw TencentError.TOO_LONG.fault(tag.name("Key"));
            }
            String value = tag.text("Value", "", 255);
            if (tags.stream().anyMatch(t -> t.key().equals(key))) {
                throw TencentError.DUPLICATE.fault(key);
            }
            tags.add(new Tag(key, value));
        }
        return tags;
    }

    static List<Map<String, Object>> view(List<Tag> tags) {
        var out = new ArrayList<Map<String, Object>>();
        for (Tag tag : tags) {
            var v = new LinkedHashMap<String, Object>();
            v.put("Key", tag.key());
            v.put("Value", tag.value());
            out.add(v);
        }
        return out;
    }

    /**
     * {@code tag-key} (the key, any value) and {@code tag:KEY} (the key with one of the values)
     * filters. The store ANDs tag filters, so each may have one value only.
     */
    static List<TagFilter> filters(Map<String, List<String>> filters) {
        var out = new ArrayList<TagFilter>();
        filters.forEach((name, values) -> {
            if (name.equals("tag-key")) {
                single(name, values);
                out.add(new TagFilter(values.getFirst(), null));
            } else if (name.startsWith("tag:")) {
                single(name, values);
                out.add(new TagFilter(name.substring(4), values.getFirst()));
            }
        });
        return out;
    }

    private static void single(String name, List<String> values) {
        if (values.size() != 1) {
            throw TencentError.INVALID_PARAMETER_VALUE.fault("Filters." + name
                    + "` (vpnd takes exactly one value for a tag filter");
        }
    }
}
