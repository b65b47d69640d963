package dev.vpnd.store;

import dev.vpnd.core.model.OpenStackResource;
import dev.vpnd.core.port.OpenStackStore;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Neutron documents in {@code openstack_resources}, keyed by kind and id. Documents of the kinds that
 * hold a secret ({@link OpenStackResource#SECRET_KINDS}) are sealed whole: the store does not read
 * into them, and nothing queries their fields in SQL.
 */
final class JdbcOpenStackStore implements OpenStackStore {
    /** Read in this order by {@link #resource}. */
    private static final String COLUMNS = "kind, id, account_id, attributes, seen_by_everyone";
    /**
     * What a project's member sees, in two index searches: the project's own documents
     * (openstack_resources_by_project), then the others' that everyone sees (the partial index of
     * V14). The rows of other projects' private documents are never read.
     */
    static final String LIST_VISIBLE = "SELECT " + COLUMNS + " FROM openstack_resources "
            + "WHERE account_id = ? AND kind = ? UNION ALL SELECT " + COLUMNS + " FROM openstack_resources "
            + "WHERE kind = ? AND seen_by_everyone = 1 AND account_id <> ? ORDER BY id";

    private final Jdbc db;

    JdbcOpenStackStore(Jdbc db) {
        this.db = db;
    }

    @Override
    public void insert(OpenStackResource resource) {
        db.update("INSERT INTO openstack_resources (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)",
                List.of(resource.kind(), resource.id(), resource.projectId(), stored(resource),
                        resource.seenByEveryone()));
    }

    @Override
    public Optional<OpenStackResource> find(String kind, String id) {
        return db.queryOne("SELECT " + COLUMNS + " FROM openstack_resources WHERE kind = ? AND id = ?",
                List.of(kind, id), this::resource);
    }

    @Override
    public List<OpenStackResource> list(String kind) {
        return db.query("SELECT " + COLUMNS + " FROM openstack_resources WHERE kind = ? ORDER BY id",
                List.of(kind), this::resource);
    }

    @Override
    public List<OpenStackResource> listVisible(String kind, String projectId) {
        return db.query(LIST_VISIBLE, List.of(projectId, kind, kind, projectId), this::resource);
    }

    @Override
    public long count(String kind, String projectId) {
        return db.count("SELECT COUNT(*) FROM openstack_resources WHERE account_id = ? AND kind = ?",
                List.of(projectId, kind));
    }

    @Override
    public boolean update(OpenStackResource resource) {
        return db.update("UPDATE openstack_resources SET attributes = ?, seen_by_everyone = ? "
                + "WHERE kind = ? AND id = ?",
                List.of(stored(resource), resource.seenByEveryone(), resource.kind(), resource.id())) == 1;
    }

    @Override
    public boolean delete(String kind, String id) {
        return db.update("DELETE FROM openstack_resources WHERE kind = ? AND id = ?", List.of(kind, id)) == 1;
    }

    private static SecretSlot attributesSlot(String kind, String id) {
        return SecretSlot.of("openstack_resources", "attributes", kind, id);
    }

    private String stored(OpenStackResource resource) {
        return resource.holdsSecret()
                ? db.cipher().seal(resource.attributes(), attributesSlot(resource.kind(), resource.id()))
                : resource.attributes();
    }

    /** The documents of the kinds that hold a secret are sealed; those of the others are JSON as they are. */
    private OpenStackResource resource(Row row) throws SQLException {
        String kind = row.text();
        String id = row.text();
        String projectId = row.text();
        String attributes;
        if (OpenStackResource.SECRET_KINDS.contains(kind)) {
            var document = row.secret(attributesSlot(kind, id));
            attributes = document == null ? null : document.value();
        } else {
            attributes = row.text();
        }
        return new OpenStackResource(kind, id, projectId, attributes, row.bool());
    }
}
