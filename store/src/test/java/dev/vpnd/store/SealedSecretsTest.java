package dev.vpnd.store;

import static dev.vpnd.store.Fixtures.NOW;
import static dev.vpnd.store.Fixtures.SCOPE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnd.core.model.AccessKey;
import dev.vpnd.core.model.Account;
import dev.vpnd.core.model.OpenStackResource;
import dev.vpnd.core.model.Secret;
import dev.vpnd.core.model.Tunnel;
import dev.vpnd.core.model.TunnelRole;
import dev.vpnd.core.model.User;
import dev.vpnd.core.model.VpnConnection;
import dev.vpnd.core.port.Stores;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Access key secrets, pre-shared keys (a connection's, its tunnels', a Neutron site connection's)
 * and password hashes reach the database sealed, read back whole, and move between keys.
 */
class SealedSecretsTest extends StoreTestBase {
    private static final String KEY_SECRET = "AccessKeySecret-plain-4711";
    private static final String CONNECTION_PSK = "ConnectionPsk-plain-4711";
    private static final String TUNNEL_PSK = "TunnelPsk-plain-4711-";
    private static final String SITE_PSK = "NeutronPsk-plain-4711";
    private static final String PASSWORD_HASH = "pbkdf2-sha256$1$salt-4711$hash-4711";
    private static final String SITE_KIND = OpenStackResource.SECRET_KINDS.iterator().next();
    /** What Neutron's site connection document holds, abridged. */
    private static final String SITE_DOCUMENT = "{\"id\":\"site-1\",\"tenant_id\":\"a-1\",\"psk\":\"" + SITE_PSK
            + "\"}";

    private final VpnConnection connection = withPsks(Fixtures.dualTunnel(SCOPE, "gw-1", "cgw-1", "cgw-2"));

    @Test
    void secretsReachTheDatabaseSealedAndReadBackWhole() throws Exception {
        writeEverything();

        String sealedBy = "v1:" + database.cipher().currentKeyId() + ":";
        for (String column : List.of("SELECT secret FROM access_keys", "SELECT ike_psk FROM vpn_connections",
                "SELECT ike_psk FROM vpn_tunnels", "SELECT password_hash FROM openstack_users",
                "SELECT attributes FROM openstack_resources WHERE kind = '" + SITE_KIND + "'")) {
            assertThat(raw(column)).as(column).isNotEmpty().allSatisfy(value -> {
                assertThat(value).startsWith(sealedBy);
                for (String plain : List.of(KEY_SECRET, CONNECTION_PSK, TUNNEL_PSK, SITE_PSK, "salt-4711")) {
                    assertThat(value).doesNotContain(plain);
                }
            });
        }
        assertThat(raw("SELECT attributes FROM openstack_resources WHERE kind = 'vpn/ikepolicies'"))
                .containsExactly("{\"name\":\"policy\"}");
        if (!TestDatabase.postgres()) {
            storage.close();
            storage = null;
            for (String suffix : List.of("", "-wal", "-shm")) {
                Path file = databaseFile().resolveSibling(databaseFile().getFileName() + suffix);
                if (Files.exists(file)) {
                    String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                    for (String plain : List.of(KEY_SECRET, CONNECTION_PSK, TUNNEL_PSK, SITE_PSK, "salt-4711")) {
                        assertThat(bytes).as(file + " holds " + plain).doesNotContain(plain);
                    }
                }
            }
            storage = database.open();
        }

        assertEverythingReadsBack();
    }

    @Test
    void plainTextFromBeforeSealingStillReadsAndReencryptingSealsIt() {
        writeEverything();
        rawUpdate("UPDATE access_keys SET secret = ?", KEY_SECRET);
        rawUpdate("UPDATE vpn_connections SET ike_psk = ?", CONNECTION_PSK);
        rawUpdate("UPDATE vpn_tunnels SET ike_psk = ? WHERE tunnel_index = 1", TUNNEL_PSK + 1);
        rawUpdate("UPDATE openstack_users SET password_hash = ?", PASSWORD_HASH);
        rawUpdate("UPDATE openstack_resources SET attributes = ? WHERE kind = '" + SITE_KIND + "'", SITE_DOCUMENT);
        assertEverythingReadsBack();
        assertThat(storage.staleSecrets()).containsExactlyInAnyOrderEntriesOf(Map.of("access_keys.secret", 1L,
                "vpn_connections.ike_psk", 1L, "vpn_tunnels.ike_psk", 1L, "openstack_users.password_hash", 1L,
                "openstack_resources.attributes", 1L));

        assertThat(storage.reseal()).containsExactlyInAnyOrderEntriesOf(Map.of("access_keys.secret", 1L,
                "vpn_connections.ike_psk", 1L, "vpn_tunnels.ike_psk", 1L, "openstack_users.password_hash", 1L,
                "openstack_resources.attributes", 1L));

        assertThat(storage.staleSecrets().values()).containsOnly(0L);
        assertThat(raw("SELECT ike_psk FROM vpn_tunnels")).allSatisfy(v -> assertThat(v).startsWith("v1:"));
        assertEverythingReadsBack();
    }

    @Test
    void aSealedValueCopiedToAnotherRowOrColumnDoesNotOpenThere() {
        writeEverything();
        String ownPsk = raw("SELECT ike_psk FROM vpn_connections").getFirst();
        // Someone who can write to the database pastes an access key secret into a connection's pre-shared key.
        rawUpdate("UPDATE vpn_connections SET ike_psk = ?", raw("SELECT secret FROM access_keys").getFirst());
        assertThatThrownBy(() -> storage.read((Stores s) -> s.connections().find(SCOPE, connection.id())))
                .isInstanceOf(SecretKeyException.class).hasMessageContaining("vpn_connections.ike_psk");
        // Or one tunnel's into the other's.
        rawUpdate("UPDATE vpn_connections SET ike_psk = ?", ownPsk);
        rawUpdate("UPDATE vpn_tunnels SET ike_psk = ? WHERE tunnel_index = 2",
                raw("SELECT ike_psk FROM vpn_tunnels WHERE tunnel_index = 1").getFirst());
        assertThatThrownBy(() -> storage.read((Stores s) -> s.connections().find(SCOPE, connection.id())))
                .isInstanceOf(SecretKeyException.class).hasMessageContaining("vpn_tunnels.ike_psk");
    }

    @Test
    void plainTextIsRefusedOnceReencryptingHasSealedEverything() {
        writeEverything();
        rawUpdate("UPDATE access_keys SET secret = ?", KEY_SECRET);
        assertThat(storage.refusePlainTextIfAllSealed()).as("a value is still plain text").isFalse();
        assertEverythingReadsBack();

        storage.reseal();
        assertThat(storage.refusePlainTextIfAllSealed()).isTrue();
        assertEverythingReadsBack();
        rawUpdate("UPDATE access_keys SET secret = ?", "planted-in-plain-text");
        assertThatThrownBy(() -> storage.read((Stores s) -> s.accounts().findKey("LTAIkey")))
                .isInstanceOf(SecretKeyException.class).hasMessageContaining("not sealed");
        // Nor can a later reencrypt seal it into a valid value.
        assertThatThrownBy(() -> storage.reseal()).isInstanceOf(SecretKeyException.class);
        // Another node, however long it has run, refuses it too.
        storage.close();
        storage = null;
        storage = database.open();
        assertThatThrownBy(() -> storage.read((Stores s) -> s.accounts().findKey("LTAIkey")))
                .isInstanceOf(SecretKeyException.class);
    }

    @Test
    void aRotationMovesEverySecretToTheNewKey() {
        writeEverything();
        byte[] newer = SecretCipher.newKey();
        var rotated = SecretCipher.of(List.of(newer));
        storage.close();
        storage = null;
        // The old ring alone does not hold the new key; the ring that does opens both.
        storage = database.open(ringOf(newer));
        assertEverythingReadsBack();
        assertThat(storage.staleSecrets().values()).containsOnly(1L, 2L);

        storage.reseal();

        assertThat(storage.staleSecrets().values()).containsOnly(0L);
        assertThat(raw("SELECT secret FROM access_keys")).allSatisfy(v -> assertThat(v)
                .startsWith("v1:" + rotated.currentKeyId() + ":"));
        storage.close();
        storage = null;
        storage = database.open(rotated);
        assertEverythingReadsBack();
        storage.close();
        storage = null;
        assertThatThrownBy(() -> database.open()).isInstanceOf(SecretKeyException.class)
                .hasMessageContaining(rotated.currentKeyId());
        storage = database.open(rotated);
    }

    @Test
    void aNodeWithAnotherKeyIsRefusedAndChangesNothing() {
        writeEverything();
        storage.close();
        storage = null;
        var stranger = SecretCipher.of(List.of(SecretCipher.newKey()));

        assertThatThrownBy(() -> database.open(stranger)).isInstanceOf(SecretKeyException.class)
                .hasMessageContaining(database.cipher().currentKeyId())
                .hasMessageContaining(stranger.currentKeyId());

        storage = database.open();
        assertEverythingReadsBack();
    }

    /** A rotated ring: a new sealing key, then the test database's key. */
    private SecretCipher ringOf(byte[] newer) {
        return SecretCipher.of(List.of(newer, database.key()));
    }

    private void writeEverything() {
        storage.write((Stores s) -> {
            s.accounts().insert(new Account("a-1", "alice", NOW));
            s.accounts().insertKey(new AccessKey("LTAIkey", new Secret(KEY_SECRET), "a-1", false));
            s.connections().insert(connection, "");
            s.identities().insertUser(new User("u-1", "a-1", "alice", new Secret(PASSWORD_HASH), false, NOW));
            s.openStack().insert(new OpenStackResource(SITE_KIND, "site-1", "a-1", SITE_DOCUMENT, false));
            s.openStack()
                    .insert(new OpenStackResource("vpn/ikepolicies", "ike-1", "a-1", "{\"name\":\"policy\"}", false));
            return null;
        });
    }

    private void assertEverythingReadsBack() {
        assertThat(storage.read((Stores s) -> s.accounts().findKey("LTAIkey")).orElseThrow().secret().value())
                .isEqualTo(KEY_SECRET);
        var read = storage.read((Stores s) -> s.connections().find(SCOPE, connection.id())).orElseThrow();
        assertThat(read.ike().psk().value()).isEqualTo(CONNECTION_PSK);
        assertThat(read.tunnels()).extracting(t -> t.ike().psk().value())
                .containsExactly(TUNNEL_PSK + 1, TUNNEL_PSK + 2);
        assertThat(storage.read((Stores s) -> s.identities().findUser("u-1")).orElseThrow().passwordHash().value())
                .isEqualTo(PASSWORD_HASH);
        assertThat(storage.read((Stores s) -> s.openStack().find(SITE_KIND, "site-1")).orElseThrow().attributes())
                .isEqualTo(SITE_DOCUMENT);
        assertThat(storage.read((Stores s) -> s.openStack().list(SITE_KIND))).extracting(OpenStackResource::attributes)
                .containsExactly(SITE_DOCUMENT);
    }

    private List<String> raw(String sql) {
        return storage.read((Stores s) -> ((JdbcStores) s).db().query(sql, List.of(), Row::text));
    }

    private void rawUpdate(String sql, String value) {
        storage.write((Stores s) -> ((JdbcStores) s).db().update(sql, List.of(value)));
    }

    private static VpnConnection withPsks(VpnConnection c) {
        var tunnels = c.tunnels().stream().map(t -> new Tunnel(t.id(), t.index(), t.role(), t.customerGatewayId(),
                t.enableDpd(), t.enableNatTraversal(), t.remoteCaCertificate(),
                t.ike().withPsk(new Secret(TUNNEL_PSK + t.index())), t.ipsec(), t.bgp(), t.internetIp(), t.zone(),
                t.status())).toList();
        assertThat(tunnels).extracting(Tunnel::role).containsExactly(TunnelRole.MASTER, TunnelRole.SLAVE);
        return new VpnConnection(c.id(), c.serial(), c.scope(), c.vpcId(), c.gatewayId(), c.customerGatewayId(),
                c.name(), c.securityPolicies(), c.initiation(), c.enableDpd(), c.dpdTimeoutSeconds(), c.dpdAction(),
                c.enableNatTraversal(), c.autoConfigRoute(), c.routeType(), c.ike().withPsk(new Secret(CONNECTION_PSK)),
                c.ipsec(), c.bgp(), c.healthCheck(), c.remoteCaCertificate(), c.enableTunnelsBgp(), tunnels, c.status(),
                c.lifecycle(), c.createdAt(), c.tags(), c.revision());
    }
}
