package dev.vpnd.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyun.tea.TeaException;
import com.aliyun.vpc20160428.Client;
import com.aliyun.vpc20160428.models.CreateVpnConnectionRequest;
import com.aliyun.vpc20160428.models.DeleteVpnGatewayRequest;
import com.aliyun.vpc20160428.models.DescribeVpnConnectionsRequest;
import com.aliyun.vpc20160428.models.DescribeVpnGatewaysRequest;
import com.aliyun.vpc20160428.models.ListTagResourcesRequest;
import com.aliyun.vpc20160428.models.TagResourcesRequest;
import com.aliyun.vpc20160428.models.TagResourcesRequest.TagResourcesRequestTag;
import com.aliyuncs.AcsRequest;
import com.aliyuncs.AcsResponse;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.exceptions.ErrorType;
import com.aliyuncs.http.ProtocolType;
import dev.vpnd.core.model.AccessKey;
import dev.vpnd.server.RunningVpnd;
import dev.vpnd.server.security.KeyStyle;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A read-only key stands for a sub-user allowed to read only: Describe calls answer, writes answer
 * 403 {@code Forbbiden.SubUser} (sic, as the cloud spells it) and change nothing.
 */
class ReadOnlyKeyTest {
    @RegisterExtension
    static final RunningVpnd VPND = new RunningVpnd();

    private static final String REGION = AliyunClients.REGION;
    private static final String FORBIDDEN = "Forbbiden.SubUser";

    private static Client admin;
    private static AccessKey readOnlyKey;
    private static String gatewayId;
    private static String spareCustomerGatewayId;
    private static String connectionId;

    @BeforeAll
    static void createResources() throws Exception {
        admin = AliyunClients.newSdk(VPND.aliyunEndpoint(), false);
        var fixtures = new AliyunFixtures(admin);
        gatewayId = fixtures.gateway();
        connectionId = fixtures.connection(gatewayId, fixtures.customerGateway(), "ro");
        spareCustomerGatewayId = fixtures.customerGateway();
        readOnlyKey = VPND.services().accounts().createKey("demo", true, KeyStyle.ALIYUN.shape());
    }

    /** Whatever was refused, the account's resources are exactly as before. */
    @AfterEach
    void nothingChanged() throws Exception {
        var connections = admin.describeVpnConnections(new DescribeVpnConnectionsRequest().setRegionId(REGION))
                .getBody();
        assertThat(connections.getTotalCount()).isEqualTo(1);
        assertThat(connections.getVpnConnections().getVpnConnection().get(0).getVpnConnectionId())
                .isEqualTo(connectionId);
        var gateways = admin.describeVpnGateways(new DescribeVpnGatewaysRequest().setRegionId(REGION)).getBody();
        assertThat(gateways.getTotalCount()).isEqualTo(1);
        var tags = admin.listTagResources(new ListTagResourcesRequest().setRegionId(REGION)
                .setResourceType("VPNCONNECTION").setResourceId(List.of(connectionId))).getBody();
        assertThat(tags.getTagResources().getTagResource()).isEmpty();
    }

    private static Client newSdk(boolean v2) throws Exception {
        return AliyunClients.newSdk(VPND.aliyunEndpoint(), v2, readOnlyKey.id(), readOnlyKey.secret().value());
    }

    private static void assertForbidden(TeaException e) {
        assertThat(e).isNotNull();
        assertThat(e.getCode()).isEqualTo(FORBIDDEN);
        assertThat(e.getStatusCode()).isEqualTo(403);
    }

    @Test
    void newSdkReads() throws Exception {
        for (boolean v2 : new boolean[] {false, true}) {
            var client = newSdk(v2);
            var connections = client.describeVpnConnections(new DescribeVpnConnectionsRequest().setRegionId(REGION)
                    .setVpnGatewayId(gatewayId)).getBody();
            assertThat(connections.getTotalCount()).isEqualTo(1);
            assertThat(connections.getVpnConnections().getVpnConnection().get(0).getVpnConnectionId())
                    .isEqualTo(connectionId);
            var gateways = client.describeVpnGateways(new DescribeVpnGatewaysRequest().setRegionId(REGION)).getBody();
            assertThat(gateways.getTotalCount()).isEqualTo(1);
            assertThat(gateways.getVpnGateways().getVpnGateway().get(0).getVpnGatewayId()).isEqualTo(gatewayId);
        }
    }

    @Test
    void newSdkCannotCreateConnection() throws Exception {
        var client = newSdk(false);
        assertForbidden(catchThrowableOfType(TeaException.class, () -> client.createVpnConnection(
                new CreateVpnConnectionRequest().setRegionId(REGION).setVpnGatewayId(gatewayId)
                        .setCustomerGatewayId(spareCustomerGatewayId).setLocalSubnet("10.1.0.0/16")
                        .setRemoteSubnet("192.168.9.0/24"))));
    }

    @Test
    void newSdkCannotDeleteGateway() throws Exception {
        var client = newSdk(true);
        assertForbidden(catchThrowableOfType(TeaException.class, () -> client.deleteVpnGateway(
                new DeleteVpnGatewayRequest().setRegionId(REGION).setVpnGatewayId(gatewayId))));
    }

    @Test
    void newSdkCannotTag() throws Exception {
        var client = newSdk(false);
        assertForbidden(catchThrowableOfType(TeaException.class, () -> client.tagResources(new TagResourcesRequest()
                .setRegionId(REGION).setResourceType("VPNCONNECTION").setResourceId(List.of(connectionId))
                .setTag(List.of(new TagResourcesRequestTag().setKey("env").setValue("prod"))))));
    }

    private static IAcsClient oldSdk() {
        return AliyunClients.oldSdk(readOnlyKey.id(), readOnlyKey.secret().value());
    }

    private static <R extends AcsResponse> R oldCall(AcsRequest<R> request) throws ClientException {
        request.setSysEndpoint(VPND.aliyunEndpoint());
        request.setSysProtocol(ProtocolType.HTTP);
        return oldSdk().getAcsResponse(request);
    }

    private static void assertOldForbidden(AcsRequest<?> request) {
        var e = catchThrowableOfType(ClientException.class, () -> oldCall(request));
        assertThat(e).isExactlyInstanceOf(ClientException.class);
        assertThat(e.getErrCode()).isEqualTo(FORBIDDEN);
        assertThat(e.getErrorType()).isEqualTo(ErrorType.Client);
        assertThat(e.getRequestId()).isNotBlank();
    }

    @Test
    void oldSdkReads() throws Exception {
        var connections = new com.aliyuncs.vpc.model.v20160428.DescribeVpnConnectionsRequest();
        connections.setVpnGatewayId(gatewayId);
        var page = oldCall(connections);
        assertThat(page.getTotalCount()).isEqualTo(1);
        assertThat(page.getVpnConnections().get(0).getVpnConnectionId()).isEqualTo(connectionId);
        var gateways = oldCall(new com.aliyuncs.vpc.model.v20160428.DescribeVpnGatewaysRequest());
        assertThat(gateways.getTotalCount()).isEqualTo(1);
        assertThat(gateways.getVpnGateways().get(0).getVpnGatewayId()).isEqualTo(gatewayId);
    }

    @Test
    void oldSdkCannotCreateConnection() {
        var create = new com.aliyuncs.vpc.model.v20160428.CreateVpnConnectionRequest();
        create.setVpnGatewayId(gatewayId);
        create.setCustomerGatewayId(spareCustomerGatewayId);
        create.setLocalSubnet("10.1.0.0/16");
        create.setRemoteSubnet("192.168.9.0/24");
        assertOldForbidden(create);
    }

    @Test
    void oldSdkCannotDeleteGateway() {
        var delete = new com.aliyuncs.vpc.model.v20160428.DeleteVpnGatewayRequest();
        delete.setVpnGatewayId(gatewayId);
        assertOldForbidden(delete);
    }

    @Test
    void oldSdkCannotTag() {
        var tag = new com.aliyuncs.vpc.model.v20160428.TagResourcesRequest();
        tag.setResourceType("VPNCONNECTION");
        tag.setResourceIds(List.of(connectionId));
        var t = new com.aliyuncs.vpc.model.v20160428.TagResourcesRequest.Tag();
        t.setKey("env");
        t.setValue("prod");
        tag.setTags(List.of(t));
        assertOldForbidden(tag);
    }
}
