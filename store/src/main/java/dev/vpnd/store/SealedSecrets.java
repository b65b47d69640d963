package dev.vpnd.store;

import dev.vpnd.core.model.OpenStackResource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The database's sealed secrets as a whole: which columns hold them, which key seals them (the
 * {@code sealing_key} row), moving them all to the current key, and refusing plain text once none
 * is left.
 */
final class SealedSecrets {
    /** Rows resealed per write transaction, so a large table never holds the write lock for long. */
    static final int BATCH = 500;

    /**
     * A column of sealed values, its table's primary key (read and compared in this order) and which
     * of its rows hold a secret (a condition and its parameters).
     */
    record Column(String table, List<String> keys, String column, String rowsWithSecret, List<Object> rowParams) {
        Column(String table, List<String> keys, String column) {
            this(table, keys, column, "1 = 1", List.of());
        }

        String name() {
            return table + "." + column;
        }
    }

    /** Every column that holds sealed values; a new one belongs here, or reencrypt skips it. */
    static final List<Column> COLUMNS = List.of(
            new Column("access_keys", List.of("id"), "secret"),
            new Column("vpn_connections", List.of("id"), "ike_psk"),
            new Column("vpn_tunnels", List.of("connection_id", "tunnel_index"), "ike_psk"),
            new Column("openstack_users", List.of("id"), "password_hash"),
            new Column("openstack_resources", List.of("kind", "id"), "attributes",
                    "kind IN " + Jdbc.placeholders(OpenStackResource.SECRET_KINDS.size()),
                    List.copyOf(OpenStackResource.SECRET_KINDS)));

    private SealedSecrets() {
    }

    /**
     * Records the cipher's key as the database's sealing key, or refuses it. The database names the
     * newest key that sealed any of its values: a ring that holds it (as its sealing key, or as an
     * older key during a rotation, when this node's newer key becomes the database's) fits; one that
     * does not would leave this node unable to read what others sealed, and the others unable to
     * read what it seals.
     */
    static void checkKey(Jdbc db, String origin) {
        SecretCipher cipher = db.cipher();
        var recorded = db.queryOne("SELECT key_id FROM sealing_key WHERE singleton = 1", List.of(), Row::text);
        if (recorded.isEmpty()) {
            db.update("INSERT INTO sealing_key (singleton, key_id) VALUES (1, ?)", List.of(cipher.currentKeyId()));
        } else if (!recorded.get().equals(cipher.currentKeyId())) {
            if (!cipher.keyIds().contains(recorded.get())) {
                throw new SecretKeyException("the secrets in this database are sealed with key " + recorded.get()
                        + ", which the secret key ring of " + origin + " (keys " + String.join(", ", cipher.keyIds())
                        + ") does not hold; give the ring that does (--secret-key-file or VPND_SECRET_KEY). "
                        + "Without that key the sealed secrets cannot be read");
            }
            db.update("UPDATE sealing_key SET key_id = ? WHERE singleton = 1", List.of(cipher.currentKeyId()));
        }
    }

    /**
     * Seals anew, under the cipher's current key, every value of {@code column} that is plain text
     * or sealed under another key, in batches walking the primary key. Each row is rewritten only if
     * it still holds the value read, so a concurrent change (already sealed with a current key) is
     * left alone. Records keep their revision: their content does not change.
     */
    static long reseal(JdbcStorage storage, Column column) {
        long resealed = 0;
        List<Object> after = null;
        while (true) {
            List<Object> from = after;
            var batch = storage.write(s -> resealBatch(((JdbcStores) s).db(), column, from));
            resealed += batch.resealed();
            if (batch.last() == null) {
                return resealed;
            }
            after = batch.last();
        }
    }

    /** How many rows of a batch were resealed, and the key of its last row (null when it was the last batch). */
    private record Batch(long resealed, List<Object> last) {
    }

    private static Batch resealBatch(Jdbc db, Column column, List<Object> after) {
        SecretCipher cipher = db.cipher();
        String keys = String.join(", ", column.keys());
        var params = new ArrayList<Object>(column.rowParams());
        String walk = "";
        if (after != null) {
            walk = " AND (" + keys + ") > " + Jdbc.placeholders(after.size());
            params.addAll(after);
        }
        String sql = "SELECT " + keys + ", " + column.column() + " FROM " + column.table() + " WHERE "
                + column.rowsWithSecret() + walk + " ORDER BY " + keys + " LIMIT " + BATCH;
        int keyCount = column.keys().size();
        List<List<Object>> rows = db.query(sql, params, row -> {
            var values = new ArrayList<Object>(keyCount + 1);
            for (String key : column.keys()) {
                values.add(key.equals("tunnel_index") ? (Object) row.int32() : row.text());
            }
            values.add(row.text());
            return values;
        });
        long resealed = 0;
        String where = String.join(" AND ", column.keys().stream().map(k -> k + " = ?").toList());
        for (List<Object> row : rows) {
            String stored = (String) row.get(keyCount);
            if (!cipher.stale(stored)) {
                continue;
            }
            var slot = new SecretSlot(column.table(), column.column(),
                    row.subList(0, keyCount).stream().map(String::valueOf).toList());
            var update = new ArrayList<Object>();
            update.add(cipher.seal(db.openSecret(stored, slot).value(), slot));
            update.addAll(row.subList(0, keyCount));
            update.add(stored);
            resealed += db.update("UPDATE " + column.table() + " SET " + column.column() + " = ? WHERE " + where
                    + " AND " + column.column() + " = ?", update);
        }
        return new Batch(resealed, rows.size() < BATCH ? null : rows.getLast().subList(0, keyCount));
    }

    /** How many values of each column are not sealed under the current key: plain text, or another key's. */
    static Map<String, Long> stale(JdbcStorage storage) {
        return storage.read(s -> stale(((JdbcStores) s).db()));
    }

    private static Map<String, Long> stale(Jdbc db) {
        var counts = new LinkedHashMap<String, Long>();
        String prefix = "v1:" + db.cipher().currentKeyId() + ":";
        for (Column column : COLUMNS) {
            var params = new ArrayList<Object>(column.rowParams());
            params.add(prefix);
            counts.put(column.name(), db.count("SELECT COUNT(*) FROM " + column.table() + " WHERE "
                    + column.rowsWithSecret() + " AND " + column.column() + " IS NOT NULL AND substr("
                    + column.column() + ", 1, " + prefix.length() + ") <> ?", params));
        }
        return Collections.unmodifiableMap(counts);
    }

    /**
     * Records that every secret is sealed under the current key, if it is, after which plain text
     * is refused for good ({@link Jdbc#openSecret}). Checked and recorded in one write transaction.
     *
     * @return whether every secret is sealed (and so plain text is now refused)
     */
    static boolean refusePlainTextIfAllSealed(JdbcStorage storage) {
        return storage.write(s -> {
            Jdbc db = ((JdbcStores) s).db();
            if (stale(db).values().stream().anyMatch(count -> count > 0)) {
                return false;
            }
            db.update("UPDATE sealing_key SET plain_text_refused = 1 WHERE singleton = 1", List.of());
            return true;
        });
    }
}
