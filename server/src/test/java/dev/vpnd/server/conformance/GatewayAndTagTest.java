package dev.vpnd.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyun.tea.TeaException;
import com.aliyun.tea.TeaModel;
import com.aliyun.vpc20160428.Client;
import com.aliyun.vpc20160428.models.CreateCustomerGatewayRequest;
import com.aliyun.vpc20160428.models.CreateVpcRequest;
import com.aliyun.vpc20160428.models.CreateVpnGatewayRequest;
import com.aliyun.vpc20160428.models.DeleteCustomerGatewayRequest;
import com.aliyun.vpc20160428.models.DeleteVpcRequest;
import com.aliyun.vpc20160428.models.DeleteVpnConnectionRequest;
import com.aliyun.vpc20160428.models.DeleteVpnGatewayRequest;
import com.aliyun.vpc20160428.models.DescribeCustomerGatewayRequest;
import com.aliyun.vpc20160428.models.DescribeCustomerGatewaysRequest;
import com.aliyun.vpc20160428.models.DescribeRegionsRequest;
import com.aliyun.vpc20160428.models.DescribeRegionsResponseBody.DescribeRegionsResponseBodyRegionsRegion;
import com.aliyun.vpc20160428.models.DescribeVpcsRequest;
import com.aliyun.vpc20160428.models.DescribeVpnConnectionRequest;
import com.aliyun.vpc20160428.models.DescribeVpnGatewayRequest;
import com.aliyun.vpc20160428.models.DescribeVpnGatewaysRequest;
import com.aliyun.vpc20160428.models.ListTagResourcesRequest;
import com.aliyun.vpc20160428.models.ListTagResourcesResponseBody;
import com.aliyun.vpc20160428.models.ListTagResourcesResponseBody.ListTagResourcesResponseBodyTagResourcesTagResource;
import com.aliyun.vpc20160428.models.ModifyCustomerGatewayAttributeRequest;
import com.aliyun.vpc20160428.models.ModifyVpnGatewayAttributeRequest;
import com.aliyun.vpc20160428.models.TagResourcesRequest;
import com.aliyun.vpc20160428.models.TagResourcesRequest.TagResourcesRequestTag;
import com.aliyun.vpc20160428.models.DescribeVpnConnectionsRequest;
import com.aliyun.vpc20160428.models.UnTagResourcesRequest;
import com.aliyuncs.CommonRequest;
import com.aliyuncs.CommonResponse;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpnd.server.RunningVpnd;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Regions, VPCs, VPN gateways, customer gateways and the tag actions through the new SDK, and a
 * dual-tunnel connection through the old SDK's CommonRequest (the only client here that can send
 * TunnelOptionsSpecification: 3.2.24 has no such class).
 */
class GatewayAndTagTest {
    @RegisterExtension
    static final RunningVpnd VPND = new RunningVpnd();

    private static final String REGION = AliyunClients.REGION;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Client client;
    private final AliyunFixtures fixtures;

    GatewayAndTagTest() throws Exception {
        client = AliyunClients.newSdk(VPND.aliyunEndpoint(), false);
        fixtures = new AliyunFixtures(client);
    }

    private static TeaException failure(ThrowingCall call) {
        var e = catchThrowableOfType(TeaException.class, call::run);
        assertThat(e).as("expected an error answer").isNotNull();
        return e;
    }

    @FunctionalInterface
    private interface ThrowingCall {
        void run() throws Exception;
    }

    @Test
    void describeRegionsListsHangzhou() throws Exception {
        var body = client.describeRegions(new DescribeRegionsRequest()).getBody();
        assertThat(body.getRequestId()).isNotBlank();
        assertThat(body.getRegions().getRegion()).extracting(DescribeRegionsResponseBodyRegionsRegion::getRegionId)
                .contains("cn-hangzhou", "cn-shanghai");
        var hangzhou = body.getRegions().getRegion().stream().filter(r -> r.getRegionId().equals("cn-hangzhou"))
                .findFirst().orElseThrow();
        assertThat(hangzhou.getLocalName()).isNotBlank();
        assertThat(hangzhou.getRegionEndpoint()).isNotBlank();
    }

    @Test
    void vpcLifecycle() throws Exception {
        var created = client.createVpc(new CreateVpcRequest().setRegionId(REGION).setCidrBlock("172.16.0.0/12")
                .setVpcName("vpc-life").setDescription("for gateways")).getBody();
        String vpcId = created.getVpcId();
        assertThat(vpcId).startsWith("vpc-");
        assertThat(created.getRequestId()).isNotBlank();
        assertThat(created.getVRouterId()).isNotBlank();
        assertThat(created.getRouteTableId()).isNotBlank();

        var described = client.describeVpcs(new DescribeVpcsRequest().setRegionId(REGION).setVpcId(vpcId)).getBody();
        assertThat(described.getTotalCount()).isEqualTo(1);
        var vpc = described.getVpcs().getVpc().get(0);
        assertThat(vpc.getVpcId()).isEqualTo(vpcId);
        assertThat(vpc.getVpcName()).isEqualTo("vpc-life");
        assertThat(vpc.getCidrBlock()).isEqualTo("172.16.0.0/12");
        assertThat(vpc.getDescription()).isEqualTo("for gateways");
        assertThat(vpc.getRegionId()).isEqualTo(REGION);
        assertThat(vpc.getVRouterId()).isEqualTo(created.getVRouterId());

        String gatewayId = fixtures.gateway(vpcId);
        var inUse = failure(() -> client.deleteVpc(new DeleteVpcRequest().setRegionId(REGION).setVpcId(vpcId)));
        assertThat(inUse.getCode()).isEqualTo("DependencyViolation.VpnGateway");
        assertThat(inUse.getStatusCode()).isEqualTo(400);

        AliyunClients.awaitActiveGateway(client, gatewayId);
        client.deleteVpnGateway(new DeleteVpnGatewayRequest().setRegionId(REGION).setVpnGatewayId(gatewayId));
        assertThat(client.deleteVpc(new DeleteVpcRequest().setRegionId(REGION).setVpcId(vpcId)).getBody()
                .getRequestId()).isNotBlank();
        var after = client.describeVpcs(new DescribeVpcsRequest().setRegionId(REGION).setVpcId(vpcId)).getBody();
        assertThat(after.getTotalCount()).isZero();
        assertThat(after.getVpcs().getVpc()).isEmpty();
    }

    @Test
    void vpnGatewayLifecycle() throws Exception {
        String vpcId = fixtures.vpc();
        var missing = failure(() -> client.createVpnGateway(new CreateVpnGatewayRequest().setRegionId(REGION)
                .setVpcId(vpcId).setName("no-bandwidth")));
        assertThat(missing.getCode()).isEqualTo("MissingBandwidth");
        assertThat(missing.getStatusCode()).isEqualTo(400);
        var odd = failure(() -> client.createVpnGateway(new CreateVpnGatewayRequest().setRegionId(REGION)
                .setVpcId(vpcId).setBandwidth(7)));
        assertThat(odd.getCode()).isEqualTo("InvalidParameter");
        assertThat(odd.getStatusCode()).isEqualTo(400);
        var noVpc = failure(() -> client.createVpnGateway(new CreateVpnGatewayRequest().setRegionId(REGION)
                .setVpcId("vpc-doesnotexist").setBandwidth(10)));
        assertThat(noVpc.getStatusCode()).isEqualTo(404);

        var created = client.createVpnGateway(new CreateVpnGatewayRequest().setRegionId(REGION).setVpcId(vpcId)
                .setBandwidth(200).setName("gw-life")).getBody();
        String id = created.getVpnGatewayId();
        assertThat(id).startsWith("vpn-");
        assertThat(created.getName()).isEqualTo("gw-life");
        assertThat(created.getRequestId()).isNotBlank();

        var one = client.describeVpnGateway(new DescribeVpnGatewayRequest().setRegionId(REGION).setVpnGatewayId(id))
                .getBody();
        assertThat(one.getVpnGatewayId()).isEqualTo(id);
        assertThat(one.getVpcId()).isEqualTo(vpcId);
        assertThat(one.getName()).isEqualTo("gw-life");
        assertThat(one.getSpec()).isEqualTo("200M");
        assertThat(one.getStatus()).isIn("init", "provisioning");
        assertThat(one.getInternetIp()).isNotBlank();
        assertThat(one.getCreateTime()).isPositive();
        assertThat(one.getIpsecVpn()).isEqualTo("enable");
        assertThat(one.getSslVpn()).isEqualTo("disable");
        assertThat(one.getChargeType()).isEqualTo("Postpay");
        assertThat(one.getBusinessStatus()).isEqualTo("Normal");
        assertThat(one.getTags().getTag()).isEmpty();

        var early = failure(() -> client.modifyVpnGatewayAttribute(new ModifyVpnGatewayAttributeRequest()
                .setRegionId(REGION).setVpnGatewayId(id).setName("too-soon")));
        assertThat(early.getCode()).as("modified while provisioning").isEqualTo("VpnGateway.Configuring");
        assertThat(early.getStatusCode()).isEqualTo(400);
        var deletedEarly = failure(() -> client.deleteVpnGateway(new DeleteVpnGatewayRequest().setRegionId(REGION)
                .setVpnGatewayId(id)));
        assertThat(deletedEarly.getCode()).as("deleted while provisioning").isEqualTo("VpnGateway.Configuring");

        AliyunClients.awaitActiveGateway(client, id);
        var list = client.describeVpnGateways(new DescribeVpnGatewaysRequest().setRegionId(REGION).setVpcId(vpcId))
                .getBody();
        assertThat(list.getTotalCount()).isEqualTo(1);
        assertThat(list.getPageNumber()).isEqualTo(1);
        assertThat(list.getPageSize()).isEqualTo(10);
        var listed = list.getVpnGateways().getVpnGateway().get(0);
        assertThat(listed.getVpnGatewayId()).isEqualTo(id);
        assertThat(listed.getStatus()).isEqualTo("active");
        assertThat(listed.getInternetIp()).isEqualTo(one.getInternetIp());
        var byId = client.describeVpnGateways(new DescribeVpnGatewaysRequest().setRegionId(REGION)
                .setVpnGatewayId(id)).getBody();
        assertThat(byId.getTotalCount()).isEqualTo(1);

        var modified = client.modifyVpnGatewayAttribute(new ModifyVpnGatewayAttributeRequest().setRegionId(REGION)
                .setVpnGatewayId(id).setName("gw-renamed").setDescription("the new description")).getBody();
        assertThat(modified.getRequestId()).isNotBlank();
        assertThat(modified.getVpnGatewayId()).isEqualTo(id);
        assertThat(modified.getName()).isEqualTo("gw-renamed");
        assertThat(modified.getDescription()).isEqualTo("the new description");
        assertThat(modified.getCreateTime()).isEqualTo(one.getCreateTime());
        var renamed = client.describeVpnGateway(new DescribeVpnGatewayRequest().setRegionId(REGION)
                .setVpnGatewayId(id)).getBody();
        assertThat(renamed.getName()).isEqualTo("gw-renamed");
        assertThat(renamed.getDescription()).isEqualTo("the new description");

        client.deleteVpnGateway(new DeleteVpnGatewayRequest().setRegionId(REGION).setVpnGatewayId(id));
        var gone = failure(() -> client.describeVpnGateway(new DescribeVpnGatewayRequest().setRegionId(REGION)
                .setVpnGatewayId(id)));
        assertThat(gone.getCode()).isEqualTo("InvalidVpnGatewayInstanceId.NotFound");
        assertThat(gone.getStatusCode()).isEqualTo(404);
    }

    /** Each gateway setting reads as Alibaba spells it and is shown back the same way, whatever its value. */
    @Test
    void gatewaySettingsAreReadAndShownInAlibabasSpelling() throws Exception {
        String vpcId = fixtures.vpc();
        String plain = client.createVpnGateway(new CreateVpnGatewayRequest().setRegionId(REGION).setVpcId(vpcId)
                .setBandwidth(10)).getBody().getVpnGatewayId();
        var byDefault = client.describeVpnGateway(new DescribeVpnGatewayRequest().setRegionId(REGION)
                .setVpnGatewayId(plain)).getBody();
        assertThat(byDefault.getChargeType()).isEqualTo("Postpay");
        assertThat(byDefault.getEndTime()).isZero();
        assertThat(byDefault.getNetworkType()).isEqualTo("public");
        assertThat(byDefault.getVpnType()).isEqualTo("Normal");

        String chosen = client.createVpnGateway(new CreateVpnGatewayRequest().setRegionId(REGION).setVpcId(vpcId)
                .setBandwidth(10).setInstanceChargeType("PREPAY").setNetworkType("private")
                .setVpnType("NationalStandard")).getBody().getVpnGatewayId();
        var one = client.describeVpnGateway(new DescribeVpnGatewayRequest().setRegionId(REGION)
                .setVpnGatewayId(chosen)).getBody();
        assertThat(one.getChargeType()).isEqualTo("Prepay");
        assertThat(one.getEndTime()).isEqualTo(one.getCreateTime());
        assertThat(one.getNetworkType()).isEqualTo("private");
        assertThat(one.getVpnType()).isEqualTo("NationalStandard");
        var listed = client.describeVpnGateways(new DescribeVpnGatewaysRequest().setRegionId(REGION)
                .setVpnGatewayId(chosen)).getBody().getVpnGateways().getVpnGateway().get(0);
        assertThat(listed.getChargeType()).isEqualTo("Prepay");
        assertThat(listed.getNetworkType()).isEqualTo("private");
        assertThat(listed.getVpnType()).isEqualTo("NationalStandard");

        // Alibaba reads these values exactly as it documents them: another case is another value.
        var wrongCase = Map.of("InstanceChargeType", new CreateVpnGatewayRequest().setInstanceChargeType("postpay"),
                "NetworkType", new CreateVpnGatewayRequest().setNetworkType("Public"),
                "VpnType", new CreateVpnGatewayRequest().setVpnType("normal"));
        for (var bad : wrongCase.entrySet()) {
            var e = failure(() -> client.createVpnGateway(bad.getValue().setRegionId(REGION).setVpcId(vpcId)
                    .setBandwidth(10)));
            assertThat(e.getCode()).as(bad.getKey()).isEqualTo("InvalidParameter");
            assertThat(e.getStatusCode()).isEqualTo(400);
            assertThat(e.getMessage()).contains("\"" + bad.getKey() + "\"");
        }
    }

    @Test
    void customerGatewayLifecycle() throws Exception {
        var created = client.createCustomerGateway(new CreateCustomerGatewayRequest().setRegionId(REGION)
                .setIpAddress("198.51.100.7").setName("cgw-life").setDescription("branch").setAsn("65100"))
                .getBody();
        String id = created.getCustomerGatewayId();
        assertThat(id).startsWith("cgw-");
        assertThat(created.getIpAddress()).isEqualTo("198.51.100.7");
        assertThat(created.getName()).isEqualTo("cgw-life");
        assertThat(created.getDescription()).isEqualTo("branch");
        assertThat(created.getCreateTime()).isPositive();

        var duplicate = failure(() -> client.createCustomerGateway(new CreateCustomerGatewayRequest()
                .setRegionId(REGION).setIpAddress("198.51.100.7")));
        assertThat(duplicate.getCode()).isEqualTo("InvalidIpAddress.AlreadyExist");
        assertThat(duplicate.getStatusCode()).isEqualTo(400);
        for (String bad : List.of("256.1.1.1", "not-an-ip", "198.51.100")) {
            var wrong = failure(() -> client.createCustomerGateway(new CreateCustomerGatewayRequest()
                    .setRegionId(REGION).setIpAddress(bad)));
            assertThat(wrong.getCode()).as(bad).isEqualTo("InvalidIpAddress.WrongFormat");
            assertThat(wrong.getStatusCode()).isEqualTo(400);
        }

        var modified = client.modifyCustomerGatewayAttribute(new ModifyCustomerGatewayAttributeRequest()
                .setRegionId(REGION).setCustomerGatewayId(id).setName("cgw-renamed").setDescription("moved"))
                .getBody();
        assertThat(modified.getCustomerGatewayId()).isEqualTo(id);
        assertThat(modified.getName()).isEqualTo("cgw-renamed");
        assertThat(modified.getDescription()).isEqualTo("moved");
        assertThat(modified.getIpAddress()).isEqualTo("198.51.100.7");
        assertThat(modified.getCreateTime()).isEqualTo(created.getCreateTime());
        var one = client.describeCustomerGateway(new DescribeCustomerGatewayRequest().setRegionId(REGION)
                .setCustomerGatewayId(id)).getBody();
        assertThat(one.getName()).isEqualTo("cgw-renamed");
        assertThat(one.getDescription()).isEqualTo("moved");
        assertThat(one.getAsn()).isEqualTo(65100L);
        var listed = client.describeCustomerGateways(new DescribeCustomerGatewaysRequest().setRegionId(REGION)
                .setCustomerGatewayId(id)).getBody();
        assertThat(listed.getTotalCount()).isEqualTo(1);
        assertThat(listed.getCustomerGateways().getCustomerGateway().get(0).getName()).isEqualTo("cgw-renamed");

        String gatewayId = fixtures.gateway();
        String connectionId = fixtures.connection(gatewayId, id, "uses-cgw");
        var inUse = failure(() -> client.deleteCustomerGateway(new DeleteCustomerGatewayRequest().setRegionId(REGION)
                .setCustomerGatewayId(id)));
        assertThat(inUse.getCode()).isEqualTo("DependencyViolation.VpnConnection");
        assertThat(inUse.getStatusCode()).isEqualTo(400);

        AliyunClients.awaitActiveConnection(client, connectionId);
        client.deleteVpnConnection(new DeleteVpnConnectionRequest().setRegionId(REGION)
                .setVpnConnectionId(connectionId));
        client.deleteCustomerGateway(new DeleteCustomerGatewayRequest().setRegionId(REGION).setCustomerGatewayId(id));
        var gone = failure(() -> client.describeCustomerGateway(new DescribeCustomerGatewayRequest()
                .setRegionId(REGION).setCustomerGatewayId(id)));
        assertThat(gone.getCode()).isEqualTo("InvalidCustomerGatewayInstanceId.NotFound");
        assertThat(gone.getStatusCode()).isEqualTo(404);
        // Its address is free again.
        assertThat(client.createCustomerGateway(new CreateCustomerGatewayRequest().setRegionId(REGION)
                .setIpAddress("198.51.100.7")).getBody().getCustomerGatewayId()).isNotEqualTo(id);
    }

    // Tags.

    private String resourceOf(String resourceType) throws Exception {
        return switch (resourceType) {
            case "VPNCONNECTION" -> fixtures.connection(fixtures.gateway(), fixtures.customerGateway(), "tagged");
            case "VpnGateWay" -> fixtures.gateway();
            case "CUSTOMERGATEWAY" -> fixtures.customerGateway();
            default -> throw new IllegalArgumentException(resourceType);
        };
    }

    /** The tags the resource's own Describe call shows, as key=value. */
    private List<String> describedTags(String resourceType, String id) throws Exception {
        List<? extends TeaModel> tags = switch (resourceType) {
            case "VPNCONNECTION" -> client.describeVpnConnection(new DescribeVpnConnectionRequest()
                    .setRegionId(REGION).setVpnConnectionId(id)).getBody().getTags().getTag();
            case "VpnGateWay" -> client.describeVpnGateway(new DescribeVpnGatewayRequest().setRegionId(REGION)
                    .setVpnGatewayId(id)).getBody().getTags().getTag();
            case "CUSTOMERGATEWAY" -> client.describeCustomerGateway(new DescribeCustomerGatewayRequest()
                    .setRegionId(REGION).setCustomerGatewayId(id)).getBody().getTags().getTag();
            default -> throw new IllegalArgumentException(resourceType);
        };
        return keyValuePairs(tags);
    }

    private static TagResourcesRequestTag tag(String key, String value) {
        return new TagResourcesRequestTag().setKey(key).setValue(value);
    }

    /**
     * The tags the plural Describe shows: lists take records from the store's record cache and the
     * Alibaba list's JSON cache, which a tag change must invalidate (it moves the revision).
     */
    private List<String> listedTags(String resourceType, String id) throws Exception {
        List<? extends TeaModel> tags = switch (resourceType) {
            case "VPNCONNECTION" -> client.describeVpnConnections(new DescribeVpnConnectionsRequest()
                    .setRegionId(REGION).setVpnConnectionId(id)).getBody().getVpnConnections().getVpnConnection()
                    .getFirst().getTag().getTag();
            case "VpnGateWay" -> client.describeVpnGateways(new DescribeVpnGatewaysRequest().setRegionId(REGION)
                    .setVpnGatewayId(id)).getBody().getVpnGateways().getVpnGateway().getFirst().getTags().getTag();
            case "CUSTOMERGATEWAY" -> client.describeCustomerGateways(new DescribeCustomerGatewaysRequest()
                    .setRegionId(REGION).setCustomerGatewayId(id)).getBody().getCustomerGateways()
                    .getCustomerGateway().getFirst().getTags().getTag();
            default -> throw new IllegalArgumentException(resourceType);
        };
        return keyValuePairs(tags);
    }

    private static List<String> keyValuePairs(List<? extends TeaModel> tags) {
        var pairs = new ArrayList<String>();
        for (TeaModel tag : tags) {
            Map<String, Object> map = tag.toMap();
            pairs.add(map.get("Key") + "=" + map.get("Value"));
        }
        return pairs;
    }

    private ListTagResourcesResponseBody listTags(String resourceType, String id) throws Exception {
        return client.listTagResources(new ListTagResourcesRequest().setRegionId(REGION)
                .setResourceType(resourceType).setResourceId(List.of(id))).getBody();
    }

    private static List<String> pairs(ListTagResourcesResponseBody body) {
        return body.getTagResources().getTagResource().stream().map(t -> t.getTagKey() + "=" + t.getTagValue())
                .toList();
    }

    @ParameterizedTest(name = "ResourceType={0}")
    @ValueSource(strings = {"VPNCONNECTION", "VpnGateWay", "CUSTOMERGATEWAY"})
    void tagUntagList(String resourceType) throws Exception {
        String id = resourceOf(resourceType);
        var tagged = client.tagResources(new TagResourcesRequest().setRegionId(REGION).setResourceType(resourceType)
                .setResourceId(List.of(id)).setTag(List.of(tag("env", "prod"), tag("owner", "net team"))))
                .getBody();
        assertThat(tagged.getRequestId()).isNotBlank();

        var listed = listTags(resourceType, id);
        assertThat(listed.getRequestId()).isNotBlank();
        assertThat(pairs(listed)).containsExactlyInAnyOrder("env=prod", "owner=net team");
        assertThat(listed.getTagResources().getTagResource()).allSatisfy(t -> {
            assertThat(t.getResourceId()).isEqualTo(id);
            assertThat(t.getResourceType()).isEqualToIgnoringCase(resourceType);
        });
        assertThat(listed.getNextToken()).isNullOrEmpty();
        assertThat(describedTags(resourceType, id)).containsExactlyInAnyOrder("env=prod", "owner=net team");
        assertThat(listedTags(resourceType, id)).containsExactlyInAnyOrder("env=prod", "owner=net team");

        // A repeated key takes the new value.
        client.tagResources(new TagResourcesRequest().setRegionId(REGION).setResourceType(resourceType)
                .setResourceId(List.of(id)).setTag(List.of(tag("env", "staging"))));
        assertThat(pairs(listTags(resourceType, id))).containsExactlyInAnyOrder("env=staging", "owner=net team");
        assertThat(listedTags(resourceType, id)).containsExactlyInAnyOrder("env=staging", "owner=net team");

        var byTag = client.listTagResources(new ListTagResourcesRequest().setRegionId(REGION)
                .setResourceType(resourceType).setTag(List.of(new ListTagResourcesRequest.ListTagResourcesRequestTag()
                        .setKey("owner").setValue("net team")))).getBody();
        assertThat(byTag.getTagResources().getTagResource())
                .extracting(ListTagResourcesResponseBodyTagResourcesTagResource::getResourceId).contains(id);

        var untagged = client.unTagResources(new UnTagResourcesRequest().setRegionId(REGION)
                .setResourceType(resourceType).setResourceId(List.of(id)).setTagKey(List.of("env"))).getBody();
        assertThat(untagged.getRequestId()).isNotBlank();
        assertThat(pairs(listTags(resourceType, id))).containsExactly("owner=net team");
        assertThat(describedTags(resourceType, id)).containsExactly("owner=net team");
        assertThat(listedTags(resourceType, id)).containsExactly("owner=net team");

        client.unTagResources(new UnTagResourcesRequest().setRegionId(REGION).setResourceType(resourceType)
                .setResourceId(List.of(id)).setAll(true));
        assertThat(listTags(resourceType, id).getTagResources().getTagResource()).isEmpty();
        assertThat(describedTags(resourceType, id)).isEmpty();
        assertThat(listedTags(resourceType, id)).isEmpty();
    }

    @Test
    void tagResourcesOnMissingResourceIsNotFound() {
        var e = failure(() -> client.tagResources(new TagResourcesRequest().setRegionId(REGION)
                .setResourceType("VPNCONNECTION").setResourceId(List.of("vco-doesnotexist"))
                .setTag(List.of(tag("env", "prod")))));
        assertThat(e.getCode()).isEqualTo("InvalidVpnConnectionInstanceId.NotFound");
        assertThat(e.getStatusCode()).isEqualTo(404);
    }

    @Test
    void listTagResourcesPages() throws Exception {
        String a = resourceOf("VPNCONNECTION");
        String b = resourceOf("VPNCONNECTION");
        var fiveTags = IntStream.rangeClosed(1, 5).mapToObj(i -> tag("k" + i, "v" + i)).toList();
        for (String id : List.of(a, b)) {
            client.tagResources(new TagResourcesRequest().setRegionId(REGION).setResourceType("VPNCONNECTION")
                    .setResourceId(List.of(id)).setTag(fiveTags));
        }

        var seen = new ArrayList<String>();
        String token = null;
        int pages = 0;
        do {
            var page = client.listTagResources(new ListTagResourcesRequest().setRegionId(REGION)
                    .setResourceType("VPNCONNECTION").setResourceId(List.of(a, b)).setMaxResults(3)
                    .setNextToken(token)).getBody();
            var rows = page.getTagResources().getTagResource();
            assertThat(rows.size()).isBetween(1, 3);
            rows.forEach(r -> seen.add(r.getResourceId() + ":" + r.getTagKey() + "=" + r.getTagValue()));
            token = page.getNextToken();
            pages++;
            assertThat(pages).as("paging ends").isLessThanOrEqualTo(4);
        } while (token != null && !token.isEmpty());
        assertThat(pages).isEqualTo(4);
        assertThat(seen).hasSize(10).doesNotHaveDuplicates();
        assertThat(seen).contains(a + ":k1=v1", a + ":k5=v5", b + ":k1=v1", b + ":k5=v5");

        var exact = client.listTagResources(new ListTagResourcesRequest().setRegionId(REGION)
                .setResourceType("VPNCONNECTION").setResourceId(List.of(a)).setMaxResults(5)).getBody();
        assertThat(exact.getTagResources().getTagResource()).hasSize(5);
        assertThat(exact.getNextToken()).as("no further page").isNullOrEmpty();

        var defaults = client.listTagResources(new ListTagResourcesRequest().setRegionId(REGION)
                .setResourceType("VPNCONNECTION").setResourceId(List.of(a, b))).getBody();
        assertThat(defaults.getTagResources().getTagResource()).hasSize(10);
        assertThat(defaults.getNextToken()).isNullOrEmpty();
    }

    @Test
    void twentyFirstTagIsRefused() throws Exception {
        String id = resourceOf("VPNCONNECTION");
        var twenty = IntStream.rangeClosed(1, 20).mapToObj(i -> tag("k" + i, "v")).toList();
        client.tagResources(new TagResourcesRequest().setRegionId(REGION).setResourceType("VPNCONNECTION")
                .setResourceId(List.of(id)).setTag(twenty));
        assertThat(listTags("VPNCONNECTION", id).getTagResources().getTagResource()).hasSize(20);

        // Re-tagging an existing key does not count as a new tag.
        client.tagResources(new TagResourcesRequest().setRegionId(REGION).setResourceType("VPNCONNECTION")
                .setResourceId(List.of(id)).setTag(List.of(tag("k1", "changed"))));

        var e = failure(() -> client.tagResources(new TagResourcesRequest().setRegionId(REGION)
                .setResourceType("VPNCONNECTION").setResourceId(List.of(id)).setTag(List.of(tag("k21", "v")))));
        assertThat(e.getCode()).isEqualTo("SizeLimitExceeded.TagNum");
        assertThat(e.getStatusCode()).isEqualTo(400);
        assertThat(listTags("VPNCONNECTION", id).getTagResources().getTagResource()).hasSize(20);

        String other = resourceOf("CUSTOMERGATEWAY");
        var twentyOne = IntStream.rangeClosed(1, 21).mapToObj(i -> tag("k" + i, "v")).toList();
        var inOneCall = failure(() -> client.tagResources(new TagResourcesRequest().setRegionId(REGION)
                .setResourceType("CUSTOMERGATEWAY").setResourceId(List.of(other)).setTag(twentyOne)));
        assertThat(inOneCall.getCode()).isEqualTo("SizeLimitExceeded.TagNum");
        assertThat(inOneCall.getStatusCode()).isEqualTo(400);
        assertThat(listTags("CUSTOMERGATEWAY", other).getTagResources().getTagResource()).isEmpty();
    }

    // Dual tunnel, through the old SDK's CommonRequest.

    private static CommonRequest common(String action) {
        return AliyunClients.common(VPND.aliyunEndpoint(), REGION, action);
    }

    private static void tunnel(CommonRequest r, int n, String role, String cgw, String psk, String ikeVersion,
            long asn, String cidr, String bgpIp) {
        String p = "TunnelOptionsSpecification." + n + ".";
        r.putQueryParameter(p + "Role", role);
        r.putQueryParameter(p + "CustomerGatewayId", cgw);
        r.putQueryParameter(p + "TunnelIkeConfig.Psk", psk);
        r.putQueryParameter(p + "TunnelIkeConfig.IkeVersion", ikeVersion);
        r.putQueryParameter(p + "TunnelBgpConfig.LocalAsn", String.valueOf(asn));
        r.putQueryParameter(p + "TunnelBgpConfig.TunnelCidr", cidr);
        r.putQueryParameter(p + "TunnelBgpConfig.LocalBgpIp", bgpIp);
    }

    private static CommonRequest createDualTunnel(String gatewayId) {
        var r = common("CreateVpnConnection");
        r.putQueryParameter("VpnGatewayId", gatewayId);
        r.putQueryParameter("LocalSubnet", "10.1.0.0/16");
        r.putQueryParameter("RemoteSubnet", "192.168.0.0/24");
        r.putQueryParameter("Name", "dual");
        return r;
    }

    @Test
    void dualTunnelThroughCommonRequest() throws Exception {
        IAcsClient old = AliyunClients.oldSdk();
        String gatewayId = fixtures.gateway();
        String cgw1 = fixtures.customerGateway();
        String cgw2 = fixtures.customerGateway();

        var create = createDualTunnel(gatewayId);
        tunnel(create, 1, "master", cgw1, "tunnel-one-psk", "ikev2", 65001, "169.254.11.0/30", "169.254.11.1");
        tunnel(create, 2, "slave", cgw2, "tunnel-two+psk/=", "ikev1", 65002, "169.254.12.0/30", "169.254.12.1");
        create.putQueryParameter("TunnelOptionsSpecification.1.TunnelIkeConfig.RemoteId", "peer-one.example");
        CommonResponse created = old.getCommonResponse(create);
        assertThat(created.getHttpStatus()).isEqualTo(200);
        JsonNode createdBody = JSON.readTree(created.getData());
        String id = createdBody.path("VpnConnectionId").asText();
        assertThat(id).startsWith("vco-");
        assertThat(createdBody.path("Name").asText()).isEqualTo("dual");
        assertThat(createdBody.path("RequestId").asText()).isNotBlank();

        var describe = common("DescribeVpnConnection");
        describe.putQueryParameter("VpnConnectionId", id);
        CommonResponse described = old.getCommonResponse(describe);
        assertThat(described.getHttpStatus()).isEqualTo(200);
        JsonNode body = JSON.readTree(described.getData());
        assertThat(body.path("VpnConnectionId").asText()).isEqualTo(id);
        JsonNode tunnels = body.path("TunnelOptionsSpecification").path("TunnelOptions");
        assertThat(tunnels.isArray()).as(described.getData()).isTrue();
        assertThat(tunnels).hasSize(2);
        JsonNode master = null;
        JsonNode slave = null;
        for (JsonNode t : tunnels) {
            if (t.path("Role").asText().equals("master")) {
                master = t;
            } else if (t.path("Role").asText().equals("slave")) {
                slave = t;
            }
        }
        assertThat(master).as("a master tunnel").isNotNull();
        assertThat(slave).as("a slave tunnel").isNotNull();
        assertThat(master.path("TunnelId").asText()).startsWith("tun-");
        assertThat(slave.path("TunnelId").asText()).startsWith("tun-").isNotEqualTo(master.path("TunnelId").asText());
        assertThat(master.path("CustomerGatewayId").asText()).isEqualTo(cgw1);
        assertThat(slave.path("CustomerGatewayId").asText()).isEqualTo(cgw2);
        assertThat(master.path("TunnelIkeConfig").path("Psk").asText()).isEqualTo("tunnel-one-psk");
        assertThat(slave.path("TunnelIkeConfig").path("Psk").asText()).isEqualTo("tunnel-two+psk/=");
        assertThat(master.path("TunnelIkeConfig").path("IkeVersion").asText()).isEqualTo("ikev2");
        assertThat(slave.path("TunnelIkeConfig").path("IkeVersion").asText()).isEqualTo("ikev1");
        assertThat(master.path("TunnelBgpConfig").path("LocalAsn").asText()).isEqualTo("65001");
        assertThat(slave.path("TunnelBgpConfig").path("LocalAsn").asText()).isEqualTo("65002");
        assertThat(master.path("TunnelBgpConfig").path("TunnelCidr").asText()).isEqualTo("169.254.11.0/30");
        assertThat(slave.path("TunnelBgpConfig").path("TunnelCidr").asText()).isEqualTo("169.254.12.0/30");
        assertThat(master.path("TunnelBgpConfig").path("LocalBgpIp").asText()).isEqualTo("169.254.11.1");
        assertThat(slave.path("TunnelBgpConfig").path("LocalBgpIp").asText()).isEqualTo("169.254.12.1");
        // What a user configures the customer gateways from: the gateway's address on both tunnels
        // (vpnd's gateway has one), identities defaulting to the two ends' addresses.
        String gatewayIp = client.describeVpnGateway(new DescribeVpnGatewayRequest().setRegionId(REGION)
                .setVpnGatewayId(gatewayId)).getBody().getInternetIp();
        assertThat(gatewayIp).isNotBlank();
        assertThat(master.path("TunnelIkeConfig").path("LocalId").asText()).isEqualTo(gatewayIp);
        assertThat(master.path("TunnelIkeConfig").path("RemoteId").asText()).as("as set")
                .isEqualTo("peer-one.example");
        assertThat(slave.path("TunnelIkeConfig").path("LocalId").asText()).isEqualTo(gatewayIp);
        assertThat(slave.path("TunnelIkeConfig").path("RemoteId").asText()).isEqualTo(customerGatewayIp(cgw2));
        for (JsonNode t : List.of(master, slave)) {
            assertThat(t.path("InternetIp").asText()).isEqualTo(gatewayIp);
            assertThat(t.path("ZoneNo").asText()).isEqualTo("cn-hangzhou-a");
            assertThat(t.path("TunnelIpsecConfig").isObject()).isTrue();
            assertThat(t.path("TunnelIkeConfig").path("IkeLifetime").asText()).isNotBlank();
            assertThat(t.path("State").asText()).as("a tunnel being set up").isEqualTo("updating");
            assertThat(t.path("Status").asText()).isNotBlank();
        }
        assertThat(body.path("ZoneNo").asText()).isEqualTo("cn-hangzhou-a");

        Thread.sleep(RunningVpnd.PROVISIONING_DELAY.toMillis() + 100);
        var list = common("DescribeVpnConnections");
        list.putQueryParameter("VpnGatewayId", gatewayId);
        JsonNode listed = JSON.readTree(old.getCommonResponse(list).getData()).path("VpnConnections")
                .path("VpnConnection");
        assertThat(listed).singleElement().satisfies(c -> {
            assertThat(c.path("TunnelOptionsSpecification").path("TunnelOptions")).hasSize(2).allSatisfy(t -> {
                assertThat(t.path("State").asText()).isEqualTo("active");
                assertThat(t.path("InternetIp").asText()).isEqualTo(gatewayIp);
                assertThat(t.path("TunnelIkeConfig").path("LocalId").asText()).isEqualTo(gatewayIp);
            });
        });

        // A customer gateway a tunnel uses cannot be deleted.
        var inUse = failure(() -> client.deleteCustomerGateway(new DeleteCustomerGatewayRequest().setRegionId(REGION)
                .setCustomerGatewayId(cgw2)));
        assertThat(inUse.getCode()).isEqualTo("DependencyViolation.VpnConnection");
    }

    /**
     * The reference returns TunnelOptionsSpecification for dual-tunnel connections only: clients
     * take its presence, even empty, for a dual-tunnel connection.
     */
    @Test
    void singleTunnelConnectionsHaveNoTunnelOptions() throws Exception {
        IAcsClient old = AliyunClients.oldSdk();
        String gatewayId = fixtures.gateway();
        String id = fixtures.connection(gatewayId, fixtures.customerGateway(), "single");
        var describe = common("DescribeVpnConnection");
        describe.putQueryParameter("VpnConnectionId", id);
        JsonNode one = JSON.readTree(old.getCommonResponse(describe).getData());
        assertThat(one.path("VpnConnectionId").asText()).isEqualTo(id);
        assertThat(one.has("TunnelOptionsSpecification")).as(one.toString()).isFalse();
        var list = common("DescribeVpnConnections");
        list.putQueryParameter("VpnGatewayId", gatewayId);
        JsonNode listed = JSON.readTree(old.getCommonResponse(list).getData()).path("VpnConnections")
                .path("VpnConnection");
        assertThat(listed).singleElement().satisfies(c -> {
            assertThat(c.path("VpnConnectionId").asText()).isEqualTo(id);
            assertThat(c.has("TunnelOptionsSpecification")).isFalse();
        });
    }

    private String customerGatewayIp(String id) throws Exception {
        return client.describeCustomerGateway(new DescribeCustomerGatewayRequest().setRegionId(REGION)
                .setCustomerGatewayId(id)).getBody().getIpAddress();
    }

    @Test
    void dualTunnelNeedsTwoTunnels() throws Exception {
        IAcsClient old = AliyunClients.oldSdk();
        String gatewayId = fixtures.gateway();
        var create = createDualTunnel(gatewayId);
        tunnel(create, 1, "master", fixtures.customerGateway(), "only-one-psk", "ikev2", 65001, "169.254.11.0/30",
                "169.254.11.1");
        var e = catchThrowableOfType(ClientException.class, () -> old.getCommonResponse(create));
        assertThat(e).isExactlyInstanceOf(ClientException.class);
        assertThat(e.getErrCode()).isEqualTo("InvalidParameter");
        assertThat(e.getRequestId()).isNotBlank();

        var page = client.describeVpnConnections(new com.aliyun.vpc20160428.models.DescribeVpnConnectionsRequest()
                .setRegionId(REGION).setVpnGatewayId(gatewayId)).getBody();
        assertThat(page.getTotalCount()).as("nothing created").isZero();
    }
}
