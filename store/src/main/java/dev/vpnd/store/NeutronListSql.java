package dev.vpnd.store;

import dev.vpnd.core.port.NeutronQuery;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@link NeutronQuery} over one kind's select: its conditions as IN lists on the fields'
 * expressions, its order then {@code r.id}, and its page as a keyset from the marker row's sort
 * values (so a page costs its rows, not those before it); a reverse page is read backwards and
 * turned around. Text is compared and sorted by code point on every database.
 *
 * @param select the selected columns and {@code FROM} clause (with its joins) of the kind's rows, {@code r}
 * @param from the {@code FROM} clause alone, for the marker's sort values
 * @param fields each field's SQL expression; {@link #NOW} stands for the query's time
 */
record NeutronListSql<F extends Enum<F>>(String select, String from, Map<F, String> fields) {
    /** Where an expression needs the query's time (epoch millis), as a parameter. */
    static final String NOW = ":now";

    <T> List<T> run(Jdbc db, NeutronQuery<F> q, Jdbc.RowMapper<T> reader) {
        var where = new Where().eq("r.account_id", q.accountId()).eq("r.region", q.region());
        // In field order, and IN lists padded to a power of two with their last value, so that the
        // statements a client's filters can ask for are few (each is prepared and cached).
        var conditions = new ArrayList<>(q.conditions());
        conditions.sort(Comparator.comparing(c -> c.field()));
        for (var condition : conditions) {
            if (condition.anyOf().isEmpty()) {
                where.condition("1 = 0");
                continue;
            }
            var params = new ArrayList<Object>();
            String expression = expression(condition.field(), params, q);
            var values = new ArrayList<Object>(condition.anyOf());
            int padded = Integer.highestOneBit(values.size() - 1) << 1;
            values.addAll(Collections.nCopies(Math.max(padded, 1) - values.size(), values.getLast()));
            params.addAll(values);
            where.condition(expression + " IN " + Jdbc.placeholders(values.size()), params.toArray());
        }
        var keys = new ArrayList<String>();
        var descending = new ArrayList<Boolean>();
        for (var order : q.order()) {
            var none = new ArrayList<Object>();
            keys.add(db.dialect().byCodePoint(expression(order.field(), none, q)));
            if (!none.isEmpty()) {
                throw new IllegalArgumentException(order.field() + " is not a text field; it does not sort");
            }
            descending.add(order.descending());
        }
        keys.add(db.dialect().byCodePoint("r.id"));
        descending.add(false);
        boolean paged = q.limit() > 0;
        boolean backwards = paged && q.reverse();
        if (paged && q.marker() != null) {
            var markerWhere = new ArrayList<Object>(where.params());
            markerWhere.add(q.marker());
            var values = db.queryOne("SELECT " + String.join(", ", keys) + from + where.sql()
                    + (where.sql().isEmpty() ? " WHERE " : " AND ") + "r.id = ?", markerWhere, row -> {
                        var read = new ArrayList<String>();
                        for (int i = 0; i < keys.size(); i++) {
                            read.add(row.text());
                        }
                        return read;
                    });
            if (values.isEmpty()) {
                return List.of();
            }
            where.condition(beyond(keys, descending, backwards), alternatives(values.get()).toArray());
        }
        var order = new ArrayList<String>();
        for (int i = 0; i < keys.size(); i++) {
            order.add(keys.get(i) + (descending.get(i) ^ backwards ? " DESC" : ""));
        }
        var params = new ArrayList<Object>(where.params());
        String limit = "";
        if (paged) {
            limit = " LIMIT ?";
            params.add(q.limit());
        }
        var rows = db.query(select + where.sql() + " ORDER BY " + String.join(", ", order) + limit, params, reader);
        if (backwards) {
            var turned = new ArrayList<>(rows);
            Collections.reverse(turned);
            return turned;
        }
        return rows;
    }

    private String expression(F field, List<Object> params, NeutronQuery<F> q) {
        String sql = fields.get(field);
        if (sql == null) {
            throw new IllegalArgumentException("no expression for " + field);
        }
        if (sql.contains(NOW)) {
            params.add(q.now());
            return sql.replace(NOW, "?");
        }
        return sql;
    }

    /**
     * Rows after the marker in list order ({@code backwards}: before it): for some key, the same
     * values on every key before it and a later (earlier) value on it.
     */
    private static String beyond(List<String> keys, List<Boolean> descending, boolean backwards) {
        var alternatives = new ArrayList<String>();
        for (int i = 0; i < keys.size(); i++) {
            var terms = new ArrayList<String>();
            for (int j = 0; j < i; j++) {
                terms.add(keys.get(j) + " = ?");
            }
            terms.add(keys.get(i) + (descending.get(i) ^ backwards ? " < ?" : " > ?"));
            alternatives.add("(" + String.join(" AND ", terms) + ")");
        }
        return "(" + String.join(" OR ", alternatives) + ")";
    }

    /** The marker's values in {@link #beyond}'s order of parameters. */
    private static List<Object> alternatives(List<String> values) {
        var params = new ArrayList<Object>();
        for (int i = 0; i < values.size(); i++) {
            params.addAll(values.subList(0, i + 1));
        }
        return params;
    }
}
