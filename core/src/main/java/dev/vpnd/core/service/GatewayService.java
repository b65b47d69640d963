package dev.vpnd.core.service;

import dev.vpnd.core.model.Lifecycle;
import dev.vpnd.core.model.QuotaKind;
import dev.vpnd.core.model.Scope;
import dev.vpnd.core.model.VpnGateway;
import dev.vpnd.core.port.GatewayStore;
import dev.vpnd.core.port.Page;
import dev.vpnd.core.port.PageRequest;
import dev.vpnd.core.port.Storage;
import dev.vpnd.core.problem.Field;
import dev.vpnd.core.problem.Problem;
import dev.vpnd.core.problem.ProblemException;
import dev.vpnd.core.problem.ResourceType;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

public final class GatewayService {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Storage storage;
    private final ServiceSettings settings;

    public GatewayService(Storage storage, ServiceSettings settings) {
        this.storage = storage;
        this.settings = settings;
    }

    public VpnGateway create(Scope scope, String clientToken, GatewayDraft draft) {
        checkText(draft);
        FreeText.checkTags(draft.tags());
        Tags.merge(List.of(), draft.tags(), ResourceType.VPN_GATEWAY);
        return storage.write(s -> {
            Quotas.lock(s, scope.accountId(), QuotaKind.VPN_GATEWAY, scope.region());
            Optional<VpnGateway> existing = clientToken.isEmpty() ? Optional.empty()
                    : s.gateways().findByClientToken(scope, clientToken);
            if (existing.isPresent()) {
                return existing.get();
            }
            if (s.vpcs().find(scope, draft.vpcId()).isEmpty()) {
                throw new ProblemException(new Problem.NotFound(ResourceType.VPC, draft.vpcId()));
            }
            Quotas.checkRoom(s, scope.accountId(), QuotaKind.VPN_GATEWAY, scope.region(),
                    () -> s.gateways().list(scope, GatewayStore.Filter.any(), new PageRequest(0, 0)).total());
            var now = settings.clock().instant();
            var gateway = new VpnGateway(Identifiers.newId(), s.gateways().nextSerial(), scope, draft.vpcId(),
                    draft.vswitchId(), draft.name(), draft.description(), draft.bandwidthMbps(), draft.networkType(),
                    draft.vpnType(), draft.enableIpsec(), draft.enableSsl(), draft.sslConnections(),
                    draft.chargeType(), newInternetIp(), draft.zone(), draft.asn(),
                    Lifecycle.provisioning(now, settings.provisioningDelay()), now, draft.tags(), 1);
            s.gateways().insert(gateway, clientToken);
            s.tags().put(scope, ResourceType.VPN_GATEWAY, gateway.id(), gateway.tags());
            return gateway;
        });
    }

    public VpnGateway get(Scope scope, String id) {
        return storage.read(s -> s.gateways().find(scope, id)).orElseThrow(() -> notFound(id));
    }

    /** The resource with this serial; the NotFound problem names the serial. */
    public VpnGateway getBySerial(Scope scope, long serial) {
        return storage.read(s -> s.gateways().findBySerial(scope, serial))
                .orElseThrow(() -> notFound(String.valueOf(serial)));
    }

    public Page<VpnGateway> list(Scope scope, GatewayStore.Filter filter, PageRequest page) {
        return storage.read(s -> s.gateways().list(scope, filter, page));
    }

    /**
     * Applies {@code change} to the stored gateway's attributes (its VPC stays), once it is active
     * ({@link Busy}). Not asynchronous: the gateway keeps its lifecycle.
     */
    public VpnGateway modify(Scope scope, String id, UnaryOperator<GatewayDraft> change) {
        return storage.write(s -> {
            var current = s.gateways().find(scope, id).orElseThrow(() -> notFound(id));
            Busy.refuse(ResourceType.VPN_GATEWAY, id, current.lifecycle(), settings.clock().instant(),
                    Problem.WrongState.Change.MODIFY);
            var d = change.apply(GatewayDraft.of(current));
            checkText(d);
            var updated = new VpnGateway(id, current.serial(), scope, current.vpcId(), d.vswitchId(), d.name(),
                    d.description(), d.bandwidthMbps(), d.networkType(), d.vpnType(), d.enableIpsec(), d.enableSsl(),
                    d.sslConnections(), d.chargeType(), current.internetIp(), d.zone(), d.asn(), current.lifecycle(),
                    current.createdAt(), current.tags(), current.revision() + 1);
            if (!s.gateways().update(updated, current.revision())) {
                throw new ProblemException(new Problem.ConcurrentChange(ResourceType.VPN_GATEWAY, id));
            }
            return updated;
        });
    }

    private static void checkText(GatewayDraft draft) {
        FreeText.check(Field.GATEWAY_NAME, draft.name());
        FreeText.check(Field.GATEWAY_DESCRIPTION, draft.description());
        FreeText.check(Field.GATEWAY_VSWITCH, draft.vswitchId());
        FreeText.check(Field.GATEWAY_ZONE, draft.zone());
    }

    /** Deletes the gateway, once it is active ({@link Busy}) and no connection uses it. */
    public void delete(Scope scope, String id) {
        storage.write(s -> {
            var current = s.gateways().find(scope, id).orElseThrow(() -> notFound(id));
            Busy.refuse(ResourceType.VPN_GATEWAY, id, current.lifecycle(), settings.clock().instant(),
                    Problem.WrongState.Change.DELETE);
            if (s.connections().countOnGateway(scope, id) > 0) {
                throw new ProblemException(
                        new Problem.InUse(ResourceType.VPN_GATEWAY, id, ResourceType.VPN_CONNECTION));
            }
            s.tags().removeAll(ResourceType.VPN_GATEWAY, id);
            return s.gateways().delete(scope, id);
        });
    }

    private static ProblemException notFound(String id) {
        return new ProblemException(new Problem.NotFound(ResourceType.VPN_GATEWAY, id));
    }

    /**
     * vpnd owns no public addresses, so gateways get one from the shared address space
     * 100.64.0.0/10 (RFC 6598), which never collides with a real public peer.
     */
    private static String newInternetIp() {
        int host = RANDOM.nextInt(1 << 22);
        return "100." + (64 + (host >>> 16)) + "." + ((host >>> 8) & 0xff) + "." + Math.max(1, host & 0xff);
    }
}
