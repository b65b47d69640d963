package dev.vpnd.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpnd.core.problem.ResourceType;
import dev.vpnd.server.dialect.aliyun.AliyunIds;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every scenario of {@code ./vpnd bench}, by the name {@code --scenario} takes, each a list or a
 * read as its client sends it (docs/benchmarks.md): the Alibaba ones signed with signature v1 as
 * the old core SDK signs, Tencent API 3.0 with TC3 as the Java SDK signs, the legacy v2 API as the
 * Node client signs, Neutron with a Keystone token as the openstack CLI holds it.
 */
final class Scenarios {
    /** The key of the open-loop run: the first page at a fixed rate, after the first page's maximum. */
    static final String OPEN_LOOP = "open-loop";
    static final String FIRST_PAGE = "first-page";
    /** The key of the creates run ({@link Creates}), which writes; never run unless named. */
    static final String CREATES = "creates";

    private final Seeder.Seed seed;
    private final Map<String, URI> listeners;
    private final V1Signer aliyun;
    private final TencentCalls tencent;
    private final NeutronCalls neutron;
    private final List<String> tencentGatewayIds;
    private final List<Long> gatewaySerials;

    /**
     * @param listeners the server's listeners by name (aliyun, tencent, neutron)
     * @param tencentGatewayIds the seeded gateways' API 3.0 ids, as DescribeVpnGateways lists them
     * @param gatewaySerials their numbers, the legacy API's ids
     */
    Scenarios(Seeder.Seed seed, Map<String, URI> listeners, V1Signer aliyun, TencentCalls tencent,
            NeutronCalls neutron, List<String> tencentGatewayIds, List<Long> gatewaySerials) {
        this.seed = seed;
        this.listeners = Map.copyOf(listeners);
        this.aliyun = aliyun;
        this.tencent = tencent;
        this.neutron = neutron;
        this.tencentGatewayIds = List.copyOf(tencentGatewayIds);
        this.gatewaySerials = List.copyOf(gatewaySerials);
    }

    /** The API 3.0 ids of every seeded gateway, from DescribeVpnGateways pages of 100 (TC3). */
    static List<String> tencentGatewayIds(LoadGenerator client, URI endpoint, TencentCalls calls, int gateways)
            throws Exception {
        var ids = new ArrayList<String>(gateways);
        var json = new ObjectMapper();
        for (int offset = 0; offset < gateways; offset += 100) {
            var response = client.send(endpoint, calls.api3("DescribeVpnGateways", TencentCalls.gatewaysPage(offset,
                    100), System.currentTimeMillis() / 1000));
            JsonNode answer = json.readTree(response.getContent()).path("Response");
            if (response.getStatus() != 200 || answer.has("Error")) {
                throw new IllegalStateException("Tencent DescribeVpnGateways: HTTP " + response.getStatus() + ": "
                        + response.getContentAsString());
            }
            answer.path("VpnGatewaySet").forEach(g -> ids.add(g.path("VpnGatewayId").asText()));
        }
        if (ids.size() != gateways) {
            throw new IllegalStateException("Tencent DescribeVpnGateways listed " + ids.size() + " gateways, not "
                    + gateways + ": is the seed's region paired with " + TencentCalls.REGION + "?");
        }
        return ids;
    }

    /** Every scenario, in the order a run without {@code --scenario} takes them. */
    Map<String, Planned> all() {
        int n = seed.sizes().connections();
        int g = seed.sizes().gateways();
        long perGatewayLow = (long) n / g;
        long perGatewayHigh = ((long) n + g - 1) / g;
        int deepPage = Math.max(1, n / 50 - 1);
        long tagged = 0;
        long prod = 0;
        long withTeam = 0;
        for (int i = 0; i < n; i++) {
            var tags = Seeder.tagsOf(i);
            if (tags.get(0).value().equals("prod")) {
                prod++;
                if (tags.get(1).value().equals("t7")) {
                    tagged++;
                }
            }
            if (tags.stream().anyMatch(t -> t.key().equals("team"))) {
                withTeam++;
            }
        }
        String region = Seeder.REGION;
        String[] gatewayIds = seed.gatewayIds().stream()
                .map(id -> AliyunIds.encode(ResourceType.VPN_GATEWAY, id)).toArray(String[]::new);
        String[] connectionIds = seed.connectionIds().stream()
                .map(id -> AliyunIds.encode(ResourceType.VPN_CONNECTION, id)).toArray(String[]::new);
        URI ali = listeners.get("aliyun");
        URI tc = listeners.get("tencent");
        URI os = listeners.get("neutron");

        var all = new LinkedHashMap<String, Planned>();
        all.put(FIRST_PAGE, new Planned(FIRST_PAGE, Scenario.signedAsSent(
                "first page of one gateway (VpnGatewayId, PageSize=10)", "DescribeVpnConnections", ali,
                () -> aliyun.call("DescribeVpnConnections", Map.of("RegionId", region, "PageNumber", "1",
                        "PageSize", "10", "VpnGatewayId", pick(gatewayIds)))),
                aliyunList("VpnConnections", "VpnConnection", perGatewayLow, perGatewayHigh)));
        all.put("deep-page", new Planned("deep-page", Scenario.signedAsSent(
                "deep page of the region (PageSize=50, PageNumber=" + deepPage + ")", "DescribeVpnConnections", ali,
                () -> aliyun.call("DescribeVpnConnections", Map.of("RegionId", region,
                        "PageNumber", String.valueOf(deepPage), "PageSize", "50"))),
                aliyunList("VpnConnections", "VpnConnection", n, n)));
        long tags = tagged;
        all.put("two-tags", new Planned("two-tags", Scenario.signedAsSent(
                "two-tag filter (env=prod, team=t7, PageSize=10)", "DescribeVpnConnections", ali,
                () -> aliyun.call("DescribeVpnConnections", Map.of("RegionId", region, "PageNumber", "1",
                        "PageSize", "10", "Tag.1.Key", "env", "Tag.1.Value", "prod", "Tag.2.Key", "team",
                        "Tag.2.Value", "t7"))),
                aliyunList("VpnConnections", "VpnConnection", tags, tags)));
        long prodTotal = prod;
        all.put("one-tag", new Planned("one-tag", Scenario.signedAsSent(
                "one-tag filter over the region (env=prod, PageSize=10)", "DescribeVpnConnections", ali,
                () -> aliyun.call("DescribeVpnConnections", Map.of("RegionId", region, "PageNumber", "1",
                        "PageSize", "10", "Tag.1.Key", "env", "Tag.1.Value", "prod"))),
                aliyunList("VpnConnections", "VpnConnection", prodTotal, prodTotal)));
        long teamTotal = withTeam;
        all.put("tag-key", new Planned("tag-key", Scenario.signedAsSent(
                "tag key without a value over the region (team, PageSize=10)", "DescribeVpnConnections", ali,
                () -> aliyun.call("DescribeVpnConnections", Map.of("RegionId", region, "PageNumber", "1",
                        "PageSize", "10", "Tag.1.Key", "team"))),
                aliyunList("VpnConnections", "VpnConnection", teamTotal, teamTotal)));
        all.put("by-id", new Planned("by-id", Scenario.signedAsSent(
                "DescribeVpnConnection by id", "DescribeVpnConnection", ali,
                () -> aliyun.call("DescribeVpnConnection", Map.of("RegionId", region,
                        "VpnConnectionId", pick(connectionIds)))),
                (json, bytes) -> {
                    Planned.expect(json.path("VpnConnectionId").asText("").startsWith("vco-"), "a VpnConnectionId");
                    return String.format(Locale.ROOT, "probe %s, %,d bytes", json.path("VpnConnectionId").asText(),
                            bytes);
                }));
        all.put("gateways", new Planned("gateways", Scenario.signedAsSent(
                "DescribeVpnGateways, first page (PageSize=10)", "DescribeVpnGateways", ali,
                () -> aliyun.call("DescribeVpnGateways", Map.of("RegionId", region, "PageNumber", "1",
                        "PageSize", "10"))),
                aliyunList("VpnGateways", "VpnGateway", g, g)));
        all.put("tencent", new Planned("tencent", new Scenario(
                "Tencent API 3.0 DescribeVpnConnections (TC3, vpn-gateway-id, Limit 20)", "DescribeVpnConnections",
                tc, () -> tencent.api3("DescribeVpnConnections",
                        TencentCalls.connectionsOfGateway(pick(tencentGatewayIds)), System.currentTimeMillis() / 1000),
                this::tc3Batch),
                tencentList(perGatewayLow, perGatewayHigh)));
        var nonces = new AtomicInteger(ThreadLocalRandom.current().nextInt(65_536));
        all.put("tencent-legacy", new Planned("tencent-legacy", new Scenario(
                "Tencent legacy DescribeVpnConn (HmacSHA1, vpnGwId, limit 20)", "DescribeVpnConn", tc,
                () -> tencent.legacy("DescribeVpnConn", legacyData(pick(gatewaySerials)),
                        System.currentTimeMillis() / 1000, nonces.getAndIncrement() & 0xffff),
                this::legacyBatch),
                legacyList(perGatewayLow, perGatewayHigh)));
        all.put("neutron", new Planned("neutron", Scenario.signedAsSent(
                "Neutron GET ipsec-site-connections?limit=10 (token)", "ipsec_site_connections.GET", os,
                () -> neutron.get("/v2.0/vpn/ipsec-site-connections?limit=10")),
                (json, bytes) -> {
                    int items = json.path("ipsec_site_connections").size();
                    Planned.expect(items == Math.min(10, n), Math.min(10, n) + " site connections, got " + items);
                    return String.format(Locale.ROOT, "probe %d items, %,d bytes", items, bytes);
                }));
        all.put("neutron-by-id", new Planned("neutron-by-id", Scenario.signedAsSent(
                "Neutron GET ipsec-site-connections/{id} (token)", "ipsec_site_connection.GET", os,
                () -> neutron.get("/v2.0/vpn/ipsec-site-connections/" + pick(seed.connectionIds()))),
                (json, bytes) -> {
                    String id = json.path("ipsec_site_connection").path("id").asText("");
                    Planned.expect(seed.connectionIds().contains(id), "a seeded connection's id, got " + id);
                    return String.format(Locale.ROOT, "probe %s, %,d bytes", id, bytes);
                }));
        return all;
    }

    /**
     * TC3 signs the body and the timestamp only, and a signature may serve again only within 5 s of
     * its first acceptance: each (gateway, timestamp) pair once per batch ({@link UniqueStamps}).
     */
    private Scenario.Batch tc3Batch() {
        var ids = new ArrayList<>(tencentGatewayIds);
        Collections.shuffle(ids);
        var stamps = UniqueStamps.fromNow(ids.size());
        return new Scenario.Batch(k -> tencent.api3("DescribeVpnConnections",
                TencentCalls.connectionsOfGateway(ids.get(stamps.variant(k))), stamps.timestamp(k)),
                stamps.capacity());
    }

    /** The legacy Nonce has 16 bits: each (Nonce, timestamp) pair once per batch. */
    private Scenario.Batch legacyBatch() {
        var stamps = UniqueStamps.fromNow(65_536);
        return new Scenario.Batch(k -> tencent.legacy("DescribeVpnConn", legacyData(pick(gatewaySerials)),
                stamps.timestamp(k), stamps.variant(k)), stamps.capacity());
    }

    private static Map<String, String> legacyData(long gatewaySerial) {
        var data = new LinkedHashMap<String, String>();
        data.put("vpnGwId", String.valueOf(gatewaySerial));
        data.put("limit", "20");
        return data;
    }

    private static Planned.Probe aliyunList(String set, String item, long low, long high) {
        return (json, bytes) -> {
            long total = json.path("TotalCount").asLong(-1);
            int items = json.path(set).path(item).size();
            Planned.expect(total >= low && total <= high, "TotalCount " + range(low, high) + ", got " + total);
            Planned.expect(items > 0, "some items");
            return String.format(Locale.ROOT, "probe TotalCount=%d, %d items, %,d bytes", total, items, bytes);
        };
    }

    private static Planned.Probe tencentList(long low, long high) {
        return (json, bytes) -> {
            JsonNode answer = json.path("Response");
            Planned.expect(!answer.has("Error"), "no Error");
            long total = answer.path("TotalCount").asLong(-1);
            int items = answer.path("VpnConnectionSet").size();
            Planned.expect(total >= low && total <= high, "TotalCount " + range(low, high) + ", got " + total);
            Planned.expect(items == Math.min(20, total), Math.min(20, total) + " items, got " + items);
            return String.format(Locale.ROOT, "probe TotalCount=%d, %d items, %,d bytes", total, items, bytes);
        };
    }

    private static Planned.Probe legacyList(long low, long high) {
        return (json, bytes) -> {
            Planned.expect(json.path("code").asInt(-1) == 0, "code 0");
            long total = json.path("totalCount").asLong(-1);
            int items = json.path("data").size();
            Planned.expect(total >= low && total <= high, "totalCount " + range(low, high) + ", got " + total);
            Planned.expect(items == Math.min(20, total), Math.min(20, total) + " items, got " + items);
            return String.format(Locale.ROOT, "probe totalCount=%d, %d items, %,d bytes", total, items, bytes);
        };
    }

    private static String range(long low, long high) {
        return low == high ? String.valueOf(low) : low + " to " + high;
    }

    private static String pick(String[] values) {
        return values[ThreadLocalRandom.current().nextInt(values.length)];
    }

    private static <T> T pick(List<T> values) {
        return values.get(ThreadLocalRandom.current().nextInt(values.size()));
    }
}
