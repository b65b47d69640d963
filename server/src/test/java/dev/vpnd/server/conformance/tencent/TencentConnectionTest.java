package dev.vpnd.server.conformance.tencent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.vpc.v20170312.VpcClient;
import com.tencentcloudapi.vpc.v20170312.models.BgpConfig;
import com.tencentcloudapi.vpc.v20170312.models.CreateVpnConnectionRequest;
import com.tencentcloudapi.vpc.v20170312.models.DeleteVpnConnectionRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeVpnConnectionsRequest;
import com.tencentcloudapi.vpc.v20170312.models.HealthCheckConfig;
import com.tencentcloudapi.vpc.v20170312.models.IKEOptionsSpecification;
import com.tencentcloudapi.vpc.v20170312.models.IPSECOptionsSpecification;
import com.tencentcloudapi.vpc.v20170312.models.ModifyVpnConnectionAttributeRequest;
import com.tencentcloudapi.vpc.v20170312.models.SecurityPolicyDatabase;
import com.tencentcloudapi.vpc.v20170312.models.Tag;
import com.tencentcloudapi.vpc.v20170312.models.VpnConnection;
import dev.vpnd.server.RunningVpnd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tencent's Java SDK drives an IPsec connection through its life, with each way it can sign. */
class TencentConnectionTest {
    @RegisterExtension
    static final RunningVpnd VPND = new RunningVpnd();

    @ParameterizedTest(name = "{0} over {1}")
    @CsvSource({"TC3-HMAC-SHA256, POST", "TC3-HMAC-SHA256, GET", "HmacSHA256, POST", "HmacSHA1, GET"})
    // The SDK deprecates IntegrityAlgorith, Tencent's misspelt field, which vpnd still accepts and answers.
    @SuppressWarnings("deprecation")
    void createDescribeModifyDelete(String signMethod, String httpMethod) throws Exception {
        VpcClient client = TencentClients.client(VPND.tencentEndpoint(), "AKIDdemoSecretId", "demoSecretKey",
                signMethod, httpMethod);
        var fixtures = new TencentFixtures(client);
        String vpcId = fixtures.vpc();
        String gatewayId = fixtures.gateway(vpcId);
        String peerId = fixtures.customerGateway();

        var request = new CreateVpnConnectionRequest();
        request.setVpnGatewayId(gatewayId);
        request.setCustomerGatewayId(peerId);
        request.setVpcId(vpcId);
        request.setVpnConnectionName("通道 é/1");
        request.setPreShareKey("s3cr3t-psk");
        request.setSecurityPolicyDatabases(new SecurityPolicyDatabase[] {
                spd("10.0.0.0/24", "172.16.0.0/16", "172.17.0.0/16"), spd("10.0.1.0/24", "172.18.0.0/16")});
        var ike = new IKEOptionsSpecification();
        ike.setPropoEncryAlgorithm("AES-CBC-256");
        ike.setPropoAuthenAlgorithm("SHA-256");
        ike.setExchangeMode("AGGRESSIVE");
        ike.setLocalIdentity("ADDRESS");
        ike.setRemoteIdentity("FQDN");
        ike.setRemoteFqdnName("branch.example");
        ike.setDhGroupName("GROUP14");
        ike.setIKESaLifetimeSeconds(3600L);
        ike.setIKEVersion("IKEV2");
        request.setIKEOptionsSpecification(ike);
        var ipsec = new IPSECOptionsSpecification();
        ipsec.setEncryptAlgorithm("AES128GCM128");
        ipsec.setIntegrityAlgorith("SHA-256");
        ipsec.setPfsDhGroup("DH-GROUP2");
        ipsec.setIPSECSaLifetimeSeconds(1800L);
        ipsec.setIPSECSaLifetimeTraffic(1843200L);
        request.setIPSECOptionsSpecification(ipsec);
        var tag = new Tag();
        tag.setKey("env");
        tag.setValue("test");
        request.setTags(new Tag[] {tag});
        request.setEnableHealthCheck(true);
        request.setHealthCheckLocalIp("169.254.128.1");
        request.setHealthCheckRemoteIp("169.254.128.2");
        var probe = new HealthCheckConfig();
        probe.setProbeInterval(3000L);
        probe.setProbeThreshold(5L);
        probe.setProbeTimeout(500L);
        request.setHealthCheckConfig(probe);
        request.setNegotiationType("passive");
        request.setRouteType("StaticRoute");
        request.setDpdEnable(1L);
        request.setDpdTimeout("45");
        request.setDpdAction("restart");
        var bgp = new BgpConfig();
        bgp.setTunnelCidr("169.254.10.0/30");
        bgp.setLocalBgpIp("169.254.10.1");
        bgp.setRemoteBgpIp("169.254.10.2");
        request.setBgpConfig(bgp);

        VpnConnection created = client.CreateVpnConnection(request).getVpnConnection();
        assertThat(created.getVpnConnectionId()).matches("vpnx-[0-9a-z]{8}");
        assertThat(created.getState()).isEqualTo("PENDING");

        VpnConnection c = describeOne(client, created.getVpnConnectionId());
        assertThat(c.getVpnConnectionName()).isEqualTo("通道 é/1");
        assertThat(c.getVpcId()).isEqualTo(vpcId);
        assertThat(c.getVpnGatewayId()).isEqualTo(gatewayId);
        assertThat(c.getCustomerGatewayId()).isEqualTo(peerId);
        assertThat(c.getPreShareKey()).isEqualTo("s3cr3t-psk");
        assertThat(c.getVpnProto()).isEqualTo("IPSEC");
        assertThat(c.getEncryptProto()).isEqualTo("IKE");
        assertThat(c.getRouteType()).isEqualTo("StaticRoute");
        assertThat(c.getCreatedTime()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}")
                .isEqualTo(created.getCreatedTime());
        assertThat(c.getNetStatus()).isEqualTo("UNAVAILABLE");
        assertThat(c.getSecurityPolicyDatabaseSet()).hasSize(2);
        assertThat(c.getSecurityPolicyDatabaseSet()[0].getLocalCidrBlock()).isEqualTo("10.0.0.0/24");
        assertThat(c.getSecurityPolicyDatabaseSet()[0].getRemoteCidrBlock())
                .containsExactly("172.16.0.0/16", "172.17.0.0/16");
        assertThat(c.getSecurityPolicyDatabaseSet()[1].getRemoteCidrBlock()).containsExactly("172.18.0.0/16");
        var i = c.getIKEOptionsSpecification();
        assertThat(i.getPropoEncryAlgorithm()).isEqualTo("AES-CBC-256");
        assertThat(i.getPropoAuthenAlgorithm()).isEqualTo("SHA-256");
        assertThat(i.getExchangeMode()).isEqualTo("AGGRESSIVE");
        assertThat(i.getLocalIdentity()).isEqualTo("ADDRESS");
        assertThat(i.getLocalAddress()).startsWith("100.");
        assertThat(i.getRemoteIdentity()).isEqualTo("FQDN");
        assertThat(i.getRemoteFqdnName()).isEqualTo("branch.example");
        assertThat(i.getRemoteAddress()).isEmpty();
        assertThat(i.getDhGroupName()).isEqualTo("GROUP14");
        assertThat(i.getIKESaLifetimeSeconds()).isEqualTo(3600L);
        assertThat(i.getIKEVersion()).isEqualTo("IKEV2");
        var p = c.getIPSECOptionsSpecification();
        assertThat(p.getEncryptAlgorithm()).isEqualTo("AES128GCM128");
        assertThat(p.getIntegrityAlgorith()).isEqualTo("SHA-256");
        assertThat(p.getIntegrityAlgorithm()).isEqualTo("SHA-256");
        assertThat(p.getPfsDhGroup()).isEqualTo("DH-GROUP2");
        assertThat(p.getIPSECSaLifetimeSeconds()).isEqualTo(1800L);
        assertThat(p.getIPSECSaLifetimeTraffic()).isEqualTo(1843200L);
        assertThat(c.getEnableHealthCheck()).isTrue();
        assertThat(c.getHealthCheckLocalIp()).isEqualTo("169.254.128.1");
        assertThat(c.getHealthCheckRemoteIp()).isEqualTo("169.254.128.2");
        assertThat(c.getHealthCheckStatus()).isEqualTo("UNAVAILABLE");
        assertThat(c.getHealthCheckConfig().getProbeType()).isEqualTo("NQA");
        assertThat(c.getHealthCheckConfig().getProbeInterval()).isEqualTo(3000L);
        assertThat(c.getHealthCheckConfig().getProbeThreshold()).isEqualTo(5L);
        assertThat(c.getHealthCheckConfig().getProbeTimeout()).isEqualTo(500L);
        assertThat(c.getDpdEnable()).isEqualTo(1L);
        assertThat(c.getDpdTimeout()).isEqualTo("45");
        assertThat(c.getDpdAction()).isEqualTo("restart");
        assertThat(c.getNegotiationType()).isEqualTo("passive");
        assertThat(c.getTagSet()).singleElement().satisfies(t -> assertThat(t.getKey() + "=" + t.getValue())
                .isEqualTo("env=test"));
        assertThat(c.getBgpConfig().getTunnelCidr()).isEqualTo("169.254.10.0/30");
        assertThat(c.getBgpConfig().getLocalBgpIp()).isEqualTo("169.254.10.1");
        assertThat(c.getBgpConfig().getRemoteBgpIp()).isEqualTo("169.254.10.2");

        var early = new ModifyVpnConnectionAttributeRequest();
        early.setVpnConnectionId(created.getVpnConnectionId());
        early.setVpnConnectionName("too-soon");
        assertThat(catchThrowableOfType(TencentCloudSDKException.class, () -> client.ModifyVpnConnectionAttribute(
                early)).getErrorCode()).as("modified while PENDING")
                .isEqualTo("UnsupportedOperation.VpnConnInvalidState");
        TencentClients.awaitAvailableConnection(client, created.getVpnConnectionId());
        assertThat(describeOne(client, created.getVpnConnectionId()).getState()).isEqualTo("AVAILABLE");

        var modify = new ModifyVpnConnectionAttributeRequest();
        modify.setVpnConnectionId(created.getVpnConnectionId());
        modify.setVpnConnectionName("renamed");
        modify.setPreShareKey("new-psk");
        var newIpsec = new IPSECOptionsSpecification();
        newIpsec.setIntegrityAlgorithm("MD5");
        modify.setIPSECOptionsSpecification(newIpsec);
        modify.setDpdEnable(0L);
        client.ModifyVpnConnectionAttribute(modify);
        var modified = describeOne(client, created.getVpnConnectionId());
        assertThat(modified.getVpnConnectionName()).isEqualTo("renamed");
        assertThat(modified.getPreShareKey()).isEqualTo("new-psk");
        assertThat(modified.getIPSECOptionsSpecification().getIntegrityAlgorith()).isEqualTo("MD5");
        assertThat(modified.getIPSECOptionsSpecification().getEncryptAlgorithm()).isEqualTo("AES128GCM128");
        assertThat(modified.getDpdEnable()).isZero();
        assertThat(modified.getSecurityPolicyDatabaseSet()).hasSize(2);

        var delete = new DeleteVpnConnectionRequest();
        delete.setVpnGatewayId(gatewayId);
        delete.setVpnConnectionId(created.getVpnConnectionId());
        assertThat(modified.getState()).isEqualTo("PENDING");
        assertThat(catchThrowableOfType(TencentCloudSDKException.class, () -> client.DeleteVpnConnection(delete))
                .getErrorCode()).as("deleted while updating")
                .isEqualTo("UnsupportedOperation.DeleteVpnConnInvalidState");
        TencentClients.awaitAvailableConnection(client, created.getVpnConnectionId());
        client.DeleteVpnConnection(delete);
        var gone = new DescribeVpnConnectionsRequest();
        gone.setVpnConnectionIds(new String[] {created.getVpnConnectionId()});
        var after = client.DescribeVpnConnections(gone);
        assertThat(after.getTotalCount()).isZero();
        assertThat(after.getVpnConnectionSet()).isEmpty();
        var again = catchThrowableOfType(TencentCloudSDKException.class, () -> client.DeleteVpnConnection(delete));
        assertThat(again.getErrorCode()).isEqualTo("ResourceNotFound");
        assertThat(again.getRequestId()).isNotEmpty();
    }

    @Test
    // The SDK deprecates IntegrityAlgorith, Tencent's misspelt field, which vpnd still accepts and answers.
    @SuppressWarnings("deprecation")
    void defaultsOfAMinimalCreate() throws Exception {
        VpcClient client = TencentClients.tc3(VPND.tencentEndpoint());
        var request = minimalRequest(client, "minimal", "psk");
        VpnConnection c = client.CreateVpnConnection(request).getVpnConnection();
        assertThat(c.getRouteType()).isEqualTo("STATIC");
        assertThat(c.getNegotiationType()).isEqualTo("active");
        assertThat(c.getDpdEnable()).isZero();
        assertThat(c.getDpdTimeout()).isEqualTo("30");
        assertThat(c.getDpdAction()).isEqualTo("clear");
        assertThat(c.getEnableHealthCheck()).isFalse();
        assertThat(c.getHealthCheckLocalIp()).startsWith("169.254.");
        assertThat(c.getHealthCheckStatus()).isEmpty();
        assertThat(c.getSecurityPolicyDatabaseSet()).isEmpty();
        assertThat(c.getIKEOptionsSpecification().getPropoEncryAlgorithm()).isEqualTo("3DES-CBC");
        assertThat(c.getIKEOptionsSpecification().getPropoAuthenAlgorithm()).isEqualTo("SHA");
        assertThat(c.getIKEOptionsSpecification().getDhGroupName()).isEqualTo("GROUP1");
        assertThat(c.getIKEOptionsSpecification().getExchangeMode()).isEqualTo("MAIN");
        assertThat(c.getIKEOptionsSpecification().getRemoteIdentity()).isEqualTo("ADDRESS");
        assertThat(c.getIKEOptionsSpecification().getRemoteAddress()).startsWith("198.51.");
        assertThat(c.getIKEOptionsSpecification().getIKESaLifetimeSeconds()).isEqualTo(86400L);
        assertThat(c.getIKEOptionsSpecification().getIKEVersion()).isEqualTo("IKEV1");
        assertThat(c.getIPSECOptionsSpecification().getEncryptAlgorithm()).isEqualTo("AES-CBC-128");
        assertThat(c.getIPSECOptionsSpecification().getIntegrityAlgorith()).isEqualTo("SHA1");
        assertThat(c.getIPSECOptionsSpecification().getPfsDhGroup()).isEqualTo("NULL");
        assertThat(c.getIPSECOptionsSpecification().getIPSECSaLifetimeSeconds()).isEqualTo(14400L);
        assertThat(c.getIPSECOptionsSpecification().getIPSECSaLifetimeTraffic()).isEqualTo(4096000000L);
        assertThat(c.getBgpConfig().getTunnelCidr()).isEmpty();
        assertThat(c.getTagSet()).isEmpty();
    }

    @Test
    void idsAndSettingsSurviveARestart() throws Exception {
        VpcClient client = TencentClients.tc3(VPND.tencentEndpoint());
        var request = minimalRequest(client, "durable", "kept");
        String gatewayId = request.getVpnGatewayId();
        request.setSecurityPolicyDatabases(new SecurityPolicyDatabase[] {spd("10.9.0.0/24", "192.0.2.0/24")});
        VpnConnection before = client.CreateVpnConnection(request).getVpnConnection();

        VPND.restart();
        VpnConnection after = describeOne(TencentClients.tc3(VPND.tencentEndpoint()), before.getVpnConnectionId());
        assertThat(after.getVpnGatewayId()).isEqualTo(gatewayId);
        assertThat(after.getPreShareKey()).isEqualTo("kept");
        assertThat(after.getCreatedTime()).isEqualTo(before.getCreatedTime());
        assertThat(after.getSecurityPolicyDatabaseSet()[0].getRemoteCidrBlock()).containsExactly("192.0.2.0/24");
    }

    /** A create with only the required parameters, on a new VPC, gateway and customer gateway. */
    private static CreateVpnConnectionRequest minimalRequest(VpcClient client, String name, String psk)
            throws TencentCloudSDKException {
        var fixtures = new TencentFixtures(client);
        var request = new CreateVpnConnectionRequest();
        request.setVpnGatewayId(fixtures.gateway(fixtures.vpc()));
        request.setCustomerGatewayId(fixtures.customerGateway());
        request.setVpnConnectionName(name);
        request.setPreShareKey(psk);
        return request;
    }

    static VpnConnection describeOne(VpcClient client, String id) throws TencentCloudSDKException {
        var request = new DescribeVpnConnectionsRequest();
        request.setVpnConnectionIds(new String[] {id});
        var response = client.DescribeVpnConnections(request);
        assertThat(response.getTotalCount()).isEqualTo(1L);
        return response.getVpnConnectionSet()[0];
    }

    private static SecurityPolicyDatabase spd(String local, String... remotes) {
        var spd = new SecurityPolicyDatabase();
        spd.setLocalCidrBlock(local);
        spd.setRemoteCidrBlock(remotes);
        return spd;
    }
}
