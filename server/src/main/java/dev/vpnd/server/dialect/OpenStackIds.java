package dev.vpnd.server.dialect;

import java.util.regex.Pattern;

/**
 * Keystone's spelling of project and user ids: 32 lowercase hex digits, a UUID without its dashes
 * (docs/dialects/openstack.md, "Ids"). vpnd keeps the canonical dashed form; Keystone and Neutron
 * show this one and take either, so ids a client copied from an older answer keep working.
 */
public final class OpenStackIds {
    private static final Pattern DASHED =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{32}");

    private OpenStackIds() {
    }

    /** A canonical account or user id as Keystone shows it; an id of another form as it is. */
    public static String shown(String canonicalId) {
        return canonicalId != null && DASHED.matcher(canonicalId).matches() ? canonicalId.replace("-", "")
                : canonicalId;
    }

    /** The canonical id a client's project or user id names, in either form; any other text as given. */
    public static String canonical(String given) {
        if (given == null || !HEX.matcher(given).matches()) {
            return given;
        }
        return given.substring(0, 8) + "-" + given.substring(8, 12) + "-" + given.substring(12, 16) + "-"
                + given.substring(16, 20) + "-" + given.substring(20);
    }
}
