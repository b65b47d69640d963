package dev.vpnd.core.model;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The regions of one vpnd, in the operator's order: one inventory, whichever dialect a client
 * speaks. Each dialect translates the region name a request carries into a region's id at its edge
 * ({@link #in}), and every resource is stored and found under that id, so a resource created in a
 * region through one dialect is found in the same region through every other dialect that names it.
 *
 * <p>The table is checked once, when it is made: at least one and at most {@link #MAX_REGIONS}
 * regions; ids unique and of lower-case letters, digits and dashes; dialect keys of lower-case
 * letters and digits; names unique within their dialect, of letters, digits, dots, dashes and
 * underscores; every region named by at least one dialect. Ids and names are at most
 * {@link #MAX_LENGTH} characters. The error says what is wrong in one line.
 */
public final class Regions {
    /** Far more regions than any cloud has; a table beyond it is a mistake, not a deployment. */
    public static final int MAX_REGIONS = 1000;
    public static final int MAX_LENGTH = 64;
    private static final Pattern ID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");
    private static final Pattern DIALECT = Pattern.compile("[a-z][a-z0-9]{0,31}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9._-]{0,62}[A-Za-z0-9])?");

    private final List<Region> all;
    private final Map<String, Region> byId;

    private Regions(List<Region> all, Map<String, Region> byId) {
        this.all = all;
        this.byId = byId;
    }

    /** The table of {@code regions}, in their order; an {@link IllegalArgumentException} says what is wrong. */
    public static Regions of(List<Region> regions) {
        if (regions.isEmpty()) {
            throw new IllegalArgumentException("there must be at least one region");
        }
        if (regions.size() > MAX_REGIONS) {
            throw new IllegalArgumentException("at most " + MAX_REGIONS + " regions, not " + regions.size());
        }
        var byId = new LinkedHashMap<String, Region>();
        var seen = new HashMap<String, Map<String, String>>();
        for (Region region : regions) {
            if (!ID.matcher(region.id()).matches()) {
                throw new IllegalArgumentException("region id '" + shown(region.id()) + "' is not 1 to " + MAX_LENGTH
                        + " lower-case letters, digits and inner dashes");
            }
            if (byId.putIfAbsent(region.id(), region) != null) {
                throw new IllegalArgumentException("region id '" + region.id() + "' appears twice");
            }
            if (region.names().isEmpty()) {
                throw new IllegalArgumentException("region '" + region.id() + "' has no name in any dialect");
            }
            for (var name : region.names().entrySet()) {
                checkName(region.id(), name.getKey(), name.getValue());
                String before = seen.computeIfAbsent(name.getKey(), d -> new HashMap<>())
                        .putIfAbsent(name.getValue(), region.id());
                if (before != null) {
                    throw new IllegalArgumentException(name.getKey() + " name '" + name.getValue()
                            + "' is given to both region '" + before + "' and region '" + region.id() + "'");
                }
            }
        }
        return new Regions(List.copyOf(regions), Map.copyOf(byId));
    }

    private static void checkName(String id, String dialect, String name) {
        if (!DIALECT.matcher(dialect).matches()) {
            throw new IllegalArgumentException("region '" + id + "' names dialect '" + shown(dialect)
                    + "', which is not 1 to 32 lower-case letters and digits");
        }
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("region '" + id + "' has the " + dialect + " name '" + shown(name)
                    + "', which is not 1 to " + MAX_LENGTH + " letters, digits and inner dots, dashes or underscores");
        }
    }

    /** A text from the operator's table, cut short and stripped of control characters for a one-line error. */
    private static String shown(String text) {
        String cut = text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) + "..." : text;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    /** Every region, in the table's order. */
    public List<Region> all() {
        return all;
    }

    public Optional<Region> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The regions {@code dialect} names, and their names in it. */
    public RegionNames in(String dialect) {
        var ids = new LinkedHashMap<String, String>();
        for (Region region : all) {
            region.name(dialect).ifPresent(name -> ids.put(name, region.id()));
        }
        return new RegionNames(dialect, ids);
    }
}
