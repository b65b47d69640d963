package dev.vpnd.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.aliyun.tea.TeaException;
import com.aliyun.vpc20160428.Client;
import com.aliyun.vpc20160428.models.CreateVpcRequest;
import com.aliyun.vpc20160428.models.DescribeRegionsRequest;
import com.aliyun.vpc20160428.models.DescribeRegionsResponseBody.DescribeRegionsResponseBodyRegionsRegion;
import com.aliyun.vpc20160428.models.DescribeVpcsRequest;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.vpc.v20170312.VpcClient;
import dev.vpnd.core.model.Region;
import dev.vpnd.core.model.Regions;
import dev.vpnd.server.RunningVpnd;
import dev.vpnd.server.security.KeyStyle;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An operator's region table replaces the default whole: each dialect serves the regions it names
 * there, under those names, Keystone's catalog names its OpenStack region, and the pairs it makes
 * are the pairs the clients see.
 */
class OperatorRegionTableTest {
    @RegisterExtension
    static final RunningVpnd VPND = new RunningVpnd(Duration.ZERO, Regions.of(List.of(
            new Region("lab", Map.of("openstack", "RegionTwo", "aliyun", "cn-beijing", "tencent", "ap-beijing")),
            new Region("edge", Map.of("aliyun", "lab-1")))));

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void eachDialectServesTheRegionsTheTableGivesIt() throws Exception {
        Client alibaba = AliyunClients.newSdk(VPND.aliyunEndpoint(), false);
        assertThat(alibaba.describeRegions(new DescribeRegionsRequest()).getBody().getRegions().getRegion())
                .extracting(DescribeRegionsResponseBodyRegionsRegion::getRegionId,
                        DescribeRegionsResponseBodyRegionsRegion::getLocalName)
                .containsExactly(tuple("cn-beijing", "China (Beijing)"), tuple("lab-1", "lab-1"));
        assertThatThrownBy(() -> alibaba.describeVpcs(new DescribeVpcsRequest().setRegionId("cn-hangzhou")))
                .isInstanceOf(TeaException.class)
                .satisfies(e -> assertThat(((TeaException) e).getCode()).isEqualTo("InvalidRegionId.NotFound"));
        assertThatThrownBy(() -> tencent("ap-guangzhou").DescribeVpcs(
                new com.tencentcloudapi.vpc.v20170312.models.DescribeVpcsRequest()))
                .isInstanceOf(TencentCloudSDKException.class)
                .satisfies(e -> assertThat(((TencentCloudSDKException) e).getErrorCode())
                        .isEqualTo("UnsupportedRegion"));

        String vpcId = alibaba.createVpc(new CreateVpcRequest().setRegionId("cn-beijing").setCidrBlock("10.0.0.0/8")
                .setVpcName("paired-by-the-operator")).getBody().getVpcId();
        assertThat(alibaba.describeVpcs(new DescribeVpcsRequest().setRegionId("cn-beijing").setVpcId(vpcId))
                .getBody().getVpcs().getVpc()).singleElement()
                .satisfies(v -> assertThat(v.getRegionId()).isEqualTo("cn-beijing"));
        assertThat(tencent("ap-beijing").DescribeVpcs(
                new com.tencentcloudapi.vpc.v20170312.models.DescribeVpcsRequest()).getVpcSet())
                .extracting(v -> v.getVpcName()).containsExactly("paired-by-the-operator");
        assertThat(alibaba.describeVpcs(new DescribeVpcsRequest().setRegionId("lab-1")).getBody().getTotalCount())
                .isZero();
    }

    @Test
    void keystonesCatalogNamesTheOpenStackRegionOfTheTable() throws Exception {
        var answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(VPND.endpoints()
                .get("keystone") + "/v3/auth/tokens")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"auth": {"identity": {"methods": ["password"], "password": {"user": {"domain": {"name":
                        "Default"}, "name": "demo", "password": "demo"}}}, "scope": {"project": {"domain":
                        {"name": "Default"}, "name": "demo"}}}}""")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(201);
        var catalog = JSON.readTree(answer.body()).at("/token/catalog");
        assertThat(catalog.findValuesAsText("region")).hasSizeGreaterThan(1).containsOnly("RegionTwo");
        assertThat(catalog.findValuesAsText("region_id")).containsOnly("RegionTwo");
    }

    private static VpcClient tencent(String region) {
        var http = new HttpProfile();
        http.setEndpoint(VPND.tencentEndpoint());
        http.setProtocol(HttpProfile.REQ_HTTP);
        return new VpcClient(new Credential(KeyStyle.DEMO_TENCENT_SECRET_ID, KeyStyle.DEMO_TENCENT_SECRET_KEY),
                region, new ClientProfile(ClientProfile.SIGN_TC3_256, http));
    }
}
