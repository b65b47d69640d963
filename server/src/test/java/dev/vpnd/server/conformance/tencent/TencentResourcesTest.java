package dev.vpnd.server.conformance.tencent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.vpc.v20170312.VpcClient;
import com.tencentcloudapi.vpc.v20170312.models.CreateCustomerGatewayRequest;
import com.tencentcloudapi.vpc.v20170312.models.CreateVpcRequest;
import com.tencentcloudapi.vpc.v20170312.models.CreateVpnConnectionRequest;
import com.tencentcloudapi.vpc.v20170312.models.CreateVpnGatewayRequest;
import com.tencentcloudapi.vpc.v20170312.models.DeleteCustomerGatewayRequest;
import com.tencentcloudapi.vpc.v20170312.models.DeleteVpcRequest;
import com.tencentcloudapi.vpc.v20170312.models.DeleteVpnGatewayRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeCustomerGatewaysRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeVpcsRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeVpnGatewaysRequest;
import com.tencentcloudapi.vpc.v20170312.models.Filter;
import com.tencentcloudapi.vpc.v20170312.models.FilterObject;
import com.tencentcloudapi.vpc.v20170312.models.ModifyCustomerGatewayAttributeRequest;
import com.tencentcloudapi.vpc.v20170312.models.ModifyVpnGatewayAttributeRequest;
import com.tencentcloudapi.vpc.v20170312.models.Tag;
import dev.vpnd.server.RunningVpnd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** VPCs, VPN gateways and customer gateways through the SDK: every field, filters, modify, dependencies. */
class TencentResourcesTest {
    @RegisterExtension
    static final RunningVpnd VPND = new RunningVpnd();

    private final VpcClient client = TencentClients.tc3(VPND.tencentEndpoint());

    @Test
    void vpcLifecycle() throws Exception {
        var create = new CreateVpcRequest();
        create.setVpcName("prod");
        create.setCidrBlock("10.8.0.0/16");
        create.setEnableMulticast("true");
        create.setDnsServers(new String[] {"10.8.0.2"});
        create.setDomainName("corp.example");
        var tag = new Tag();
        tag.setKey("team");
        tag.setValue("net");
        create.setTags(new Tag[] {tag});
        var vpc = client.CreateVpc(create).getVpc();
        assertThat(vpc.getVpcId()).matches("vpc-[0-9a-z]{8}");
        assertThat(vpc.getVpcName()).isEqualTo("prod");
        assertThat(vpc.getCidrBlock()).isEqualTo("10.8.0.0/16");
        assertThat(vpc.getIsDefault()).isFalse();
        assertThat(vpc.getEnableMulticast()).isTrue();
        assertThat(vpc.getDnsServerSet()).containsExactly("10.8.0.2");
        assertThat(vpc.getDomainName()).isEqualTo("corp.example");
        assertThat(vpc.getCreatedTime()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
        assertThat(vpc.getTagSet()).singleElement().satisfies(t -> assertThat(t.getValue()).isEqualTo("net"));

        var byName = new DescribeVpcsRequest();
        byName.setFilters(new Filter[] {filter("vpc-name", "prod")});
        var found = client.DescribeVpcs(byName);
        assertThat(found.getTotalCount()).isEqualTo(1L);
        assertThat(found.getVpcSet()[0].getVpcId()).isEqualTo(vpc.getVpcId());
        var byTag = new DescribeVpcsRequest();
        byTag.setFilters(new Filter[] {filter("tag:team", "net")});
        assertThat(client.DescribeVpcs(byTag).getTotalCount()).isEqualTo(1L);
        var byDefault = new DescribeVpcsRequest();
        byDefault.setFilters(new Filter[] {filter("is-default", "true")});
        assertThat(client.DescribeVpcs(byDefault).getTotalCount()).isZero();

        var gateway = new TencentFixtures(client).gateway(vpc.getVpcId());
        var delete = new DeleteVpcRequest();
        delete.setVpcId(vpc.getVpcId());
        assertThat(error(() -> client.DeleteVpc(delete)).getErrorCode()).isEqualTo("ResourceInUse");
        var deleteGateway = new DeleteVpnGatewayRequest();
        deleteGateway.setVpnGatewayId(gateway);
        TencentClients.awaitAvailableGateway(client, gateway);
        client.DeleteVpnGateway(deleteGateway);
        client.DeleteVpc(delete);
        assertThat(error(() -> client.DeleteVpc(delete)).getErrorCode()).isEqualTo("ResourceNotFound");
    }

    @Test
    void vpnGatewayFieldsFiltersAndModify() throws Exception {
        String vpcId = new TencentFixtures(client).vpc();
        var create = new CreateVpnGatewayRequest();
        create.setVpcId(vpcId);
        create.setVpnGatewayName("edge");
        create.setInternetMaxBandwidthOut(50L);
        create.setZone("ap-guangzhou-3");
        create.setBgpAsn(64512L);
        var gateway = client.CreateVpnGateway(create).getVpnGateway();
        assertThat(gateway.getVpnGatewayId()).matches("vpngw-[0-9a-z]{8}");
        assertThat(gateway.getVpcId()).isEqualTo(vpcId);
        assertThat(gateway.getType()).isEqualTo("IPSEC");
        assertThat(gateway.getState()).isEqualTo("PENDING");
        assertThat(gateway.getPublicIpAddress()).startsWith("100.");
        assertThat(gateway.getInstanceChargeType()).isEqualTo("POSTPAID_BY_HOUR");
        assertThat(gateway.getInternetMaxBandwidthOut()).isEqualTo(50L);
        assertThat(gateway.getZone()).isEqualTo("ap-guangzhou-3");
        assertThat(gateway.getBgpAsn()).isEqualTo(64512L);
        assertThat(gateway.getRestrictState()).isEqualTo("NORMAL");
        assertThat(gateway.getIsAddressBlocked()).isFalse();

        var byVpc = new DescribeVpnGatewaysRequest();
        byVpc.setFilters(new FilterObject[] {filterObject("vpc-id", vpcId), filterObject("type", "IPSEC")});
        var found = client.DescribeVpnGateways(byVpc);
        assertThat(found.getTotalCount()).isEqualTo(1L);
        assertThat(found.getVpnGatewaySet()[0].getCreatedTime()).isEqualTo(gateway.getCreatedTime());
        var byAddress = new DescribeVpnGatewaysRequest();
        byAddress.setFilters(new FilterObject[] {filterObject("public-ip-address", gateway.getPublicIpAddress())});
        assertThat(client.DescribeVpnGateways(byAddress).getVpnGatewaySet()).singleElement()
                .satisfies(g -> assertThat(g.getVpnGatewayId()).isEqualTo(gateway.getVpnGatewayId()));
        var ssl = new DescribeVpnGatewaysRequest();
        ssl.setFilters(new FilterObject[] {filterObject("vpc-id", vpcId), filterObject("type", "SSL")});
        assertThat(client.DescribeVpnGateways(ssl).getTotalCount()).isZero();

        var modify = new ModifyVpnGatewayAttributeRequest();
        modify.setVpnGatewayId(gateway.getVpnGatewayId());
        modify.setVpnGatewayName("edge-2");
        assertThat(error(() -> client.ModifyVpnGatewayAttribute(modify)).getErrorCode()).as("modified while PENDING")
                .isEqualTo("UnsupportedOperation.InvalidState");
        TencentClients.awaitAvailableGateway(client, gateway.getVpnGatewayId());
        client.ModifyVpnGatewayAttribute(modify);
        var byId = new DescribeVpnGatewaysRequest();
        byId.setVpnGatewayIds(new String[] {gateway.getVpnGatewayId()});
        assertThat(client.DescribeVpnGateways(byId).getVpnGatewaySet()[0].getVpnGatewayName()).isEqualTo("edge-2");

        var badBandwidth = new CreateVpnGatewayRequest();
        badBandwidth.setVpcId(vpcId);
        badBandwidth.setVpnGatewayName("x");
        badBandwidth.setInternetMaxBandwidthOut(7L);
        assertThat(error(() -> client.CreateVpnGateway(badBandwidth)).getErrorCode())
                .isEqualTo("InvalidParameterValue");
    }

    /** vpnd's gateways are all pay-as-you-go: prepaid is refused on create and modify, other words are invalid. */
    @Test
    void chargeTypesAreReadExactly() throws Exception {
        String vpcId = new TencentFixtures(client).vpc();
        var prepaid = new CreateVpnGatewayRequest();
        prepaid.setVpcId(vpcId);
        prepaid.setVpnGatewayName("prepaid");
        prepaid.setInternetMaxBandwidthOut(5L);
        prepaid.setInstanceChargeType("PREPAID");
        assertThat(error(() -> client.CreateVpnGateway(prepaid)).getErrorCode()).isEqualTo("UnsupportedOperation");
        prepaid.setInstanceChargeType("postpaid_by_hour");
        assertThat(error(() -> client.CreateVpnGateway(prepaid)).getErrorCode()).isEqualTo("InvalidParameterValue");
        prepaid.setInstanceChargeType("POSTPAID_BY_HOUR");
        var gateway = client.CreateVpnGateway(prepaid).getVpnGateway();
        assertThat(gateway.getInstanceChargeType()).isEqualTo("POSTPAID_BY_HOUR");
        TencentClients.awaitAvailableGateway(client, gateway.getVpnGatewayId());

        var modify = new ModifyVpnGatewayAttributeRequest();
        modify.setVpnGatewayId(gateway.getVpnGatewayId());
        modify.setInstanceChargeType("PREPAID");
        assertThat(error(() -> client.ModifyVpnGatewayAttribute(modify)).getErrorCode())
                .isEqualTo("InvalidParameterValue");
        modify.setInstanceChargeType("POSTPAID_BY_HOUR");
        client.ModifyVpnGatewayAttribute(modify);
        var byId = new DescribeVpnGatewaysRequest();
        byId.setVpnGatewayIds(new String[] {gateway.getVpnGatewayId()});
        assertThat(client.DescribeVpnGateways(byId).getVpnGatewaySet()[0].getInstanceChargeType())
                .isEqualTo("POSTPAID_BY_HOUR");
    }

    @Test
    void customerGatewaysAndTheirDependencies() throws Exception {
        var fixtures = new TencentFixtures(client);
        String gateway = fixtures.gateway(fixtures.vpc());
        var create = new CreateCustomerGatewayRequest();
        create.setCustomerGatewayName("idc-1");
        create.setIpAddress(TencentFixtures.nextAddress());
        create.setBgpAsn(65001L);
        var peer = client.CreateCustomerGateway(create).getCustomerGateway();
        assertThat(peer.getCustomerGatewayId()).matches("cgw-[0-9a-z]{8}");
        assertThat(peer.getBgpAsn()).isEqualTo(65001L);
        assertThat(error(() -> client.CreateCustomerGateway(create)).getErrorCode())
                .isEqualTo("UnsupportedOperation.RecordExists");

        var modify = new ModifyCustomerGatewayAttributeRequest();
        modify.setCustomerGatewayId(peer.getCustomerGatewayId());
        modify.setCustomerGatewayName("idc-renamed");
        client.ModifyCustomerGatewayAttribute(modify);
        var byAddress = new DescribeCustomerGatewaysRequest();
        byAddress.setFilters(new Filter[] {filter("ip-address", peer.getIpAddress())});
        var found = client.DescribeCustomerGateways(byAddress);
        assertThat(found.getTotalCount()).isEqualTo(1L);
        assertThat(found.getCustomerGatewaySet()[0].getCustomerGatewayName()).isEqualTo("idc-renamed");
        assertThat(found.getCustomerGatewaySet()[0].getCreatedTime()).isEqualTo(peer.getCreatedTime());

        var connection = new CreateVpnConnectionRequest();
        connection.setVpnGatewayId(gateway);
        connection.setCustomerGatewayId(peer.getCustomerGatewayId());
        connection.setVpnConnectionName("c");
        connection.setPreShareKey("k");
        client.CreateVpnConnection(connection);
        assertThat(error(() -> client.CreateVpnConnection(connection)).getErrorCode())
                .isEqualTo("InvalidParameterValue.Duplicate");
        var delete = new DeleteCustomerGatewayRequest();
        delete.setCustomerGatewayId(peer.getCustomerGatewayId());
        assertThat(error(() -> client.DeleteCustomerGateway(delete)).getErrorCode()).isEqualTo("ResourceInUse");
        var deleteGateway = new DeleteVpnGatewayRequest();
        deleteGateway.setVpnGatewayId(gateway);
        TencentClients.awaitAvailableGateway(client, gateway);
        assertThat(error(() -> client.DeleteVpnGateway(deleteGateway)).getErrorCode()).isEqualTo("ResourceInUse");
    }

    @Test
    void unknownIdsAreNotFoundAndMalformedOnesMalformed() {
        var delete = new DeleteVpnGatewayRequest();
        delete.setVpnGatewayId("vpngw-zzzzzzzz");
        assertThat(error(() -> client.DeleteVpnGateway(delete)).getErrorCode()).isEqualTo("ResourceNotFound");
        delete.setVpnGatewayId("vpn-12345678");
        assertThat(error(() -> client.DeleteVpnGateway(delete)).getErrorCode())
                .isEqualTo("InvalidParameterValue.Malformed");
        var create = new CreateVpnGatewayRequest();
        create.setVpcId("vpc-zzzzzzzz");
        create.setVpnGatewayName("x");
        create.setInternetMaxBandwidthOut(5L);
        assertThat(error(() -> client.CreateVpnGateway(create)).getErrorCode()).isEqualTo("ResourceNotFound");
    }

    @Test
    void requiredParametersAreMissingParameter() throws Exception {
        var noCidr = new CreateVpcRequest();
        noCidr.setVpcName("x");
        assertThat(error(() -> client.CreateVpc(noCidr)).getErrorCode()).isEqualTo("MissingParameter");
        var fixtures = new TencentFixtures(client);
        String gateway = fixtures.gateway(fixtures.vpc());
        var noKey = new CreateVpnConnectionRequest();
        noKey.setVpnGatewayId(gateway);
        noKey.setCustomerGatewayId(fixtures.customerGateway());
        noKey.setVpnConnectionName("no-key");
        assertThat(error(() -> client.CreateVpnConnection(noKey)).getErrorCode()).isEqualTo("MissingParameter");
        noKey.setPreShareKey("k");
        String id = client.CreateVpnConnection(noKey).getVpnConnection().getVpnConnectionId();
        var noGateway = new com.tencentcloudapi.vpc.v20170312.models.DeleteVpnConnectionRequest();
        noGateway.setVpnConnectionId(id);
        assertThat(error(() -> client.DeleteVpnConnection(noGateway)).getErrorCode()).isEqualTo("MissingParameter");
        var otherGateway = new com.tencentcloudapi.vpc.v20170312.models.DeleteVpnConnectionRequest();
        otherGateway.setVpnConnectionId(id);
        otherGateway.setVpnGatewayId(fixtures.gateway(fixtures.vpc()));
        assertThat(error(() -> client.DeleteVpnConnection(otherGateway)).getErrorCode())
                .isEqualTo("ResourceNotFound");
    }

    private static Filter filter(String name, String... values) {
        var filter = new Filter();
        filter.setName(name);
        filter.setValues(values);
        return filter;
    }

    private static FilterObject filterObject(String name, String... values) {
        var filter = new FilterObject();
        filter.setName(name);
        filter.setValues(values);
        return filter;
    }

    interface Call {
        void run() throws Exception;
    }

    static TencentCloudSDKException error(Call call) {
        var e = catchThrowableOfType(TencentCloudSDKException.class, call::run);
        assertThat(e).as("an error").isNotNull();
        assertThat(e.getRequestId()).isNotEmpty();
        return e;
    }
}
