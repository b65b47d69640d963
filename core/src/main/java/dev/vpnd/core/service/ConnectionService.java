package dev.vpnd.core.service;

import dev.vpnd.core.model.IkeConfig;
import dev.vpnd.core.model.Lifecycle;
import dev.vpnd.core.model.NegotiationStatus;
import dev.vpnd.core.model.QuotaKind;
import dev.vpnd.core.model.Scope;
import dev.vpnd.core.model.Secret;
import dev.vpnd.core.model.Tunnel;
import dev.vpnd.core.model.TunnelRole;
import dev.vpnd.core.model.VpnConnection;
import dev.vpnd.core.model.VpnGateway;
import dev.vpnd.core.port.ConnectionStore;
import dev.vpnd.core.port.Page;
import dev.vpnd.core.port.PageRequest;
import dev.vpnd.core.port.Storage;
import dev.vpnd.core.port.Stores;
import dev.vpnd.core.problem.Field;
import dev.vpnd.core.problem.Problem;
import dev.vpnd.core.problem.ProblemException;
import dev.vpnd.core.problem.ResourceType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * IPsec connections: validate the references, persist, and leave the connection provisioning
 * until its lifecycle delay has passed. Every write is one transaction.
 */
public final class ConnectionService {
    private final Storage storage;
    private final ServiceSettings settings;

    public ConnectionService(Storage storage, ServiceSettings settings) {
        this.storage = storage;
        this.settings = settings;
    }

    public VpnConnection create(Scope scope, String clientToken, ConnectionDraft draft) {
        checkShape(draft);
        FreeText.checkTags(draft.tags());
        Tags.merge(List.of(), draft.tags(), ResourceType.VPN_CONNECTION);
        return storage.write(s -> {
            Quotas.lock(s, scope.accountId(), QuotaKind.VPN_CONNECTION, draft.gatewayId());
            Optional<VpnConnection> existing = clientToken.isEmpty() ? Optional.empty()
                    : s.connections().findByClientToken(scope, clientToken);
            if (existing.isPresent()) {
                return existing.get();
            }
            var gateway = checkReferences(s, scope, draft);
            if (!draft.customerGatewayId().isEmpty()) {
                var sameFilter = new ConnectionStore.Filter(Set.of(), Set.of(), Set.of(draft.gatewayId()),
                        Set.of(draft.customerGatewayId()), Set.of(), Set.of(), "", List.of());
                if (s.connections().list(scope, sameFilter, new PageRequest(0, 0)).total() > 0) {
                    throw new ProblemException(new Problem.AlreadyExists(ResourceType.VPN_CONNECTION,
                            Field.CONNECTION_CUSTOMER_GATEWAY, draft.customerGatewayId()));
                }
            }
            Quotas.checkRoom(s, scope.accountId(), QuotaKind.VPN_CONNECTION, draft.gatewayId(),
                    () -> s.connections().countOnGateway(scope, draft.gatewayId()));
            Instant now = settings.clock().instant();
            var connection = build(Identifiers.newId(), s.connections().nextSerial(), scope, gateway.vpcId(), draft,
                    now, Lifecycle.provisioning(now, settings.provisioningDelay()), 1);
            s.connections().insert(connection, clientToken);
            s.tags().put(scope, ResourceType.VPN_CONNECTION, connection.id(), connection.tags());
            PlanRevisions.changed(s, connection.gatewayId(), connection.id());
            return connection;
        });
    }

    public VpnConnection get(Scope scope, String id) {
        return storage.read(s -> s.connections().find(scope, id)).orElseThrow(() -> notFound(id));
    }

    /** The resource with this serial; the NotFound problem names the serial. */
    public VpnConnection getBySerial(Scope scope, long serial) {
        return storage.read(s -> s.connections().findBySerial(scope, serial))
                .orElseThrow(() -> notFound(String.valueOf(serial)));
    }

    public Page<VpnConnection> list(Scope scope, ConnectionStore.Filter filter, PageRequest page) {
        return storage.read(s -> s.connections().list(scope, filter, page));
    }

    /**
     * Applies {@code change} to the stored connection, once it is active ({@link Busy}); the connection
     * is updating until the delay passes. Its negotiation status and its tunnels' stay what the data
     * plane last reported: the change reaches the tunnels, and their new state the record, through the
     * agent, when it changes what the tunnels are ({@link PlanRevisions#changedIfDifferent}).
     */
    public VpnConnection modify(Scope scope, String id, UnaryOperator<ConnectionDraft> change) {
        return storage.write(s -> {
            var current = s.connections().find(scope, id).orElseThrow(() -> notFound(id));
            Instant now = settings.clock().instant();
            Busy.refuse(ResourceType.VPN_CONNECTION, id, current.lifecycle(), now,
                    Problem.WrongState.Change.MODIFY);
            var draft = change.apply(ConnectionDraft.of(current));
            if (!draft.gatewayId().equals(current.gatewayId())) {
                // No cloud moves a connection; the store's kept totals rely on it (ConnectionCounts).
                throw new ProblemException(new Problem.InvalidValue(Field.CONNECTION_GATEWAY, draft.gatewayId(),
                        "a connection stays on the gateway it was created on"));
            }
            checkShape(draft);
            var gateway = checkReferences(s, scope, draft);
            var before = PlanBuilder.tunnelsOf(s, gateway, current);
            var updated = keptStatus(build(id, current.serial(), scope, gateway.vpcId(), draft, current.createdAt(),
                    Lifecycle.updating(now, settings.provisioningDelay()), current.revision() + 1), current);
            if (!s.connections().update(updated, current.revision())) {
                throw new ProblemException(new Problem.ConcurrentChange(ResourceType.VPN_CONNECTION, id));
            }
            PlanRevisions.changedIfDifferent(s, gateway, updated, before);
            return updated;
        });
    }

    /** Deletes the connection, once it is active ({@link Busy}). */
    public void delete(Scope scope, String id) {
        storage.write(s -> {
            var current = s.connections().find(scope, id).orElseThrow(() -> notFound(id));
            Busy.refuse(ResourceType.VPN_CONNECTION, id, current.lifecycle(), settings.clock().instant(),
                    Problem.WrongState.Change.DELETE);
            s.tags().removeAll(ResourceType.VPN_CONNECTION, id);
            boolean deleted = s.connections().delete(scope, id);
            PlanRevisions.changed(s, current.gatewayId());
            return deleted;
        });
    }

    /** {@code updated} with the negotiation status of {@code current} and of its tunnels of the same index. */
    private static VpnConnection keptStatus(VpnConnection updated, VpnConnection current) {
        var tunnelStatuses = current.tunnels().stream()
                .collect(Collectors.toMap(Tunnel::index, Tunnel::status, (a, b) -> a));
        return updated.withStatus(current.status(), tunnelStatuses);
    }

    private static void checkShape(ConnectionDraft draft) {
        FreeText.check(Field.CONNECTION_NAME, draft.name());
        FreeText.checkIke(0, draft.ike());
        for (Tunnel t : draft.tunnels()) {
            FreeText.checkIke(t.index(), t.ike());
        }
        if (draft.tunnels().isEmpty()) {
            if (draft.customerGatewayId().isEmpty()) {
                throw new ProblemException(new Problem.MissingValue(Field.CONNECTION_CUSTOMER_GATEWAY));
            }
            return;
        }
        if (draft.tunnels().size() != 2) {
            throw new ProblemException(new Problem.InvalidValue(Field.TUNNELS,
                    String.valueOf(draft.tunnels().size()), "a dual-tunnel connection has exactly two tunnels"));
        }
        Set<TunnelRole> roles = draft.tunnels().stream().map(Tunnel::role).collect(Collectors.toSet());
        if (roles.size() != 2) {
            throw new ProblemException(new Problem.InvalidValue(Field.TUNNEL_ROLE,
                    roles.toString(), "one tunnel is master and the other slave"));
        }
        for (Tunnel t : draft.tunnels()) {
            if (t.customerGatewayId().isEmpty()) {
                throw new ProblemException(
                        new Problem.MissingValue(Field.CONNECTION_CUSTOMER_GATEWAY, t.index()));
            }
        }
    }

    /** The connection's gateway, once it and every customer gateway the draft names are known to exist. */
    private static VpnGateway checkReferences(Stores s, Scope scope, ConnectionDraft draft) {
        var gateway = s.gateways().find(scope, draft.gatewayId()).orElseThrow(
                () -> new ProblemException(new Problem.NotFound(ResourceType.VPN_GATEWAY, draft.gatewayId())));
        var customerGateways = new ArrayList<String>();
        if (!draft.customerGatewayId().isEmpty()) {
            customerGateways.add(draft.customerGatewayId());
        }
        draft.tunnels().forEach(t -> customerGateways.add(t.customerGatewayId()));
        for (String id : customerGateways) {
            if (s.customerGateways().find(scope, id).isEmpty()) {
                throw new ProblemException(new Problem.NotFound(ResourceType.CUSTOMER_GATEWAY, id));
            }
        }
        return gateway;
    }

    private static VpnConnection build(String id, long serial, Scope scope, String vpcId, ConnectionDraft d,
            Instant createdAt, Lifecycle lifecycle, long revision) {
        var tunnels = d.tunnels().stream()
                .map(t -> new Tunnel(t.id().isEmpty() ? Identifiers.newId() : t.id(), t.index(), t.role(),
                        t.customerGatewayId(), t.enableDpd(), t.enableNatTraversal(), t.remoteCaCertificate(),
                        withPsk(t.ike()), t.ipsec(), t.bgp(), t.internetIp(), t.zone(),
                        NegotiationStatus.IKE_SA_NOT_ESTABLISHED))
                .toList();
        return new VpnConnection(id, serial, scope, vpcId, d.gatewayId(), d.customerGatewayId(), d.name(),
                d.securityPolicies(), d.initiation(), d.enableDpd(), d.dpdTimeoutSeconds(), d.dpdAction(),
                d.enableNatTraversal(), d.autoConfigRoute(), d.routeType(), withPsk(d.ike()), d.ipsec(), d.bgp(),
                d.healthCheck(), d.remoteCaCertificate(), d.enableTunnelsBgp(), tunnels,
                NegotiationStatus.IKE_SA_NOT_ESTABLISHED, lifecycle, createdAt, d.tags(), revision);
    }

    private static IkeConfig withPsk(IkeConfig ike) {
        if (ike.psk() != null) {
            return ike;
        }
        return ike.withPsk(new Secret(Identifiers.newPsk()));
    }

    private static ProblemException notFound(String id) {
        return new ProblemException(new Problem.NotFound(ResourceType.VPN_CONNECTION, id));
    }
}
