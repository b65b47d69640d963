package dev.vpnd.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.aliyun.vpc20160428.Client;
import com.aliyun.vpc20160428.models.CreateCustomerGatewayRequest;
import com.aliyun.vpc20160428.models.CreateVpnConnectionRequest;
import com.aliyun.vpc20160428.models.DeleteVpnConnectionRequest;
import com.aliyun.vpc20160428.models.DescribeCustomerGatewaysRequest;
import com.aliyun.vpc20160428.models.DescribeVpnConnectionsRequest;
import com.aliyun.vpc20160428.models.ModifyVpnConnectionAttributeRequest;
import com.aliyun.vpc20160428.models.TagResourcesRequest;
import dev.vpnd.server.RunningVpnd;
import dev.vpnd.server.ServerConfig;
import dev.vpnd.server.Vpnd;
import dev.vpnd.store.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two vpnd nodes on one PostgreSQL database, 16 clients writing through both at once. Afterwards
 * the stored state must equal the clients' own record of what succeeded: nothing lost, nothing
 * duplicated, and a ClientToken sent to both nodes creates one resource.
 */
class TwoNodeConcurrencyTest {
    private static final String REGION = AliyunClients.REGION;
    private static final int CLIENTS = 16;
    private static final int ROUNDS = 12;

    @TempDir
    Path dir;

    /** What a client believes of one connection after its successful calls. */
    private record Expected(String name, String team, boolean deleted) {
    }

    @Test
    void clientsWritingThroughBothNodesLoseAndDuplicateNothing() throws Exception {
        assumeTrue(TestDatabase.postgres(), "several nodes share a PostgreSQL database");
        try (var database = TestDatabase.create(dir);
                var nodeA = Vpnd.start(config(dir.resolve("a"), database.url()));
                var nodeB = Vpnd.start(config(dir.resolve("b"), database.url()))) {
            RunningVpnd.liftDemoQuotas(nodeA.services().quotas());
            Client a = AliyunClients.newSdk(endpoint(nodeA), false);
            Client b = AliyunClients.newSdk(endpoint(nodeB), true);
            String gatewayId = new AliyunFixtures(a).gateway();
            var expected = new ConcurrentHashMap<String, Expected>();
            var customerGateways = ConcurrentHashMap.<String>newKeySet();

            try (var pool = Executors.newFixedThreadPool(CLIENTS)) {
                var futures = new ArrayList<Future<?>>();
                for (int c = 0; c < CLIENTS; c++) {
                    int client = c;
                    futures.add(pool.submit(() -> {
                        for (int round = 0; round < ROUNDS; round++) {
                            boolean aFirst = (client + round) % 2 == 0;
                            Client first = aFirst ? a : b;
                            Client second = aFirst ? b : a;
                            String token = "c" + client + "-r" + round;
                            // The same create with the same token, through each node: one resource.
                            var cgwRequest = new CreateCustomerGatewayRequest().setRegionId(REGION)
                                    .setIpAddress("198.19." + client + "." + (round + 1)).setClientToken(token);
                            String cgw = first.createCustomerGateway(cgwRequest).getBody().getCustomerGatewayId();
                            assertThat(second.createCustomerGateway(cgwRequest).getBody().getCustomerGatewayId())
                                    .isEqualTo(cgw);
                            customerGateways.add(cgw);
                            var create = new CreateVpnConnectionRequest().setRegionId(REGION)
                                    .setVpnGatewayId(gatewayId).setCustomerGatewayId(cgw).setName(token)
                                    .setLocalSubnet("10.0.0.0/16").setRemoteSubnet("192.168.1.0/24")
                                    .setClientToken(token);
                            String id = first.createVpnConnection(create).getBody().getVpnConnectionId();
                            assertThat(second.createVpnConnection(create).getBody().getVpnConnectionId())
                                    .isEqualTo(id);
                            second.modifyVpnConnectionAttribute(new ModifyVpnConnectionAttributeRequest()
                                    .setRegionId(REGION).setVpnConnectionId(id).setName(token + "-renamed"));
                            first.tagResources(new TagResourcesRequest().setRegionId(REGION)
                                    .setResourceType("VPNCONNECTION").setResourceId(List.of(id))
                                    .setTag(List.of(new TagResourcesRequest.TagResourcesRequestTag().setKey("team")
                                            .setValue("t" + client))));
                            boolean delete = round % 3 == 0;
                            if (delete) {
                                second.deleteVpnConnection(new DeleteVpnConnectionRequest().setRegionId(REGION)
                                        .setVpnConnectionId(id));
                            }
                            expected.put(id, new Expected(token + "-renamed", "t" + client, delete));
                        }
                        return null;
                    }));
                }
                for (Future<?> future : futures) {
                    future.get();
                }
            }

            Map<String, Expected> live = new HashMap<>();
            expected.forEach((id, e) -> {
                if (!e.deleted()) {
                    live.put(id, e);
                }
            });
            var stored = new HashMap<String, Expected>();
            for (int page = 1;; page++) {
                var body = b.describeVpnConnections(new DescribeVpnConnectionsRequest().setRegionId(REGION)
                        .setVpnGatewayId(gatewayId).setPageSize(50).setPageNumber(page)).getBody();
                assertThat(body.getTotalCount()).isEqualTo(live.size());
                var items = body.getVpnConnections().getVpnConnection();
                for (var c : items) {
                    var team = c.getTag().getTag().stream().filter(t -> t.getKey().equals("team")).findFirst()
                            .orElseThrow().getValue();
                    assertThat(stored.put(c.getVpnConnectionId(), new Expected(c.getName(), team, false)))
                            .as("listed once").isNull();
                }
                if (items.size() < 50) {
                    break;
                }
            }
            assertThat(stored).isEqualTo(live);
            assertThat(expected).hasSize(CLIENTS * ROUNDS);
            long cgwTotal = a.describeCustomerGateways(new DescribeCustomerGatewaysRequest().setRegionId(REGION))
                    .getBody().getTotalCount();
            assertThat(cgwTotal).isEqualTo(customerGateways.size()).isEqualTo(CLIENTS * ROUNDS);
        }
    }

    private static ServerConfig config(Path dataDir, String databaseUrl) {
        return new ServerConfig(dataDir, databaseUrl, "127.0.0.1", Map.of(), true, Duration.ZERO);
    }

    private static String endpoint(Vpnd node) {
        return node.endpoints().get("aliyun").substring("http://".length());
    }
}
