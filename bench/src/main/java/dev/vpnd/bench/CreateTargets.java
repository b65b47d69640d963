package dev.vpnd.bench;

import dev.vpnd.core.model.ChargeType;
import dev.vpnd.core.model.CustomerGateway;
import dev.vpnd.core.model.Lifecycle;
import dev.vpnd.core.model.NetworkType;
import dev.vpnd.core.model.QuotaKind;
import dev.vpnd.core.model.ResourceState;
import dev.vpnd.core.model.Scope;
import dev.vpnd.core.model.Vpc;
import dev.vpnd.core.model.VpnGateway;
import dev.vpnd.core.model.VpnType;
import dev.vpnd.core.port.CustomerGatewayStore;
import dev.vpnd.core.port.GatewayStore;
import dev.vpnd.core.port.PageRequest;
import dev.vpnd.core.problem.ResourceType;
import dev.vpnd.core.service.AccountService;
import dev.vpnd.server.RegionFile;
import dev.vpnd.server.dialect.aliyun.AliyunIds;
import dev.vpnd.store.JdbcStorage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the creates scenario creates connections between, written through the store before the
 * server starts (as {@link Seeder} writes the seed): in a region of its own ({@value #REGION}, so
 * the seed's counts that the other scenarios check stay as they are), {@value #GATEWAYS} VPN
 * gateways made once, and fresh customer gateways each run, since vpnd allows one connection per
 * gateway and customer gateway. The demo account's connection quota (per gateway) is raised to
 * the most an operator may set, as {@code vpnd quota set} would.
 *
 * @param gatewayIds the gateways' Alibaba ids
 * @param customerGatewayIds this run's customer gateways' Alibaba ids
 */
record CreateTargets(List<String> gatewayIds, List<String> customerGatewayIds) {
    static final String REGION = "cn-shanghai";
    static final int GATEWAYS = 1000;
    /** 198.18.0.0/15, set aside for benchmarks (RFC 2544): one address per customer gateway of the region. */
    private static final int ADDRESSES = 1 << 17;

    CreateTargets {
        gatewayIds = List.copyOf(gatewayIds);
        customerGatewayIds = List.copyOf(customerGatewayIds);
    }

    /** How many creates the targets allow: one per (gateway, customer gateway) pair. */
    long pairs() {
        return (long) gatewayIds.size() * customerGatewayIds.size();
    }

    /** The gateway and customer gateway of the {@code k}th create, {@code k < pairs()}. */
    String gatewayOf(long k) {
        return gatewayIds.get((int) (k % gatewayIds.size()));
    }

    String customerGatewayOf(long k) {
        return customerGatewayIds.get((int) (k / gatewayIds.size()));
    }

    /** Makes the gateways when the region has none, and room for at least {@code creates} creates. */
    static CreateTargets prepare(Path dir, String database, long creates) {
        String regionId = RegionFile.defaults().in(RegionFile.ALIYUN).id(REGION).orElseThrow();
        try (var storage = database == null ? JdbcStorage.sqlite(dir.resolve(Seeder.DATABASE))
                : JdbcStorage.postgres(database)) {
            return storage.write(s -> {
                String accountId = s.accounts().findByName(AccountService.DEMO_ACCOUNT).orElseThrow().id();
                var scope = new Scope(accountId, regionId);
                s.quotas().put(accountId, QuotaKind.VPN_CONNECTION, QuotaKind.MAX_LIMIT);
                Instant now = Instant.now();
                var lifecycle = new Lifecycle(ResourceState.PROVISIONING, now);
                var gateways = new ArrayList<String>();
                s.gateways().list(scope, GatewayStore.Filter.any(), new PageRequest(0, GATEWAYS))
                        .items().forEach(g -> gateways.add(g.id()));
                if (gateways.isEmpty()) {
                    var vpc = new Vpc(newId(), s.vpcs().nextSerial(), scope, "bench-create-vpc", "", "10.0.0.0/8",
                            false, List.of(), "", lifecycle, now, List.of(), 1);
                    s.vpcs().insert(vpc, "");
                    for (int g = 0; g < GATEWAYS; g++) {
                        String ip = "100." + (64 + (g >>> 16 & 0x3f)) + "." + (g >>> 8 & 0xff) + "." + (g & 0xff);
                        var gateway = new VpnGateway(newId(), s.gateways().nextSerial(), scope, vpc.id(), "",
                                "bench-create-gw-" + g, "", 10, NetworkType.PUBLIC, VpnType.INTERNATIONAL, true,
                                false, 5, ChargeType.POSTPAID, ip, "", 0, lifecycle, now, List.of(), 1);
                        s.gateways().insert(gateway, "");
                        gateways.add(gateway.id());
                    }
                }
                long used = s.customerGateways().list(scope, CustomerGatewayStore.Filter.any(),
                        new PageRequest(0, 0)).total();
                int wanted = (int) Math.min(ADDRESSES, (creates + gateways.size() - 1) / gateways.size());
                if (used + wanted > ADDRESSES) {
                    throw new IllegalStateException("the creates scenario has used the addresses of " + REGION
                            + " in this seed; seed afresh (an empty --data directory or database)");
                }
                var customerGateways = new ArrayList<String>(wanted);
                for (long c = used; c < used + wanted; c++) {
                    String ip = "198." + (18 + (c >>> 16 & 1)) + "." + (c >>> 8 & 0xff) + "." + (c & 0xff);
                    var cgw = new CustomerGateway(newId(), s.customerGateways().nextSerial(), scope,
                            "bench-create-cgw-" + c, "", ip, 65000, "", now, List.of(), 1);
                    s.customerGateways().insert(cgw, "");
                    customerGateways.add(cgw.id());
                }
                return new CreateTargets(
                        gateways.stream().map(id -> AliyunIds.encode(ResourceType.VPN_GATEWAY, id)).toList(),
                        customerGateways.stream().map(id -> AliyunIds.encode(ResourceType.CUSTOMER_GATEWAY, id))
                                .toList());
            });
        }
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
