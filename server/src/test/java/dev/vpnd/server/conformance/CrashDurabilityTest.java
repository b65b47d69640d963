package dev.vpnd.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.vpc20160428.models.CreateCustomerGatewayRequest;
import com.aliyun.vpc20160428.models.CreateVpnConnectionRequest;
import com.aliyun.vpc20160428.models.DescribeVpnConnectionRequest;
import com.aliyun.vpc20160428.models.DescribeVpnConnectionsRequest;
import dev.vpnd.server.VpndProcess;
import dev.vpnd.store.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A request answered with success survives SIGKILL of the node that answered it: writers keep
 * creating connections and log each success; the node is killed mid-stream; after a restart every
 * logged connection is there, with what it was created with.
 */
class CrashDurabilityTest {
    private static final String REGION = AliyunClients.REGION;

    @TempDir
    Path dataDir;

    @Test
    void everyAnsweredCreateSurvivesSigkill() throws Exception {
        try (var database = TestDatabase.create(dataDir)) {
            var created = new CopyOnWriteArrayList<String>();
            String gatewayId;
            try (var node = VpndProcess.start(dataDir, database.url())) {
                var client = AliyunClients.newSdk(node.aliyunEndpoint(), false);
                gatewayId = new AliyunFixtures(client).gateway();
                var stop = new AtomicBoolean();
                var enough = new CountDownLatch(40);
                var writers = List.of(0, 1, 2, 3).stream().map(w -> Thread.ofVirtual().start(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        try {
                            String cgw = client.createCustomerGateway(new CreateCustomerGatewayRequest()
                                    .setRegionId(REGION).setIpAddress("198.18." + w + "." + (i % 250 + 1)))
                                    .getBody().getCustomerGatewayId();
                            String id = client.createVpnConnection(new CreateVpnConnectionRequest().setRegionId(REGION)
                                    .setVpnGatewayId(gatewayId).setCustomerGatewayId(cgw).setName("w" + w + "-" + i)
                                    .setLocalSubnet("10.0.0.0/16").setRemoteSubnet("192.168." + w + ".0/24"))
                                    .getBody().getVpnConnectionId();
                            created.add(id);
                            enough.countDown();
                        } catch (Exception e) {
                            // The kill cuts requests off; only answered creates count.
                            if (stop.get()) {
                                return;
                            }
                        }
                    }
                })).toList();
                enough.await();
                node.kill();
                stop.set(true);
                for (Thread writer : writers) {
                    writer.join();
                }
            }
            assertThat(created).hasSizeGreaterThanOrEqualTo(40);

            try (var node = VpndProcess.start(dataDir, database.url())) {
                var client = AliyunClients.newSdk(node.aliyunEndpoint(), false);
                for (String id : created) {
                    var c = client.describeVpnConnection(new DescribeVpnConnectionRequest().setRegionId(REGION)
                            .setVpnConnectionId(id)).getBody();
                    assertThat(c.getVpnGatewayId()).isEqualTo(gatewayId);
                    assertThat(c.getName()).startsWith("w");
                }
                long total = client.describeVpnConnections(new DescribeVpnConnectionsRequest().setRegionId(REGION)
                        .setVpnGatewayId(gatewayId)).getBody().getTotalCount();
                // A create cut off by the kill may or may not have committed; none that answered is missing.
                assertThat(total).isGreaterThanOrEqualTo(created.size()).isLessThanOrEqualTo(created.size() + 4);
            }
        }
    }
}
