package dev.vpnd.server.conformance.tencent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.vpc.v20170312.VpcClient;
import com.tencentcloudapi.vpc.v20170312.models.CreateVpnConnectionRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeVpnConnectionsRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeVpnConnectionsResponse;
import com.tencentcloudapi.vpc.v20170312.models.Filter;
import com.tencentcloudapi.vpc.v20170312.models.VpnConnection;
import dev.vpnd.server.RunningVpnd;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * DescribeVpnConnections through the SDK: ids xor filters, each filter name, ANDed filters and ORed
 * values, the limits on filters, values and ids, Offset/Limit defaults and bounds, exact TotalCount.
 * Two VPCs: the first with two gateways and 25 connections, the second with one gateway and 3.
 */
class TencentDescribeTest {
    @RegisterExtension
    static final RunningVpnd VPND = new RunningVpnd();

    private static VpcClient client;
    private static String vpcA;
    private static String vpcB;
    private static String gatewayA1;
    private static String gatewayA2;
    private static String gatewayB;
    private static final List<String> PEERS = new ArrayList<>();
    /** Connection ids, oldest first. */
    private static final List<String> CONNECTIONS = new ArrayList<>();

    @BeforeAll
    static void seed() throws Exception {
        client = TencentClients.tc3(VPND.tencentEndpoint());
        var fixtures = new TencentFixtures(client);
        vpcA = fixtures.vpc();
        vpcB = fixtures.vpc();
        gatewayA1 = fixtures.gateway(vpcA);
        gatewayA2 = fixtures.gateway(vpcA);
        gatewayB = fixtures.gateway(vpcB);
        for (int i = 0; i < 20; i++) {
            PEERS.add(fixtures.customerGateway());
        }
        // A1: peers 0-19 (20); A2: peers 0-4 (5); B: peers 0-2 (3).
        for (int i = 0; i < 20; i++) {
            create(gatewayA1, PEERS.get(i), "a1-" + i);
        }
        for (int i = 0; i < 5; i++) {
            create(gatewayA2, PEERS.get(i), "a2-" + i);
        }
        for (int i = 0; i < 3; i++) {
            create(gatewayB, PEERS.get(i), "b-" + i);
        }
    }

    private static void create(String gateway, String peer, String name) throws TencentCloudSDKException {
        var request = new CreateVpnConnectionRequest();
        request.setVpnGatewayId(gateway);
        request.setCustomerGatewayId(peer);
        request.setVpnConnectionName(name);
        request.setPreShareKey("psk-" + name);
        CONNECTIONS.add(client.CreateVpnConnection(request).getVpnConnection().getVpnConnectionId());
    }

    @Test
    void everythingByDefaultNewestFirstTwentyAtATime() throws Exception {
        var page = client.DescribeVpnConnections(new DescribeVpnConnectionsRequest());
        assertThat(page.getTotalCount()).isEqualTo(28L);
        assertThat(ids(page)).hasSize(20).containsExactlyElementsOf(newestFirst().subList(0, 20));
    }

    @Test
    void offsetAndLimitWalkEveryConnectionOnce() throws Exception {
        var seen = new ArrayList<String>();
        for (long offset = 0; offset < 28; offset += 9) {
            var request = new DescribeVpnConnectionsRequest();
            request.setOffset(offset);
            request.setLimit(9L);
            var page = client.DescribeVpnConnections(request);
            assertThat(page.getTotalCount()).isEqualTo(28L);
            seen.addAll(ids(page));
        }
        assertThat(seen).containsExactlyElementsOf(newestFirst());

        var last = new DescribeVpnConnectionsRequest();
        last.setOffset(27L);
        last.setLimit(100L);
        assertThat(ids(client.DescribeVpnConnections(last))).containsExactly(CONNECTIONS.getFirst());
        var past = new DescribeVpnConnectionsRequest();
        past.setOffset(28L);
        var empty = client.DescribeVpnConnections(past);
        assertThat(empty.getTotalCount()).isEqualTo(28L);
        assertThat(empty.getVpnConnectionSet()).isEmpty();
    }

    @Test
    void limitAboveOneHundredAndNegativeOffsetAreRefused() {
        var tooMany = new DescribeVpnConnectionsRequest();
        tooMany.setLimit(101L);
        assertThat(error(tooMany).getErrorCode()).isEqualTo("InvalidParameterValue.LimitExceeded");
        var negative = new DescribeVpnConnectionsRequest();
        negative.setOffset(-1L);
        assertThat(error(negative).getErrorCode()).isEqualTo("InvalidParameterValue.Range");
    }

    @Test
    void eachFilterName() throws Exception {
        assertThat(total(filter("vpc-id", vpcA))).isEqualTo(25);
        assertThat(total(filter("vpc-id", vpcB))).isEqualTo(3);
        assertThat(total(filter("vpn-gateway-id", gatewayA2))).isEqualTo(5);
        assertThat(total(filter("customer-gateway-id", PEERS.get(1)))).isEqualTo(3);
        assertThat(ids(describe(filter("vpn-connection-name", "a2-3")))).containsExactly(CONNECTIONS.get(23));
        assertThat(ids(describe(filter("vpn-connection-id", CONNECTIONS.get(7))))).containsExactly(CONNECTIONS.get(7));
    }

    @Test
    void valuesAreOredAndFiltersAnded() throws Exception {
        assertThat(total(filter("vpn-gateway-id", gatewayA2, gatewayB))).isEqualTo(8);
        assertThat(total(filter("vpc-id", vpcA), filter("customer-gateway-id", PEERS.get(0), PEERS.get(19))))
                .isEqualTo(3);
        assertThat(total(filter("vpc-id", vpcB), filter("vpn-gateway-id", gatewayA1))).isZero();
        // The same name twice: both must hold.
        assertThat(total(filter("vpn-gateway-id", gatewayA1, gatewayA2), filter("vpn-gateway-id", gatewayA2)))
                .isEqualTo(5);
    }

    @Test
    void unknownButWellFormedIdsMatchNothing() throws Exception {
        assertThat(total(filter("vpn-gateway-id", "vpngw-zzzzzzzz"))).isZero();
        var byIds = new DescribeVpnConnectionsRequest();
        byIds.setVpnConnectionIds(new String[] {"vpnx-zzzzzzzz", CONNECTIONS.get(2)});
        var page = client.DescribeVpnConnections(byIds);
        assertThat(page.getTotalCount()).isEqualTo(1L);
        assertThat(ids(page)).containsExactly(CONNECTIONS.get(2));
    }

    @Test
    void idsAndFiltersTogetherAreRefused() {
        var request = new DescribeVpnConnectionsRequest();
        request.setVpnConnectionIds(new String[] {CONNECTIONS.getFirst()});
        request.setFilters(new Filter[] {filter("vpc-id", vpcA)});
        assertThat(error(request).getErrorCode()).isEqualTo("InvalidParameter.Coexist");
    }

    @Test
    void anUnknownFilterNameIsRefused() {
        assertThat(error(describeRequest(filter("state", "AVAILABLE"))).getErrorCode())
                .isEqualTo("InvalidParameter.FilterInvalidKey");
    }

    @Test
    void filterValueAndIdLimits() throws Exception {
        var elevenFilters = new Filter[11];
        Arrays.fill(elevenFilters, filter("vpc-id", vpcA));
        assertThat(error(describeRequest(elevenFilters)).getErrorCode())
                .isEqualTo("InvalidParameterValue.LimitExceeded");
        assertThat(total(filter("vpc-id", vpcA, vpcA, vpcA, vpcA, vpcA))).isEqualTo(25);
        assertThat(error(describeRequest(filter("vpc-id", vpcA, vpcA, vpcA, vpcA, vpcA, vpcA))).getErrorCode())
                .isEqualTo("InvalidParameterValue.LimitExceeded");
        var tenFilters = new Filter[10];
        Arrays.fill(tenFilters, filter("vpc-id", vpcA));
        assertThat(total(tenFilters)).isEqualTo(25);

        var hundred = new String[100];
        Arrays.fill(hundred, CONNECTIONS.get(3));
        var request = new DescribeVpnConnectionsRequest();
        request.setVpnConnectionIds(hundred);
        assertThat(client.DescribeVpnConnections(request).getTotalCount()).isEqualTo(1L);
        var tooMany = new String[101];
        Arrays.fill(tooMany, CONNECTIONS.get(3));
        request.setVpnConnectionIds(tooMany);
        assertThat(error(request).getErrorCode()).isEqualTo("InvalidParameterValue.LimitExceeded");
    }

    @Test
    void malformedIdsAreRefused() {
        var request = new DescribeVpnConnectionsRequest();
        request.setVpnConnectionIds(new String[] {"vpnx-123"});
        assertThat(error(request).getErrorCode()).isEqualTo("InvalidParameterValue.Malformed");
        assertThat(error(describeRequest(filter("vpc-id", "vpngw-abcdefgh"))).getErrorCode())
                .isEqualTo("InvalidParameterValue.Malformed");
    }

    private static List<String> newestFirst() {
        var out = new ArrayList<>(CONNECTIONS);
        java.util.Collections.reverse(out);
        return out;
    }

    private static Filter filter(String name, String... values) {
        var filter = new Filter();
        filter.setName(name);
        filter.setValues(values);
        return filter;
    }

    private static DescribeVpnConnectionsRequest describeRequest(Filter... filters) {
        var request = new DescribeVpnConnectionsRequest();
        request.setFilters(filters);
        request.setLimit(100L);
        return request;
    }

    private static DescribeVpnConnectionsResponse describe(Filter... filters) throws TencentCloudSDKException {
        return client.DescribeVpnConnections(describeRequest(filters));
    }

    /** The TotalCount, checked against the set when everything fits one page. */
    private static long total(Filter... filters) throws TencentCloudSDKException {
        var page = describe(filters);
        assertThat((long) page.getVpnConnectionSet().length).isEqualTo(page.getTotalCount());
        return page.getTotalCount();
    }

    private static List<String> ids(DescribeVpnConnectionsResponse page) {
        return Arrays.stream(page.getVpnConnectionSet()).map(VpnConnection::getVpnConnectionId).toList();
    }

    private static TencentCloudSDKException error(DescribeVpnConnectionsRequest request) {
        var e = catchThrowableOfType(TencentCloudSDKException.class, () -> client.DescribeVpnConnections(request));
        assertThat(e).as("an error").isNotNull();
        assertThat(e.getRequestId()).isNotEmpty();
        return e;
    }
}
