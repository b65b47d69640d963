package dev.vpnd.server.dialect.aliyun;

import dev.vpnd.core.model.CustomerGateway;
import dev.vpnd.core.model.Scope;
import dev.vpnd.core.model.Tunnel;
import dev.vpnd.core.model.VpnConnection;
import dev.vpnd.core.model.VpnGateway;
import dev.vpnd.core.port.CustomerGatewayStore;
import dev.vpnd.core.port.GatewayStore;
import dev.vpnd.core.port.PageRequest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a connection's view shows of records other than the connection itself: its gateway's
 * public address (the agent's, once it has said hello: the address every tunnel of the gateway
 * terminates on) and network type, the zone, and the address, BGP ASN and BGP authentication key of
 * each customer gateway the connection or its tunnels use. Loaded with one query per kind for a
 * whole page, in the action, so that a failed lookup is the call's own error; compared by
 * {@link ListedConnectionCache}, because changes to these records leave the connection's revision
 * alone.
 *
 * @param zone the zone vpnd shows for every gateway of a region (docs/dialects/aliyun.md, "Tunnels"):
 *     vpnd places gateways in no zone, so it names one per region, {@code <RegionId>-a}
 */
record Surroundings(String gatewayAddress, String networkType, String zone, Map<String, Peer> peers) {
    /** Up to a page of connections' gateways, or their customer gateways, in one query. */
    private static final int BATCH = 1000;

    /** A customer gateway as connection views show it: empty for one that is gone. */
    record Peer(String ipAddress, long asn, String authKey) {
        static final Peer NONE = new Peer("", 0, "");
    }

    Surroundings {
        peers = Map.copyOf(peers);
    }

    /** The customer gateway of that id, {@link Peer#NONE} for none (an empty id) or one that is gone. */
    Peer peer(String customerGatewayId) {
        return peers.getOrDefault(customerGatewayId, Peer.NONE);
    }

    /** As a key that hides secrets sees them: customer gateways' BGP authentication keys empty. */
    Surroundings withoutSecrets() {
        var blank = new HashMap<String, Peer>();
        peers.forEach((id, p) -> blank.put(id, new Peer(p.ipAddress(), p.asn(), "")));
        return new Surroundings(gatewayAddress, networkType, zone, blank);
    }

    /** The zone of every gateway of the region Alibaba calls {@code regionId}. */
    static String zoneOf(String regionId) {
        return regionId + "-a";
    }

    /** Each connection's surroundings, by connection id; the connections are all of {@code scope}. */
    static Map<String, Surroundings> of(RpcContext ctx, Scope scope, List<VpnConnection> connections) {
        var out = new HashMap<String, Surroundings>();
        if (connections.isEmpty()) {
            return out;
        }
        var gatewayIds = new HashSet<String>();
        var peerIds = new HashSet<String>();
        for (VpnConnection c : connections) {
            gatewayIds.add(c.gatewayId());
            peerIds.addAll(peerIds(c));
        }
        var gateways = new HashMap<String, VpnGateway>();
        ctx.services().gateways().list(scope, new GatewayStore.Filter(gatewayIds, Set.of(), Set.of(), Set.of(),
                Set.of(), Set.of(), Set.of(), List.of()), new PageRequest(0, BATCH)).items()
                .forEach(g -> gateways.put(g.id(), g));
        var peers = new HashMap<String, Peer>();
        if (!peerIds.isEmpty()) {
            ctx.services().customerGateways().list(scope, new CustomerGatewayStore.Filter(peerIds, Set.of(),
                    Set.of(), Set.of(), List.of()), new PageRequest(0, BATCH)).items()
                    .forEach((CustomerGateway g) -> peers.put(g.id(), new Peer(g.ipAddress(), g.asn(), g.authKey())));
        }
        String zone = zoneOf(ctx.regionId(scope));
        for (VpnConnection c : connections) {
            VpnGateway g = gateways.get(c.gatewayId());
            var own = new HashMap<String, Peer>();
            for (String id : peerIds(c)) {
                Peer p = peers.get(id);
                if (p != null) {
                    own.put(id, p);
                }
            }
            // A gateway is deleted only without connections: one missing here went with them since the list.
            out.put(c.id(), new Surroundings(g == null ? "" : g.internetIp(),
                    g == null ? "" : AliyunSpelling.NETWORK_TYPE.spell(g.networkType()), zone, own));
        }
        return out;
    }

    private static Set<String> peerIds(VpnConnection c) {
        var ids = new HashSet<String>();
        if (!c.customerGatewayId().isEmpty()) {
            ids.add(c.customerGatewayId());
        }
        for (Tunnel t : c.tunnels()) {
            if (!t.customerGatewayId().isEmpty()) {
                ids.add(t.customerGatewayId());
            }
        }
        return ids;
    }
}
