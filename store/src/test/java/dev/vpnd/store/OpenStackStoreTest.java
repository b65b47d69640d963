package dev.vpnd.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.vpnd.core.model.Account;
import dev.vpnd.core.model.OpenStackResource;
import dev.vpnd.core.port.Stores;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenStackStoreTest extends StoreTestBase {

    private void insert(OpenStackResource... resources) {
        storage.write((Stores s) -> {
            for (OpenStackResource r : resources) {
                if (s.accounts().find(r.projectId()).isEmpty()) {
                    s.accounts().insert(new Account(r.projectId(), r.projectId(), Instant.EPOCH));
                }
                s.openStack().insert(r);
            }
            return null;
        });
    }

    @Test
    void documentsByKindInIdOrder() {
        var b = new OpenStackResource("ikepolicies", "b", "p1", "{\"name\": \"b\"}", false);
        var a = new OpenStackResource("ikepolicies", "a", "p1", "{\"name\": \"a\"}", false);
        var other = new OpenStackResource("networks", "a", "p1", "{}", true);
        insert(b, a, other);
        assertThat(storage.read((Stores s) -> s.openStack().list("ikepolicies"))).containsExactly(a, b);
        assertThat(storage.read((Stores s) -> s.openStack().find("networks", "a"))).contains(other);
        var renamed = new OpenStackResource("ikepolicies", "a", "p1", "{\"name\": \"z\"}", false);
        assertThat((boolean) storage.write((Stores s) -> s.openStack().update(renamed))).isTrue();
        assertThat(storage.read((Stores s) -> s.openStack().find("ikepolicies", "a"))).contains(renamed);
        var unshared = new OpenStackResource("networks", "a", "p1", "{}", false);
        assertThat((boolean) storage.write((Stores s) -> s.openStack().update(unshared))).isTrue();
        assertThat(storage.read((Stores s) -> s.openStack().find("networks", "a"))).contains(unshared);
        assertThat((boolean) storage.write((Stores s) -> s.openStack().delete("ikepolicies", "a"))).isTrue();
        assertThat((boolean) storage.write((Stores s) -> s.openStack().delete("ikepolicies", "a"))).isFalse();
        assertThat(storage.read((Stores s) -> s.openStack().find("ikepolicies", "a"))).isEmpty();
    }

    /**
     * A project's list holds its own documents and the ones everyone sees (its own shared ones once),
     * in id order; another project's private documents, however many, are not in it.
     */
    @Test
    void aProjectListsItsOwnAndWhatEveryoneSees() {
        var others = new ArrayList<OpenStackResource>();
        for (int i = 0; i < 2_000; i++) {
            others.add(new OpenStackResource("networks", String.format("o%04d", i), "other", "{}", false));
        }
        insert(others.toArray(OpenStackResource[]::new));
        var sharedByOther = new OpenStackResource("networks", "m-shared", "other", "{\"shared\":true}", true);
        var mine = new OpenStackResource("networks", "c-mine", "mine", "{}", false);
        var mineShared = new OpenStackResource("networks", "a-mine-shared", "mine", "{\"shared\":true}", true);
        var myPolicy = new OpenStackResource("ikepolicies", "b-policy", "mine", "{}", false);
        insert(sharedByOther, mine, mineShared, myPolicy);

        assertThat(storage.read((Stores s) -> s.openStack().listVisible("networks", "mine")))
                .containsExactly(mineShared, mine, sharedByOther);
        assertThat(storage.read((Stores s) -> s.openStack().listVisible("ikepolicies", "mine")))
                .containsExactly(myPolicy);
        assertThat(storage.read((Stores s) -> s.openStack().listVisible("ikepolicies", "other"))).isEmpty();
        assertThat(storage.read((Stores s) -> s.openStack().listVisible("networks", "nobody")))
                .containsExactly(mineShared, sharedByOther);
        assertThat(storage.read((Stores s) -> s.openStack().count("networks", "other"))).isEqualTo(2_001);
        assertThat(storage.read((Stores s) -> s.openStack().count("networks", "mine"))).isEqualTo(2);
        assertThat(storage.read((Stores s) -> s.openStack().count("ikepolicies", "other"))).isZero();
    }

    /**
     * The visible list searches two indexes and never scans the table: the cost of another project's
     * documents is not paid by a caller who cannot see them.
     */
    @Test
    void theVisibleListSearchesIndexesOnly() throws Exception {
        assumeFalse(TestDatabase.postgres(), "SQLite's query plan");
        insert(new OpenStackResource("networks", "n", "p1", "{}", false));
        var plan = new ArrayList<String>();
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + databaseFile());
                var statement = connection.prepareStatement("EXPLAIN QUERY PLAN " + JdbcOpenStackStore.LIST_VISIBLE)) {
            for (int i = 1; i <= 4; i++) {
                statement.setString(i, i == 2 || i == 3 ? "networks" : "p1");
            }
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    plan.add(rows.getString("detail"));
                }
            }
        }
        // Neither a scan nor a walk of the kind's primary-key range, which holds every project's documents.
        assertThat(plan).noneMatch(step -> step.startsWith("SCAN openstack_resources"));
        assertThat(plan).noneMatch(step -> step.contains("sqlite_autoindex_openstack_resources"));
        assertThat(plan).anyMatch(step -> step.contains("USING INDEX openstack_resources_by_project"));
        assertThat(plan).anyMatch(step -> step.contains("USING INDEX openstack_resources_seen_by_everyone"));
    }

    /** Documents stored before the mark existed get it from their attributes (V14). */
    @Test
    void theMigrationMarksSharedAndExternalNetworksAndTheirSubnets() throws Exception {
        assumeFalse(TestDatabase.postgres(), "rewrites the SQLite file's schema history");
        insert(new OpenStackResource("networks", "shared", "p1", "{\"id\":\"shared\",\"shared\":true}", false),
                new OpenStackResource("networks", "external", "p1",
                        "{\"shared\":false,\"router:external\":true}", false),
                new OpenStackResource("networks", "private", "p1",
                        "{\"name\":\"\\\"shared\\\":true\",\"shared\":false}", false),
                new OpenStackResource("subnets", "of-shared", "p1", "{\"_shared\":true}", false),
                new OpenStackResource("subnets", "of-private", "p1", "{\"xshared\":true}", false),
                new OpenStackResource("ikepolicies", "policy", "p1", "{\"shared\":true}", false));
        storage.close();
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + databaseFile());
                var statement = connection.createStatement()) {
            // Back to version 13: undo V18 (plain text refused), then V14.
            statement.execute("ALTER TABLE sealing_key DROP COLUMN plain_text_refused");
            statement.execute("DROP INDEX openstack_resources_seen_by_everyone");
            statement.execute("ALTER TABLE openstack_resources DROP COLUMN seen_by_everyone");
            statement.execute("DELETE FROM flyway_schema_history WHERE version IN ('14', '18')");
        }
        storage = database.open();
        var marked = new ArrayList<String>();
        for (String kind : List.of("networks", "subnets", "ikepolicies")) {
            storage.read((Stores s) -> s.openStack().list(kind)).stream().filter(OpenStackResource::seenByEveryone)
                    .forEach(r -> marked.add(r.id()));
        }
        assertThat(marked).containsExactlyInAnyOrder("shared", "external", "of-shared");
    }
}
