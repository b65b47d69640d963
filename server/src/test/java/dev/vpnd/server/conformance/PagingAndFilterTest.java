package dev.vpnd.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyun.tea.TeaException;
import com.aliyun.vpc20160428.Client;
import com.aliyun.vpc20160428.models.CreateVpnConnectionRequest;
import com.aliyun.vpc20160428.models.CreateVpnConnectionRequest.CreateVpnConnectionRequestTags;
import com.aliyun.vpc20160428.models.DescribeVpnConnectionsRequest;
import com.aliyun.vpc20160428.models.DescribeVpnConnectionsRequest.DescribeVpnConnectionsRequestTag;
import com.aliyun.vpc20160428.models.DescribeVpnConnectionsResponseBody;
import com.aliyun.vpc20160428.models.DescribeVpnConnectionsResponseBody.DescribeVpnConnectionsResponseBodyVpnConnectionsVpnConnection;
import com.aliyuncs.exceptions.ClientException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpnd.server.RunningVpnd;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DescribeVpnConnections paging, filters and tag rules through the new SDK (signature v3), on one
 * gateway with {@value #COUNT} connections (each on its own customer gateway: a gateway and
 * customer gateway pair is unique) and a second gateway with two.
 */
class PagingAndFilterTest {
    @RegisterExtension
    static final RunningVpnd VPND = new RunningVpnd();

    private static final String REGION = AliyunClients.REGION;
    private static final int COUNT = 57;

    private static Client client;
    private static String gatewayA;
    private static String gatewayB;
    /** Connection i on gateway A, in creation order. */
    private static final List<String> CONNECTIONS = new ArrayList<>();
    private static final List<String> CUSTOMER_GATEWAYS = new ArrayList<>();
    private static final List<String> CONNECTIONS_B = new ArrayList<>();

    @BeforeAll
    static void createConnections() throws Exception {
        client = AliyunClients.newSdk(VPND.aliyunEndpoint(), false);
        var fixtures = new AliyunFixtures(client);
        gatewayA = fixtures.gateway();
        gatewayB = fixtures.gateway();
        for (int i = 0; i < COUNT; i++) {
            String cgw = fixtures.customerGateway();
            CUSTOMER_GATEWAYS.add(cgw);
            var tags = new ArrayList<CreateVpnConnectionRequestTags>();
            tags.add(new CreateVpnConnectionRequestTags().setKey("env").setValue(i % 2 == 0 ? "prod" : "dev"));
            if (i % 3 == 0) {
                tags.add(new CreateVpnConnectionRequestTags().setKey("team").setValue("net"));
            }
            if (i % 5 == 0) {
                tags.add(new CreateVpnConnectionRequestTags().setKey("tier").setValue(i % 10 == 0 ? "gold" : "silver"));
            }
            CONNECTIONS.add(client.createVpnConnection(new CreateVpnConnectionRequest().setRegionId(REGION)
                    .setVpnGatewayId(gatewayA).setCustomerGatewayId(cgw).setName("c" + i)
                    .setLocalSubnet("10.1.0.0/16").setRemoteSubnet("192.168.0.0/24").setTags(tags))
                    .getBody().getVpnConnectionId());
        }
        // Gateway B reuses two customer gateways of A: the pair, not the customer gateway, is unique.
        CONNECTIONS_B.add(fixtures.connection(gatewayB, CUSTOMER_GATEWAYS.get(0), "b0"));
        CONNECTIONS_B.add(fixtures.connection(gatewayB, CUSTOMER_GATEWAYS.get(1), "b1"));
    }

    private static DescribeVpnConnectionsRequest onA() {
        return new DescribeVpnConnectionsRequest().setRegionId(REGION).setVpnGatewayId(gatewayA);
    }

    private static DescribeVpnConnectionsResponseBody list(DescribeVpnConnectionsRequest request) throws Exception {
        return client.describeVpnConnections(request).getBody();
    }

    private static List<String> ids(DescribeVpnConnectionsResponseBody body) {
        return body.getVpnConnections().getVpnConnection().stream()
                .map(DescribeVpnConnectionsResponseBodyVpnConnectionsVpnConnection::getVpnConnectionId).toList();
    }

    private static TeaException failure(DescribeVpnConnectionsRequest request) {
        return catchThrowableOfType(TeaException.class, () -> client.describeVpnConnections(request));
    }

    private static DescribeVpnConnectionsRequestTag tag(String key, String value) {
        return new DescribeVpnConnectionsRequestTag().setKey(key).setValue(value);
    }

    private static List<String> connectionsWhere(java.util.function.IntPredicate which) {
        return IntStream.range(0, COUNT).filter(which).mapToObj(CONNECTIONS::get).toList();
    }

    @Test
    void fullPageThenPartialPageThenEmptyPage() throws Exception {
        var first = list(onA().setPageSize(50).setPageNumber(1));
        assertThat(first.getTotalCount()).isEqualTo(COUNT);
        assertThat(first.getPageNumber()).isEqualTo(1);
        assertThat(first.getPageSize()).isEqualTo(50);
        assertThat(ids(first)).hasSize(50).doesNotHaveDuplicates();

        var last = list(onA().setPageSize(50).setPageNumber(2));
        assertThat(last.getTotalCount()).isEqualTo(COUNT);
        assertThat(last.getPageNumber()).isEqualTo(2);
        assertThat(last.getPageSize()).isEqualTo(50);
        assertThat(ids(last)).hasSize(COUNT - 50);

        var all = new ArrayList<>(ids(first));
        all.addAll(ids(last));
        assertThat(all).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(CONNECTIONS);

        var beyond = list(onA().setPageSize(50).setPageNumber(3));
        assertThat(beyond.getTotalCount()).isEqualTo(COUNT);
        assertThat(beyond.getPageNumber()).isEqualTo(3);
        assertThat(beyond.getPageSize()).isEqualTo(50);
        assertThat(beyond.getVpnConnections()).isNotNull();
        assertThat(beyond.getVpnConnections().getVpnConnection()).isEmpty();
    }

    @Test
    void defaultPageSizeIsTen() throws Exception {
        var page = list(onA());
        assertThat(page.getPageSize()).isEqualTo(10);
        assertThat(page.getPageNumber()).isEqualTo(1);
        assertThat(page.getTotalCount()).isEqualTo(COUNT);
        assertThat(ids(page)).hasSize(10);
    }

    @Test
    void orderIsStableAcrossPagesAndPageSizes() throws Exception {
        var bySmallPages = new ArrayList<String>();
        for (int n = 1; n <= 6; n++) {
            var page = list(onA().setPageSize(10).setPageNumber(n));
            assertThat(page.getTotalCount()).isEqualTo(COUNT);
            assertThat(ids(page)).hasSize(n < 6 ? 10 : COUNT - 50);
            bySmallPages.addAll(ids(page));
        }
        assertThat(bySmallPages).as("no id repeated or skipped").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(CONNECTIONS);

        var byLargePages = new ArrayList<>(ids(list(onA().setPageSize(50).setPageNumber(1))));
        byLargePages.addAll(ids(list(onA().setPageSize(50).setPageNumber(2))));
        assertThat(byLargePages).as("same order whatever the page size").containsExactlyElementsOf(bySmallPages);
        assertThat(ids(list(onA().setPageSize(10).setPageNumber(3))))
                .as("asking again gives the same page").containsExactlyElementsOf(bySmallPages.subList(20, 30));
    }

    @ParameterizedTest(name = "PageSize={0} PageNumber={1}")
    @MethodSource("badPaging")
    void pagingOutOfRangeIsInvalidParameter(Integer pageSize, Integer pageNumber) {
        var e = failure(onA().setPageSize(pageSize).setPageNumber(pageNumber));
        assertThat(e.getCode()).isEqualTo("InvalidParameter");
        assertThat(e.getStatusCode()).isEqualTo(400);
    }

    static Stream<Arguments> badPaging() {
        return Stream.of(Arguments.of(51, 1), Arguments.of(0, 1), Arguments.of(10, 0));
    }

    @Test
    void filtersByGatewayCustomerGatewayAndConnection() throws Exception {
        var onB = list(new DescribeVpnConnectionsRequest().setRegionId(REGION).setVpnGatewayId(gatewayB));
        assertThat(onB.getTotalCount()).isEqualTo(2);
        assertThat(ids(onB)).containsExactlyInAnyOrderElementsOf(CONNECTIONS_B);
        assertThat(onB.getVpnConnections().getVpnConnection())
                .allSatisfy(c -> assertThat(c.getVpnGatewayId()).isEqualTo(gatewayB));

        var everything = list(new DescribeVpnConnectionsRequest().setRegionId(REGION).setPageSize(50));
        assertThat(everything.getTotalCount()).isEqualTo(COUNT + 2);

        var byCustomerGateway = list(new DescribeVpnConnectionsRequest().setRegionId(REGION)
                .setCustomerGatewayId(CUSTOMER_GATEWAYS.get(7)));
        assertThat(byCustomerGateway.getTotalCount()).isEqualTo(1);
        assertThat(ids(byCustomerGateway)).containsExactly(CONNECTIONS.get(7));
        assertThat(byCustomerGateway.getVpnConnections().getVpnConnection().get(0).getCustomerGatewayId())
                .isEqualTo(CUSTOMER_GATEWAYS.get(7));

        var sharedCustomerGateway = list(new DescribeVpnConnectionsRequest().setRegionId(REGION)
                .setCustomerGatewayId(CUSTOMER_GATEWAYS.get(0)));
        assertThat(ids(sharedCustomerGateway)).containsExactlyInAnyOrder(CONNECTIONS.get(0), CONNECTIONS_B.get(0));

        var gatewayAndCustomerGateway = list(new DescribeVpnConnectionsRequest().setRegionId(REGION)
                .setVpnGatewayId(gatewayB).setCustomerGatewayId(CUSTOMER_GATEWAYS.get(0)));
        assertThat(ids(gatewayAndCustomerGateway)).containsExactly(CONNECTIONS_B.get(0));

        var byId = list(new DescribeVpnConnectionsRequest().setRegionId(REGION)
                .setVpnConnectionId(CONNECTIONS.get(11)));
        assertThat(byId.getTotalCount()).isEqualTo(1);
        assertThat(ids(byId)).containsExactly(CONNECTIONS.get(11));
        assertThat(byId.getVpnConnections().getVpnConnection().get(0).getName()).isEqualTo("c11");

        var idOnOtherGateway = list(onA().setVpnConnectionId(CONNECTIONS_B.get(1)));
        assertThat(idOnOtherGateway.getTotalCount()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedIdFilters")
    void malformedIdFilterMatchesNothing(String parameter, DescribeVpnConnectionsRequest request) throws Exception {
        var page = list(request);
        assertThat(page.getTotalCount()).isZero();
        assertThat(page.getVpnConnections().getVpnConnection()).isEmpty();
    }

    static Stream<Arguments> malformedIdFilters() {
        var r = (java.util.function.Supplier<DescribeVpnConnectionsRequest>) () -> new DescribeVpnConnectionsRequest()
                .setRegionId(REGION);
        return Stream.of(
                Arguments.of("VpnConnectionId", r.get().setVpnConnectionId("vco-malformed")),
                Arguments.of("VpnGatewayId", r.get().setVpnGatewayId("vpn-bp1q8bgx4xnkm2ogj0fiu")),
                Arguments.of("CustomerGatewayId", r.get().setCustomerGatewayId("not-an-id")));
    }

    @Test
    void tagFiltersMustAllMatch() throws Exception {
        var one = list(onA().setPageSize(50).setTag(List.of(tag("env", "prod"))));
        assertThat(one.getTotalCount()).isEqualTo(29);
        assertThat(ids(one)).containsExactlyInAnyOrderElementsOf(connectionsWhere(i -> i % 2 == 0));

        var two = list(onA().setPageSize(50).setTag(List.of(tag("env", "prod"), tag("team", "net"))));
        assertThat(two.getTotalCount()).isEqualTo(10);
        assertThat(ids(two)).containsExactlyInAnyOrderElementsOf(connectionsWhere(i -> i % 6 == 0));

        var three = list(onA().setPageSize(50)
                .setTag(List.of(tag("env", "prod"), tag("team", "net"), tag("tier", "gold"))));
        assertThat(three.getTotalCount()).isEqualTo(2);
        assertThat(ids(three)).containsExactlyInAnyOrder(CONNECTIONS.get(0), CONNECTIONS.get(30));
        assertThat(three.getVpnConnections().getVpnConnection().get(0).getTag().getTag())
                .extracting(t -> t.getKey() + "=" + t.getValue())
                .containsExactlyInAnyOrder("env=prod", "team=net", "tier=gold");

        var noMatch = list(onA().setTag(List.of(tag("env", "prod"), tag("team", "nobody"))));
        assertThat(noMatch.getTotalCount()).isZero();
        assertThat(noMatch.getVpnConnections().getVpnConnection()).isEmpty();
    }

    @Test
    void keyOnlyTagFilterMatchesAnyValue() throws Exception {
        var page = list(onA().setPageSize(50).setTag(List.of(new DescribeVpnConnectionsRequestTag().setKey("tier"))));
        assertThat(page.getTotalCount()).isEqualTo(12);
        assertThat(ids(page)).containsExactlyInAnyOrderElementsOf(connectionsWhere(i -> i % 5 == 0));

        var gold = list(onA().setPageSize(50).setTag(List.of(tag("tier", "gold"))));
        assertThat(ids(gold)).containsExactlyInAnyOrderElementsOf(connectionsWhere(i -> i % 10 == 0));
    }

    /** The 2023 page's sample sends tags as JSON text, {@code Tag=[{"Key":…,"Value":…}]}: the same filter. */
    private static JsonNode listWithJsonTags(String tags) throws Exception {
        var request = AliyunClients.common(VPND.aliyunEndpoint(), AliyunClients.REGION, "DescribeVpnConnections");
        request.putQueryParameter("VpnGatewayId", gatewayA);
        request.putQueryParameter("PageSize", "50");
        request.putQueryParameter("Tag", tags);
        return new ObjectMapper().readTree(AliyunClients.oldSdk().getCommonResponse(request).getData());
    }

    @Test
    void tagsAsTheSamplesJsonTextFilterAsTheIndexedForm() throws Exception {
        JsonNode two = listWithJsonTags("[{\"Key\":\"env\",\"Value\":\"prod\"},{\"Key\":\"team\",\"Value\":\"net\"}]");
        assertThat(two.path("TotalCount").asInt()).isEqualTo(10);
        assertThat(two.at("/VpnConnections/VpnConnection").findValuesAsText("VpnConnectionId"))
                .containsExactlyInAnyOrderElementsOf(connectionsWhere(i -> i % 6 == 0));
        JsonNode keyOnly = listWithJsonTags("[{\"Key\":\"tier\"}]");
        assertThat(keyOnly.path("TotalCount").asInt()).isEqualTo(12);

        for (String malformed : new String[] {"[{\"Key\":", "{\"Key\":\"env\"}", "[\"env\"]",
                "[{\"Key\":5}]"}) {
            var e = catchThrowableOfType(ClientException.class, () -> listWithJsonTags(malformed));
            assertThat(e).as(malformed).isNotNull();
            assertThat(e.getErrCode()).as(malformed).isEqualTo("InvalidParameter");
        }
        String twentyOne = IntStream.rangeClosed(1, 21).mapToObj(i -> "{\"Key\":\"k" + i + "\"}")
                .collect(java.util.stream.Collectors.joining(",", "[", "]"));
        var tooMany = catchThrowableOfType(ClientException.class, () -> listWithJsonTags(twentyOne));
        assertThat(tooMany.getErrCode()).isEqualTo("SizeLimitExceeded.TagNum");
        var badKey = catchThrowableOfType(ClientException.class, () -> listWithJsonTags("[{\"Key\":\"aliyunx\"}]"));
        assertThat(badKey.getErrCode()).isEqualTo("InvalidParameter.TagKey");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tagErrors")
    void tagRulesOfTheSeedPage(String description, List<DescribeVpnConnectionsRequestTag> tags, String code) {
        var e = failure(onA().setTag(tags));
        assertThat(e.getCode()).isEqualTo(code);
        assertThat(e.getStatusCode()).isEqualTo(400);
    }

    static Stream<Arguments> tagErrors() {
        var twentyOne = IntStream.rangeClosed(1, 21).mapToObj(i -> tag("k" + i, "v")).toList();
        return Stream.of(
                Arguments.of("empty key", List.of(tag("", "v")), "InvalidParameter.TagKey"),
                Arguments.of("65-character key", List.of(tag("k".repeat(65), "v")), "InvalidParameter.TagKey"),
                Arguments.of("key starting with aliyun", List.of(tag("aliyunkey", "v")), "InvalidParameter.TagKey"),
                Arguments.of("key starting with acs:", List.of(tag("acs:key", "v")), "InvalidParameter.TagKey"),
                Arguments.of("key containing http://", List.of(tag("see http://x", "v")), "InvalidParameter.TagKey"),
                Arguments.of("129-character value", List.of(tag("k", "v".repeat(129))), "InvalidParameter.TagValue"),
                Arguments.of("value containing https://", List.of(tag("k", "at https://x")),
                        "InvalidParameter.TagValue"),
                Arguments.of("21 tags", twentyOne, "SizeLimitExceeded.TagNum"),
                Arguments.of("same pair twice", List.of(tag("k", "v"), tag("k", "v")), "Duplicated.TagKey"),
                Arguments.of("same key, two values", List.of(tag("k", "v1"), tag("k", "v2")),
                        "Forbidden.TagKey.Duplicated"));
    }

    @Test
    void tagLimitsAreInclusive() throws Exception {
        var twenty = IntStream.rangeClosed(1, 20).mapToObj(i -> tag("k" + i, "v")).toList();
        assertThat(list(onA().setTag(twenty)).getTotalCount()).isZero();
        var longest = list(onA().setTag(List.of(tag("k".repeat(64), "v".repeat(128)))));
        assertThat(longest.getTotalCount()).isZero();
    }

    @Test
    void missingRegionId() {
        var e = failure(new DescribeVpnConnectionsRequest().setVpnGatewayId(gatewayA));
        assertThat(e.getCode()).isEqualTo("MissingRegionId");
        assertThat(e.getStatusCode()).isEqualTo(400);
        assertThat(e.getMessage()).contains("RegionId is mandatory for this action.");
    }

    @Test
    void unknownRegion() {
        var e = failure(new DescribeVpnConnectionsRequest().setRegionId("xx-nowhere-1"));
        assertThat(e.getCode()).isEqualTo("InvalidRegionId.NotFound");
        assertThat(e.getStatusCode()).isEqualTo(404);
    }

    @Test
    void otherRegionSeesNothing() throws Exception {
        var page = list(new DescribeVpnConnectionsRequest().setRegionId("cn-shanghai").setPageSize(50));
        assertThat(page.getTotalCount()).isZero();
        assertThat(ids(page)).isEmpty();
    }
}
