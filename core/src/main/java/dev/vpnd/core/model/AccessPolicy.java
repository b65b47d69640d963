package dev.vpnd.core.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a credential may do (docs/security.md, "Key policies"). {@code actions} are patterns of the
 * action names a dialect gives its calls ({@code CreateVpnConnection}, {@code get_network}), where
 * {@code *} stands for any run of characters and letter case does not count, as in the clouds' own
 * policy languages; a call is allowed when one pattern matches its name. {@code resources}, when not
 * empty, are the canonical ids of the only VPN gateways and connections the calls may touch: a call
 * must name at least one, and every one it names must be listed or belong to a listed gateway (a
 * resource-scoped call that names nothing is refused, as the clouds refuse it, rather than answered
 * with a filtered list).
 * {@code regions}, when not empty, are the canonical ids of the only regions a call may name.
 */
public record AccessPolicy(List<String> actions, Set<String> resources, Set<String> regions) {
    /**
     * Letters, digits, {@code _}, {@code .}, {@code :} and the wildcard: every dialect's action names.
     * Declared before the policies below, whose construction checks against it.
     */
    private static final Pattern ACTION_PATTERN = Pattern.compile("[A-Za-z0-9_.:*]{1,128}");
    private static final int MAX_ITEMS = 100;

    /** Every action, everywhere: a key made without a policy. */
    public static final AccessPolicy ALLOW_ALL = new AccessPolicy(List.of("*"), Set.of(), Set.of());
    /** The {@code --read-only} shorthand: the reads of the RPC-style dialects ({@code Describe*}, {@code List*}). */
    public static final AccessPolicy READ_ONLY = new AccessPolicy(List.of("Describe*", "List*"), Set.of(), Set.of());
    /** Keystone's {@code reader} role: Neutron's reads, whose policy rules are {@code get_<member>}. */
    public static final AccessPolicy READER = new AccessPolicy(List.of("get_*"), Set.of(), Set.of());

    public AccessPolicy {
        actions = List.copyOf(actions);
        resources = Set.copyOf(resources);
        regions = Set.copyOf(regions);
        if (actions.isEmpty()) {
            throw new IllegalArgumentException("a policy allows at least one action pattern");
        }
        for (String action : actions) {
            if (!ACTION_PATTERN.matcher(action).matches()) {
                throw new IllegalArgumentException("'" + action + "' is not an action pattern: use letters, digits,"
                        + " '_', '.', ':' and '*' (up to 128)");
            }
        }
    }

    /**
     * The action patterns of a comma-separated list such as {@code Describe*,CreateVpnConnection}
     * (blanks around items are dropped; duplicates are kept once).
     *
     * @throws IllegalArgumentException naming the item that is not a pattern
     */
    public static List<String> parseActions(String text) {
        return items(Objects.requireNonNull(text, "text"), "action pattern");
    }

    /** The items of a comma-separated list, in order, once each; refused when empty or too long. */
    public static List<String> items(String text, String what) {
        var items = new LinkedHashSet<String>();
        for (String item : text.split(",", -1)) {
            String trimmed = item.strip();
            if (trimmed.isEmpty()) {
                throw new IllegalArgumentException("empty " + what + " in '" + text + "'");
            }
            items.add(trimmed);
        }
        if (items.size() > MAX_ITEMS) {
            throw new IllegalArgumentException("at most " + MAX_ITEMS + " " + what + "s");
        }
        return new ArrayList<>(items);
    }

    /** Whether a pattern matches the action called {@code name}. */
    public boolean allowsAction(String name) {
        for (String pattern : actions) {
            if (matches(pattern, name)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a call may name the region {@code regionId} (a canonical id; null when it names none). */
    public boolean allowsRegion(String regionId) {
        return regions.isEmpty() || regions.contains(regionId);
    }

    /** Whether calls must name the resources they touch, from {@link #resources}. */
    public boolean limitsResources() {
        return !resources.isEmpty();
    }

    /** Whether the policy is the {@code --read-only} shorthand's. */
    public boolean readOnly() {
        return equals(READ_ONLY);
    }

    /** The policy as {@code key list} shows it: the actions, then the limits there are. */
    public String describe() {
        var text = new StringBuilder("allow ").append(String.join(",", actions));
        if (!resources.isEmpty()) {
            text.append(" on ").append(String.join(",", resources.stream().sorted().toList()));
        }
        if (!regions.isEmpty()) {
            text.append(" in ").append(String.join(",", regions.stream().sorted().toList()));
        }
        return text.toString();
    }

    /** Whether {@code pattern}, whose {@code *} matches any run of characters, matches all of {@code name}. */
    static boolean matches(String pattern, String name) {
        String p = pattern.toLowerCase(Locale.ROOT);
        String n = name.toLowerCase(Locale.ROOT);
        int pi = 0;
        int ni = 0;
        int star = -1;
        int resume = 0;
        while (ni < n.length()) {
            if (pi < p.length() && p.charAt(pi) != '*' && p.charAt(pi) == n.charAt(ni)) {
                pi++;
                ni++;
            } else if (pi < p.length() && p.charAt(pi) == '*') {
                star = pi++;
                resume = ni;
            } else if (star >= 0) {
                pi = star + 1;
                ni = ++resume;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == p.length();
    }
}
