package dev.vpnd.server.dialect.neutron;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One entry of a neutron-lib attribute map: whether a POST or PUT may set it, its default (none:
 * required on POST), how its value is converted and validated, and how a list filter compares it
 * ({@link Filter#NONE}: not a database column, so the filter is ignored, as Neutron does).
 */
record Attribute(String name, boolean post, boolean put, JsonNode defaultValue, boolean required, Check check,
        Filter filter, boolean sortable) {

    /** Converts and validates a value the request gave; throws a {@link NeutronError}'s fault. */
    @FunctionalInterface
    interface Check {
        JsonNode apply(String attribute, JsonNode value);
    }

    /** How a query-string filter value compares with the stored value. */
    enum Filter {
        NONE, TEXT, BOOLEAN, INTEGER
    }

    static final Check ANY = (name, value) -> value;

    /** Set by the server only. */
    static Attribute readOnly(String name, Filter filter) {
        return new Attribute(name, false, false, null, false, ANY, filter, false);
    }

    /** Settable on create, with a default. */
    static Attribute postOnly(String name, JsonNode defaultValue, Check check, Filter filter) {
        return new Attribute(name, true, false, defaultValue, false, check, filter, false);
    }

    /** Required on create, never changed. */
    static Attribute requiredPostOnly(String name, Check check, Filter filter) {
        return new Attribute(name, true, false, null, true, check, filter, false);
    }

    static Attribute writable(String name, JsonNode defaultValue, Check check, Filter filter) {
        return new Attribute(name, true, true, defaultValue, false, check, filter, false);
    }

    static Attribute requiredWritable(String name, Check check, Filter filter) {
        return new Attribute(name, true, true, null, true, check, filter, false);
    }

    Attribute asSortKey() {
        return new Attribute(name, post, put, defaultValue, required, check, filter, true);
    }
}
