package dev.vpnd.server.dialect.neutron;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpnd.server.dialect.OpenStackIds;
import dev.vpnd.server.dialect.WireFault;
import dev.vpnd.server.dialect.neutron.Attribute.Filter;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A list request's query string as Neutron reads it: {@code fields} (repeatable), filters on any
 * column attribute (a repeated key ORs, different keys AND; unknown keys are ignored, as the VPN
 * plugin does), {@code sort_key}/{@code sort_dir}, and emulated paging with {@code limit},
 * {@code marker} and {@code page_reverse}, whose links follow neutron's api_common exactly.
 */
final class ListQuery {
    private static final Set<String> CONTROL = Set.of("fields", "limit", "marker", "page_reverse", "sort_key",
            "sort_dir");

    /** Raw {@code key=value} pieces in request order, kept to rebuild link URLs as Neutron does. */
    private final List<String[]> raw = new ArrayList<>();
    private final Map<String, List<String>> params = new LinkedHashMap<>();

    ListQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return;
        }
        // -1 keeps trailing empty pieces, which are skipped like any empty one ("a=1&&b=2&").
        for (String piece : rawQuery.split("&", -1)) {
            if (piece.isEmpty()) {
                continue;
            }
            int eq = piece.indexOf('=');
            String key = decode(eq < 0 ? piece : piece.substring(0, eq));
            String value = eq < 0 ? "" : decode(piece.substring(eq + 1));
            raw.add(new String[] {key, piece});
            params.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
    }

    /**
     * Form decoding ({@code +} is a space), strictly: an escape that is not {@code %} and two hex
     * digits, or bytes that are not UTF-8, are the client's 400, never a guess or a 500. Raw bytes
     * that are not UTF-8 reach the dialect as U+FFFD (the HTTP layer's replacement), so an unescaped
     * U+FFFD counts as such bytes.
     */
    private static String decode(String text) {
        var bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                int high = i + 1 < text.length() ? hex(text.charAt(i + 1)) : -1;
                int low = i + 2 < text.length() ? hex(text.charAt(i + 2)) : -1;
                if (high < 0 || low < 0) {
                    throw NeutronError.BAD_ESCAPE.fault();
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c == '\uFFFD') {
                throw notUtf8();
            } else if (c == '+') {
                bytes.write(' ');
            } else {
                int codePoint = text.codePointAt(i);
                bytes.writeBytes(Character.toString(codePoint).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(codePoint) - 1;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw notUtf8();
        }
    }

    /** An ASCII hex digit's value, else -1 ({@link Character#digit} would take other scripts' digits too). */
    private static int hex(char c) {
        return c < 0x80 ? Character.digit(c, 16) : -1;
    }

    private static WireFault notUtf8() {
        return NeutronError.NOT_UTF8.fault();
    }

    /**
     * The attributes asked for, in their first order; empty values are dropped as Neutron's
     * {@code api_common.list_args} drops them, so {@code fields=} alone asks for whole documents.
     */
    Set<String> fields() {
        var fields = new LinkedHashSet<String>();
        for (String field : params.getOrDefault("fields", List.of())) {
            if (!field.isEmpty()) {
                fields.add(field);
            }
        }
        return fields;
    }

    /** Whether a document passes every filter. */
    boolean matches(Kind kind, ObjectNode doc) {
        return matches(kind, doc, filters(kind).keySet());
    }

    /** Whether a document passes the filters on the attributes {@code only}. */
    boolean matches(Kind kind, ObjectNode doc, Set<String> only) {
        var byName = kind.byName();
        for (var entry : filters(kind).entrySet()) {
            if (!only.contains(entry.getKey())) {
                continue;
            }
            Attribute attribute = byName.get(entry.getKey());
            JsonNode value = doc.path(attribute.name());
            if (entry.getValue().stream().noneMatch(wanted -> equal(attribute.filter(), value, wanted))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The filters that apply to the kind, by attribute, each with its wanted values in request
     * order: keys that name a column attribute (others are ignored, as the VPN plugin does).
     */
    Map<String, List<String>> filters(Kind kind) {
        var byName = kind.byName();
        var out = new LinkedHashMap<String, List<String>>();
        params.forEach((key, values) -> {
            Attribute attribute = byName.get(key);
            if (!CONTROL.contains(key) && attribute != null && attribute.filter() != Filter.NONE) {
                out.put(key, Documents.PROJECT_KEYS.contains(key)
                        ? values.stream().map(OpenStackIds::canonical).toList() : values);
            }
        });
        return out;
    }

    /** Whether {@code wanted}, a filter value, matches a stored value as Neutron compares them. */
    private static boolean equal(Filter filter, JsonNode value, String wanted) {
        try {
            return switch (filter) {
                case BOOLEAN -> value.isBoolean()
                        && value.asBoolean() == Checks.toBoolean(NeutronJson.NODES.textNode(wanted));
                case INTEGER -> value.isNumber() && value.asLong() == Long.parseLong(wanted.strip());
                case TEXT -> value.isValueNode() && !value.isNull() && value.asText().equals(wanted);
                case NONE -> true;
            };
        } catch (WireFault | NumberFormatException e) {
            return false;
        }
    }

    /** One {@code sort_key} with its {@code sort_dir}. */
    record SortKey(String attribute, boolean descending) {
    }

    /** The {@code sort_key}s and their {@code sort_dir}s, checked as Neutron checks them (400s). */
    List<SortKey> sortKeys(Kind kind) {
        List<String> keys = params.getOrDefault("sort_key", List.of());
        List<String> dirs = params.getOrDefault("sort_dir", List.of());
        if (keys.size() != dirs.size()) {
            throw NeutronError.SORT_KEYS_AND_DIRS.fault();
        }
        var byName = kind.byName();
        var invalidKeys = keys.stream().filter(k -> byName.get(k) == null || !byName.get(k).sortable()).toList();
        if (!invalidKeys.isEmpty()) {
            throw NeutronError.INVALID_SORT_KEYS.fault(pythonList(invalidKeys));
        }
        var invalidDirs = dirs.stream().filter(d -> !d.equals("asc") && !d.equals("desc")).toList();
        if (!invalidDirs.isEmpty()) {
            throw NeutronError.INVALID_SORT_DIRS.fault(pythonList(invalidDirs));
        }
        var out = new ArrayList<SortKey>();
        for (int i = 0; i < keys.size(); i++) {
            out.add(new SortKey(keys.get(i), dirs.get(i).equals("desc")));
        }
        return out;
    }

    /** Sorted by {@code sort_key}s (then id), or by id; checks the sort parameters first. */
    List<ObjectNode> sort(Kind kind, List<ObjectNode> docs) {
        // Built from the last key back: each key orders first, the keys after it (and the id) break its ties.
        Comparator<ObjectNode> order = Comparator.comparing(d -> d.path("id").asText());
        for (SortKey key : sortKeys(kind).reversed()) {
            Comparator<ObjectNode> byKey = Comparator.comparing(d -> d.path(key.attribute()).asText());
            order = (key.descending() ? byKey.reversed() : byKey).thenComparing(order);
        }
        var sorted = new ArrayList<>(docs);
        sorted.sort(order);
        return sorted;
    }

    /** limit: absent or 0 means no paging. */
    int limit() {
        List<String> values = params.get("limit");
        if (values == null) {
            return 0;
        }
        String text = values.getLast();
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 0) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // falls through
        }
        throw NeutronError.BAD_LIMIT.fault(text);
    }

    boolean reverse() {
        List<String> values = params.get("page_reverse");
        return values != null && values.getLast().toLowerCase(Locale.ROOT).equals("true");
    }

    String marker() {
        List<String> values = params.get("marker");
        return values == null ? null : values.getLast();
    }

    /** The page of {@code sorted}, as Neutron's emulated pagination slices it. */
    List<ObjectNode> page(List<ObjectNode> sorted) {
        int limit = limit();
        if (limit == 0) {
            return sorted;
        }
        String marker = marker();
        int from = 0;
        int to = sorted.size();
        if (marker != null) {
            int at = -1;
            for (int i = 0; i < sorted.size(); i++) {
                if (sorted.get(i).path("id").asText().equals(marker)) {
                    at = i;
                }
            }
            if (at < 0) {
                return List.of();
            }
            if (reverse()) {
                to = at;
            } else {
                from = at + 1;
            }
        }
        if (reverse()) {
            from = Math.max(from, to - limit);
        } else {
            to = Math.min(to, from + limit);
        }
        return sorted.subList(from, to);
    }

    /** {@code <collection>_links}: next unless a short forward page, previous unless a short reverse page. */
    ArrayNode links(String baseUrl, List<ObjectNode> page) {
        int limit = limit();
        ArrayNode links = NeutronJson.NODES.arrayNode();
        var kept = new ArrayList<String>();
        for (String[] piece : raw) {
            if (!piece[0].equals("marker") && !piece[0].equals("page_reverse")) {
                kept.add(piece[1]);
            }
        }
        String prefix = baseUrl + "?" + String.join("&", kept);
        boolean reverse = reverse();
        if (!(page.size() < limit && !reverse)) {
            String href = prefix + (page.isEmpty() ? "" : "&marker=" + page.getLast().path("id").asText());
            links.addObject().put("rel", "next").put("href", href);
        }
        if (!(page.size() < limit && reverse)) {
            String href = prefix + (page.isEmpty() ? "" : "&marker=" + page.getFirst().path("id").asText())
                    + "&page_reverse=True";
            links.addObject().put("rel", "previous").put("href", href);
        }
        return links;
    }

    private static String pythonList(List<String> values) {
        return "[" + String.join(", ", values.stream().map(v -> "'" + v + "'").toList()) + "]";
    }
}
