package dev.vpnd.server;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpnd.core.model.Region;
import dev.vpnd.core.model.Regions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The region table every dialect translates its region names through (docs/design.md, "Regions"):
 * a JSON array with one object per region, its {@code id} and its name under each dialect key
 * ({@link #DIALECTS}) that serves it. vpnd's default is {@code regions.json} beside this class; an
 * operator's file of the same form ({@code vpnd serve --regions FILE}) replaces it whole.
 *
 * <p>Besides {@link Regions}' own checks: the file is at most {@link #MAX_BYTES}, strict JSON (no
 * duplicate keys, nothing after the array), every key of a region is {@code id} or a known dialect
 * key, and exactly one region has an {@code openstack} name, since Keystone's catalog gives Neutron
 * one endpoint and so one region. Any fault is a {@link RegionFileException} of one line.
 */
public final class RegionFile {
    /** Keystone's catalog and Neutron: one region, the table's only one with this name. */
    public static final String OPENSTACK = "openstack";
    public static final String ALIYUN = "aliyun";
    public static final String TENCENT = "tencent";
    static final List<String> DIALECTS = List.of(OPENSTACK, ALIYUN, TENCENT);
    /** Some hundred times the default table: room for any real one, and a bound on what start-up reads. */
    static final int MAX_BYTES = 1 << 20;
    private static final int MAX_MESSAGE = 200;
    private static final String DEFAULT_RESOURCE = "regions.json";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Regions DEFAULTS = loadDefaults();

    private RegionFile() {
    }

    /** vpnd's own table: each cloud's regions paired by place, each client's default region first. */
    public static Regions defaults() {
        return DEFAULTS;
    }

    /** The operator's table in {@code file}. */
    public static Regions read(Path file) throws RegionFileException {
        byte[] json;
        try (InputStream in = Files.newInputStream(file)) {
            json = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new RegionFileException(file, "no such file");
        } catch (AccessDeniedException e) {
            throw new RegionFileException(file, "permission denied");
        } catch (IOException e) {
            throw new RegionFileException(file, "cannot be read: " + e);
        }
        if (json.length > MAX_BYTES) {
            throw new RegionFileException(file, "over " + MAX_BYTES + " bytes");
        }
        try {
            return parse(json);
        } catch (IllegalArgumentException e) {
            throw new RegionFileException(file, e.getMessage());
        }
    }

    /**
     * The one region Keystone's catalog and Neutron serve; an {@link IllegalArgumentException} when
     * the table has not exactly one region with an {@code openstack} name.
     */
    public static Region openStack(Regions regions) {
        var named = regions.all().stream().filter(r -> r.name(OPENSTACK).isPresent()).toList();
        if (named.size() != 1) {
            throw new IllegalArgumentException("exactly one region needs an '" + OPENSTACK + "' name (Keystone's "
                    + "catalog gives Neutron one region), not " + named.size());
        }
        return named.getFirst();
    }

    /** The table in {@code json}; an {@link IllegalArgumentException} says in one line what is wrong. */
    static Regions parse(byte[] json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("bad JSON at line " + e.getLocation().getLineNr() + ": "
                    + oneLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException("not a JSON array of regions");
        }
        if (root.size() > Regions.MAX_REGIONS) {
            throw new IllegalArgumentException(root.size() + " regions, more than " + Regions.MAX_REGIONS);
        }
        var regions = new ArrayList<Region>();
        for (int i = 0; i < root.size(); i++) {
            regions.add(region(root.get(i), i + 1));
        }
        Regions table = Regions.of(regions);
        openStack(table);
        return table;
    }

    private static Region region(JsonNode node, int number) {
        String where = "region " + number + ": ";
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + "must be an object such as {\"id\": \"default\", "
                    + "\"openstack\": \"RegionOne\"}");
        }
        String id = null;
        Map<String, String> names = new LinkedHashMap<>();
        for (var field : node.properties()) {
            String key = field.getKey();
            if (!field.getValue().isTextual()) {
                throw new IllegalArgumentException(where + "'" + shown(key) + "' must be a string");
            }
            String value = field.getValue().asText();
            if (key.equals("id")) {
                id = value;
            } else if (DIALECTS.contains(key)) {
                names.put(key, value);
            } else {
                throw new IllegalArgumentException(where + "unknown key '" + shown(key) + "'; a region has an 'id' "
                        + "and a name under any of " + String.join(", ", DIALECTS));
            }
        }
        if (id == null) {
            throw new IllegalArgumentException(where + "no 'id'");
        }
        return new Region(id, names);
    }

    /** A key from the file, short and on one line, for an error message. */
    private static String shown(String text) {
        String cut = text.length() > Regions.MAX_LENGTH ? text.substring(0, Regions.MAX_LENGTH) + "..." : text;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    /** The parser's message, which may quote the file, on one line and not too long. */
    private static String oneLine(String message) {
        String flat = message.replaceAll("\\p{Cntrl}", " ");
        return flat.length() > MAX_MESSAGE ? flat.substring(0, MAX_MESSAGE) + "..." : flat;
    }

    private static Regions loadDefaults() {
        try (InputStream in = RegionFile.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULT_RESOURCE + " is missing from the server's resources");
            }
            return parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
