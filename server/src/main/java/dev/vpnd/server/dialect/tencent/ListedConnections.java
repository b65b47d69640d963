package dev.vpnd.server.dialect.tencent;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Policy;
import dev.vpnd.core.model.CustomerGateway;
import dev.vpnd.core.model.VpnConnection;
import dev.vpnd.core.model.VpnGateway;
import java.time.Instant;

/**
 * The JSON of the connections DescribeVpnConnections listed lately, reused while a connection
 * reads back the same: clients poll the same pages over and over, and writing a connection's
 * forty-odd fields cost more than reading them. The connection still comes from the store on
 * every call; its JSON is reused only when the record is the same version (its revision: every
 * write of a connection's columns, tunnels, tags or negotiation status stores a new one, on any
 * node), the caller's key hides pre-shared keys or not alike, its {@code State} at this call's
 * time and its {@code HealthCheckStatus} (the agent's verdict, not in the record) are the ones
 * written, and what it shows of other records ({@link Around}), whose changes leave the
 * connection's revision alone, is what it was. Everything else {@link VpnConnectionView} shows is
 * the connection's own record or derived from it alone; a field taken from any other record must
 * be part of {@link Around}.
 */
final class ListedConnections {
    /** Ten thousand entries are the first pages of five hundred gateways, about 14 MiB of JSON. */
    static final int CAPACITY = 10_000;

    /** What a view shows of the connection's VPC, gateway and customer gateway; null fields for one gone. */
    record Around(Long vpcSerial, Long gatewaySerial, String gatewayAddress, long gatewayAsn, Long peerSerial,
            String peerAddress, long peerAsn) {
        static Around of(VpnConnection c, VpnConnectionView.Related related) {
            VpnGateway gateway = related.gateways().get(c.gatewayId());
            CustomerGateway peer = related.customerGateways().get(c.customerGatewayId());
            return new Around(related.vpcSerials().get(c.vpcId()),
                    gateway == null ? null : gateway.serial(), gateway == null ? null : gateway.internetIp(),
                    gateway == null ? 0 : gateway.asn(),
                    peer == null ? null : peer.serial(), peer == null ? null : peer.ipAddress(),
                    peer == null ? 0 : peer.asn());
        }
    }

    private record Key(String connectionId, boolean hidesSecrets) {
    }

    private record Rendered(long revision, String state, String healthStatus, Around around, TencentJson.Raw json) {
    }

    /** One per process: what it keeps is exact whichever listener, node or database version reads it. */
    private static final Cache<Key, Rendered> RENDERED = Caffeine.newBuilder().maximumSize(CAPACITY)
            // Upkeep runs on the calling thread: handing it to the common pool costs more on two cores.
            .executor(Runnable::run).build();
    /**
     * Reads leave the eviction order alone, as in the store's record cache: recording them dirtied
     * old-generation cards on every request, which each young collection then had to scan.
     */
    private static final Policy<Key, Rendered> QUIETLY = RENDERED.policy();

    private ListedConnections() {
    }

    /**
     * {@code shown} (the connection as the caller may read it) as an item of a page, among
     * {@code related}: kept JSON when still exact, else written afresh and kept.
     */
    static TencentJson.Raw item(VpnConnection shown, boolean hidesSecrets, VpnConnectionView.Related related,
            Instant now) {
        String state = VpnConnectionView.state(shown, now);
        String healthStatus = VpnConnectionView.healthStatus(shown, related);
        Around around = Around.of(shown, related);
        var key = new Key(shown.id(), hidesSecrets);
        Rendered kept = QUIETLY.getIfPresentQuietly(key);
        if (kept == null || kept.revision() != shown.revision() || !kept.state().equals(state)
                || !kept.healthStatus().equals(healthStatus) || !kept.around().equals(around)) {
            kept = new Rendered(shown.revision(), state, healthStatus, around,
                    TencentJson.raw(VpnConnectionView.of(shown, related, now)));
            RENDERED.put(key, kept);
        }
        return kept.json();
    }
}
