package dev.vpnd.core.service;

import dev.vpnd.core.model.AccessPolicy;
import dev.vpnd.core.model.Scope;
import dev.vpnd.core.port.Storage;
import dev.vpnd.core.port.Stores;
import dev.vpnd.core.problem.ResourceType;
import java.util.List;
import java.util.Optional;

/**
 * Whether an {@link AccessPolicy} allows a call, the one rule every dialect applies before it runs
 * a call (docs/security.md, "Key policies"): the call's action matches a pattern, the region it
 * names is allowed, and, when the policy limits resources, the call names at least one VPN gateway
 * or connection and each of them is listed or belongs to a listed gateway. A named resource that
 * does not exist, or that is in another account or region, lies within no policy, so a limited key
 * learns nothing of resources outside its reach.
 */
public final class Permissions {
    private final Storage storage;

    public Permissions(Storage storage) {
        this.storage = storage;
    }

    /** A resource a call names, as its dialect read it. */
    public sealed interface Target {
        /** A VPN gateway or connection by its canonical id. */
        record ById(ResourceType type, String id) implements Target {
        }

        /** A VPN gateway or connection by its serial (the id form of dialects whose ids encode it). */
        record BySerial(ResourceType type, long serial) implements Target {
        }

        /** Any other resource, or an id in no form the dialect knows: within no resource limit. */
        record Other() implements Target {
        }
    }

    /** What a call asks of a policy: the action's name, the region's id (null for none), what it names. */
    public record Call(String accountId, String action, String regionId, List<Target> targets) {
        public Call {
            targets = List.copyOf(targets);
        }
    }

    /** Whether {@code policy} allows {@code call}. */
    public boolean permits(AccessPolicy policy, Call call) {
        if (!policy.allowsAction(call.action())) {
            return false;
        }
        if (!policy.regions().isEmpty() && (call.regionId() == null || !policy.allowsRegion(call.regionId()))) {
            return false;
        }
        if (!policy.limitsResources()) {
            return true;
        }
        if (call.targets().isEmpty() || call.regionId() == null) {
            return false;
        }
        var scope = new Scope(call.accountId(), call.regionId());
        return storage.read(s -> call.targets().stream()
                .allMatch(t -> gatewayOf(s, scope, t).filter(g -> policy.resources().contains(g.gatewayId())
                        || policy.resources().contains(g.id())).isPresent()));
    }

    /** The resource a target names and the gateway it belongs to (a gateway's own id). */
    private record Located(String id, String gatewayId) {
    }

    private static Optional<Located> gatewayOf(Stores s, Scope scope, Target target) {
        return switch (target) {
            case Target.ById(ResourceType type, String id) when type == ResourceType.VPN_GATEWAY ->
                    s.gateways().find(scope, id).map(g -> new Located(g.id(), g.id()));
            case Target.ById(ResourceType type, String id) when type == ResourceType.VPN_CONNECTION ->
                    s.connections().find(scope, id).map(c -> new Located(c.id(), c.gatewayId()));
            case Target.BySerial(ResourceType type, long serial) when type == ResourceType.VPN_GATEWAY ->
                    s.gateways().findBySerial(scope, serial).map(g -> new Located(g.id(), g.id()));
            case Target.BySerial(ResourceType type, long serial) when type == ResourceType.VPN_CONNECTION ->
                    s.connections().findBySerial(scope, serial).map(c -> new Located(c.id(), c.gatewayId()));
            case Target.ById ignored -> Optional.empty();
            case Target.BySerial ignored -> Optional.empty();
            case Target.Other ignored -> Optional.empty();
        };
    }
}
