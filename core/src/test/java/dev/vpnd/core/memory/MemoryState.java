package dev.vpnd.core.memory;

import dev.vpnd.core.model.AccessKey;
import dev.vpnd.core.model.Account;
import dev.vpnd.core.model.CustomerGateway;
import dev.vpnd.core.model.QuotaKind;
import dev.vpnd.core.model.Scope;
import dev.vpnd.core.model.Tag;
import dev.vpnd.core.model.TokenGrant;
import dev.vpnd.core.model.User;
import dev.vpnd.core.model.Vpc;
import dev.vpnd.core.model.VpnConnection;
import dev.vpnd.core.model.VpnGateway;
import dev.vpnd.core.port.TagFilter;
import dev.vpnd.core.problem.ResourceType;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything {@link MemoryStorage} holds. A state is either a transaction's draft, which its stores
 * change, or committed, which nothing changes any more: a write to it fails, as a write in a read
 * transaction does.
 */
final class MemoryState {
    /** The tags of one resource, kept with the scope the store files them under. */
    record TagOwner(ResourceType type, String resourceId) {
    }

    record TagSet(Scope scope, Map<String, String> byKey) {
        TagSet {
            byKey = Map.copyOf(byKey);
        }
    }

    record QuotaKey(String accountId, QuotaKind kind) {
    }

    record NonceKey(String keyId, String nonce) {
    }

    final MemoryTable<Vpc> vpcs;
    final MemoryTable<VpnGateway> gateways;
    final MemoryTable<CustomerGateway> customerGateways;
    final MemoryTable<VpnConnection> connections;
    final Map<TagOwner, TagSet> tags;
    /** In insertion order, which keys and users are listed in where the store lists them by creation. */
    final Map<String, Account> accounts;
    final Map<String, AccessKey> keys;
    final Map<String, User> users;
    final Map<String, TokenGrant> tokens;
    final Map<QuotaKey, Long> quotas;
    final Map<NonceKey, Instant> nonces;
    final MemoryDataPlane dataPlane;
    private boolean committed;

    MemoryState() {
        this(new MemoryTable<>(Shapes.VPC), new MemoryTable<>(Shapes.GATEWAY),
                new MemoryTable<>(Shapes.CUSTOMER_GATEWAY), new MemoryTable<>(Shapes.CONNECTION), new HashMap<>(),
                new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>(), new HashMap<>(), new HashMap<>(),
                new HashMap<>(), new MemoryDataPlane());
    }

    private MemoryState(MemoryTable<Vpc> vpcs, MemoryTable<VpnGateway> gateways,
            MemoryTable<CustomerGateway> customerGateways, MemoryTable<VpnConnection> connections,
            Map<TagOwner, TagSet> tags, Map<String, Account> accounts, Map<String, AccessKey> keys,
            Map<String, User> users, Map<String, TokenGrant> tokens, Map<QuotaKey, Long> quotas,
            Map<NonceKey, Instant> nonces, MemoryDataPlane dataPlane) {
        this.vpcs = vpcs;
        this.gateways = gateways;
        this.customerGateways = customerGateways;
        this.connections = connections;
        this.tags = tags;
        this.accounts = accounts;
        this.keys = keys;
        this.users = users;
        this.tokens = tokens;
        this.quotas = quotas;
        this.nonces = nonces;
        this.dataPlane = dataPlane;
    }

    /** A draft for the next transaction, holding what this state holds. */
    MemoryState copy() {
        return new MemoryState(vpcs.copy(), gateways.copy(), customerGateways.copy(), connections.copy(),
                new HashMap<>(tags), new LinkedHashMap<>(accounts), new LinkedHashMap<>(keys),
                new LinkedHashMap<>(users), new HashMap<>(tokens), new HashMap<>(quotas), new HashMap<>(nonces),
                dataPlane.copy());
    }

    MemoryState committed() {
        committed = true;
        return this;
    }

    /** Called by every store method that changes something. */
    void checkWritable() {
        if (committed) {
            throw new IllegalStateException("a read transaction may not write");
        }
    }

    /** The resource's tags, sorted by key as the store returns them. */
    List<Tag> tagsOf(ResourceType type, String resourceId) {
        var set = tags.get(new TagOwner(type, resourceId));
        return set == null ? List.of()
                : set.byKey().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(e -> new Tag(e.getKey(), e.getValue())).toList();
    }

    /** Whether the resource carries every tag of {@code filters} (a null value: any value of the key). */
    boolean tagged(ResourceType type, String resourceId, List<TagFilter> filters) {
        var set = tags.get(new TagOwner(type, resourceId));
        var byKey = set == null ? Map.<String, String>of() : set.byKey();
        return filters.stream().allMatch(f -> byKey.containsKey(f.key())
                && (f.value() == null || f.value().equals(byKey.get(f.key()))));
    }

    /** The table of a resource type that carries tags. */
    MemoryTable<?> table(ResourceType type) {
        return switch (type) {
            case VPC -> vpcs;
            case VPN_GATEWAY -> gateways;
            case CUSTOMER_GATEWAY -> customerGateways;
            case VPN_CONNECTION -> connections;
            case ACCOUNT, TAG, OPENSTACK -> throw new IllegalArgumentException(type + " carries no tags");
        };
    }

    void requireAccount(String accountId) {
        if (!accounts.containsKey(accountId)) {
            throw new IllegalStateException("no account " + accountId);
        }
    }
}
