package dev.vpnd.server.conformance.tencent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.tencentcloudapi.vpc.v20170312.VpcClient;
import com.tencentcloudapi.vpc.v20170312.models.CreateCustomerGatewayRequest;
import com.tencentcloudapi.vpc.v20170312.models.CreateVpcRequest;
import com.tencentcloudapi.vpc.v20170312.models.CreateVpnConnectionRequest;
import com.tencentcloudapi.vpc.v20170312.models.CreateVpnGatewayRequest;
import com.tencentcloudapi.vpc.v20170312.models.IKEOptionsSpecification;
import com.tencentcloudapi.vpc.v20170312.models.IPSECOptionsSpecification;
import com.tencentcloudapi.vpc.v20170312.models.ModifyVpnConnectionAttributeRequest;
import com.tencentcloudapi.vpc.v20170312.models.SecurityPolicyDatabase;
import com.tencentcloudapi.vpc.v20170312.models.VpnConnection;
import dev.vpnd.core.model.Scope;
import dev.vpnd.core.port.ConnectionStore;
import dev.vpnd.core.port.PageRequest;
import dev.vpnd.server.RegionFile;
import dev.vpnd.server.Polling;
import dev.vpnd.server.RunningVpnd;
import dev.vpnd.server.conformance.tencent.QcloudNodeSdk.Call;
import dev.vpnd.server.security.KeyStyle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The legacy v2 DescribeVpnConn (docs/dialects/tencent.md, DescribeVpnConn) through Tencent's own
 * legacy client for Node, over resources made with the API 3.0 Java SDK: both APIs see one set of
 * resources under both forms of id.
 */
class TencentLegacyDescribeVpnConnTest {
    @RegisterExtension
    static final RunningVpnd VPND = new RunningVpnd();

    private static QcloudNodeSdk sdk;
    private static VpcClient api3;
    private static String vpcA;
    private static String vpcB;
    private static String gatewayA;
    private static String gatewayB;
    private static String peerOne;
    private static String peerOneAddress;
    private static VpnConnection alphaOne;
    private static VpnConnection gammaTwo;

    /**
     * VPC A's gateway holds alpha-one (every option set), gamma-two and beta-three (defaults), created
     * in that order; VPC B's holds alpha-bee.
     */
    @BeforeAll
    // The SDK deprecates IntegrityAlgorith, Tencent's misspelt field, which vpnd still accepts and answers.
    @SuppressWarnings("deprecation")
    static void resources() throws Exception {
        sdk = QcloudNodeSdk.at(VPND.tencentEndpoint());
        api3 = TencentClients.tc3(VPND.tencentEndpoint());
        vpcA = vpc("legacy-a", "10.20.0.0/16");
        vpcB = vpc("legacy-b", "10.30.0.0/16");
        gatewayA = gateway(vpcA, "gw-a");
        gatewayB = gateway(vpcB, "gw-b");
        peerOneAddress = TencentFixtures.nextAddress();
        peerOne = peer("peer-one", peerOneAddress);

        var full = connection(gatewayA, peerOne, "alpha-one");
        full.setVpcId(vpcA);
        full.setPreShareKey("d!@#12d");
        full.setSecurityPolicyDatabases(new SecurityPolicyDatabase[] {
                spd("10.20.1.0/24", "172.16.0.0/16", "172.17.0.0/16"), spd("10.20.2.0/24", "172.16.0.0/16")});
        var ike = new IKEOptionsSpecification();
        ike.setPropoEncryAlgorithm("AES-CBC-256");
        ike.setPropoAuthenAlgorithm("SHA-256");
        ike.setExchangeMode("AGGRESSIVE");
        ike.setLocalIdentity("ADDRESS");
        ike.setRemoteIdentity("FQDN");
        ike.setRemoteFqdnName("vpn86");
        ike.setDhGroupName("GROUP14");
        ike.setIKESaLifetimeSeconds(11180L);
        full.setIKEOptionsSpecification(ike);
        var ipsec = new IPSECOptionsSpecification();
        ipsec.setEncryptAlgorithm("AES-CBC-192");
        ipsec.setIntegrityAlgorith("MD5");
        ipsec.setPfsDhGroup("DH-GROUP2");
        ipsec.setIPSECSaLifetimeSeconds(500L);
        ipsec.setIPSECSaLifetimeTraffic(80000L);
        full.setIPSECOptionsSpecification(ipsec);
        full.setEnableHealthCheck(true);
        full.setHealthCheckLocalIp("169.254.128.1");
        full.setHealthCheckRemoteIp("169.254.128.2");
        alphaOne = api3.CreateVpnConnection(full).getVpnConnection();
        gammaTwo = api3.CreateVpnConnection(connection(gatewayA, peer("peer-two", TencentFixtures.nextAddress()),
                "gamma-two")).getVpnConnection();
        api3.CreateVpnConnection(connection(gatewayA, peer("peer-three", TencentFixtures.nextAddress()),
                "beta-three"));
        api3.CreateVpnConnection(connection(gatewayB, peer("peer-bee", TencentFixtures.nextAddress()), "alpha-bee"));
    }

    @Test
    void everyFieldOfTheExampleInItsOrderAndJsonType() throws Exception {
        JsonNode body = describe("vpnConnId", alphaOne.getVpnConnectionId());
        assertThat(types(body)).containsExactly(entry("code", "number"), entry("message", "string"),
                entry("totalCount", "number"), entry("data", "array"));
        assertThat(body.get("code").asInt()).isZero();
        assertThat(body.get("message").asText()).isEmpty();
        assertThat(body.get("totalCount").asLong()).isEqualTo(1);
        JsonNode c = body.get("data").get(0);
        assertThat(types(c)).containsExactly(entry("vpcId", "string"), entry("unVpcId", "string"),
                entry("vpcName", "string"), entry("vpcCidrBlock", "string"), entry("vpnGwId", "number"),
                entry("unVpnGwId", "string"), entry("vpnGwName", "string"), entry("vpnGwAddress", "string"),
                entry("vpnConnId", "number"), entry("unVpnConnId", "string"), entry("vpnConnName", "string"),
                entry("userGwId", "number"), entry("unUserGwId", "string"), entry("userGwName", "string"),
                entry("userGwAddress", "string"), entry("vpcConnStatus", "number"), entry("netStatus", "string"),
                entry("preSharedKey", "string"), entry("remoteSlaIp", "string"), entry("sourceCidr", "array"),
                entry("destinationCidr", "array"), entry("vpnProto", "string"), entry("createTime", "string"),
                entry("IKEArr", "object"), entry("IPSECArr", "object"));
        assertThat(types(c.get("IKEArr"))).containsExactly(entry("propoAuthenAlgorithm", "string"),
                entry("propoEncryAlgorithm", "string"), entry("exchangeMode", "string"),
                entry("localIdentity", "string"), entry("remoteIdentity", "string"), entry("localAddress", "string"),
                entry("remoteAddress", "null"), entry("localFqdnName", "null"), entry("remoteFqdnName", "string"),
                entry("dhGroupName", "string"), entry("ikeSaLifetimeSeconds", "string"));
        assertThat(types(c.get("IPSECArr"))).containsExactly(entry("encryptAlgorithm", "string"),
                entry("integrityAlgorith", "string"), entry("encapMode", "string"), entry("securityProto", "string"),
                entry("pfsDhGroup", "string"), entry("ipsecSaLifetimeSeconds", "string"),
                entry("ipsecSaLifetimeTraffic", "string"));

        // The new ids are API 3.0's own; the old ones are the resources' serials.
        var stored = storedConnection("alpha-one");
        var services = VPND.services();
        var gateway = services.gateways().get(stored.scope(), stored.gatewayId());
        assertThat(c.get("vpcId").asText())
                .isEqualTo("gz_vpc_" + services.vpcs().get(stored.scope(), stored.vpcId()).serial());
        assertThat(c.get("unVpcId").asText()).isEqualTo(vpcA).isEqualTo(alphaOne.getVpcId());
        assertThat(c.get("vpcName").asText()).isEqualTo("legacy-a");
        assertThat(c.get("vpcCidrBlock").asText()).isEqualTo("10.20.0.0/16");
        assertThat(c.get("vpnGwId").asLong()).isEqualTo(gateway.serial());
        assertThat(c.get("unVpnGwId").asText()).isEqualTo(gatewayA).isEqualTo(alphaOne.getVpnGatewayId());
        assertThat(c.get("vpnGwName").asText()).isEqualTo("gw-a");
        assertThat(c.get("vpnGwAddress").asText()).isEqualTo(gateway.internetIp())
                .isEqualTo(alphaOne.getIKEOptionsSpecification().getLocalAddress());
        assertThat(c.get("vpnConnId").asLong()).isEqualTo(stored.serial());
        assertThat(c.get("unVpnConnId").asText()).isEqualTo(alphaOne.getVpnConnectionId());
        assertThat(c.get("vpnConnName").asText()).isEqualTo("alpha-one");
        assertThat(c.get("userGwId").asLong()).isEqualTo(
                services.customerGateways().get(stored.scope(), stored.customerGatewayId()).serial());
        assertThat(c.get("unUserGwId").asText()).isEqualTo(peerOne).isEqualTo(alphaOne.getCustomerGatewayId());
        assertThat(c.get("userGwName").asText()).isEqualTo("peer-one");
        assertThat(c.get("userGwAddress").asText()).isEqualTo(peerOneAddress);
        assertThat(c.get("vpcConnStatus").asInt()).isIn(0, 6);
        assertThat(c.get("netStatus").asText()).isEqualTo("unavailable");
        assertThat(c.get("preSharedKey").asText()).isEqualTo("d!@#12d");
        assertThat(c.get("remoteSlaIp").asText()).isEqualTo("169.254.128.2");
        assertThat(texts(c.get("sourceCidr"))).containsExactly("10.20.1.0/24", "10.20.2.0/24");
        assertThat(texts(c.get("destinationCidr"))).containsExactly("172.16.0.0/16", "172.17.0.0/16");
        assertThat(c.get("vpnProto").asText()).isEqualTo("ip-sec");
        assertThat(c.get("createTime").asText()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}")
                .isEqualTo(alphaOne.getCreatedTime());
        JsonNode ike = c.get("IKEArr");
        assertThat(ike.get("propoAuthenAlgorithm").asText()).isEqualTo("sha-256");
        assertThat(ike.get("propoEncryAlgorithm").asText()).isEqualTo("aes-cbc-256");
        assertThat(ike.get("exchangeMode").asText()).isEqualTo("aggressive");
        assertThat(ike.get("localIdentity").asText()).isEqualTo("address");
        assertThat(ike.get("remoteIdentity").asText()).isEqualTo("fqdn");
        assertThat(ike.get("localAddress").asText()).isEqualTo(gateway.internetIp());
        assertThat(ike.get("remoteFqdnName").asText()).isEqualTo("vpn86");
        assertThat(ike.get("dhGroupName").asText()).isEqualTo("group14");
        assertThat(ike.get("ikeSaLifetimeSeconds").asText()).isEqualTo("11180");
        JsonNode ipsec = c.get("IPSECArr");
        assertThat(ipsec.get("encryptAlgorithm").asText()).isEqualTo("aes-cbc-192");
        assertThat(ipsec.get("integrityAlgorith").asText()).isEqualTo("md5");
        assertThat(ipsec.get("encapMode").asText()).isEqualTo("tunnel");
        assertThat(ipsec.get("securityProto").asText()).isEqualTo("ESP");
        assertThat(ipsec.get("pfsDhGroup").asText()).isEqualTo("dh-group2");
        assertThat(ipsec.get("ipsecSaLifetimeSeconds").asText()).isEqualTo("500");
        assertThat(ipsec.get("ipsecSaLifetimeTraffic").asText()).isEqualTo("80000");
    }

    /** A connection made with Tencent's defaults shows them as the example does: addresses, no PFS as "null". */
    @Test
    void defaultsAsTheExampleShowsThem() throws Exception {
        JsonNode c = describe("vpnConnId", gammaTwo.getVpnConnectionId()).get("data").get(0);
        assertThat(c.get("remoteSlaIp").asText()).isEqualTo(gammaTwo.getHealthCheckRemoteIp()).startsWith("169.254.");
        assertThat(c.get("sourceCidr").isArray()).isTrue();
        assertThat(c.get("sourceCidr")).isEmpty();
        assertThat(c.get("destinationCidr")).isEmpty();
        JsonNode ike = c.get("IKEArr");
        assertThat(types(ike)).contains(entry("localAddress", "string"), entry("remoteAddress", "string"),
                entry("localFqdnName", "null"), entry("remoteFqdnName", "null"));
        assertThat(ike.get("propoAuthenAlgorithm").asText()).isEqualTo("sha");
        assertThat(ike.get("propoEncryAlgorithm").asText()).isEqualTo("3des-cbc");
        assertThat(ike.get("exchangeMode").asText()).isEqualTo("main");
        assertThat(ike.get("localIdentity").asText()).isEqualTo("address");
        assertThat(ike.get("remoteIdentity").asText()).isEqualTo("address");
        assertThat(ike.get("localAddress").asText()).isEqualTo(c.get("vpnGwAddress").asText());
        assertThat(ike.get("remoteAddress").asText()).isEqualTo(c.get("userGwAddress").asText());
        assertThat(ike.get("dhGroupName").asText()).isEqualTo("group1");
        assertThat(ike.get("ikeSaLifetimeSeconds").asText()).isEqualTo("86400");
        JsonNode ipsec = c.get("IPSECArr");
        assertThat(ipsec.get("encryptAlgorithm").asText()).isEqualTo("aes-cbc-128");
        assertThat(ipsec.get("integrityAlgorith").asText()).isEqualTo("sha1");
        assertThat(ipsec.get("pfsDhGroup").isTextual()).isTrue();
        assertThat(ipsec.get("pfsDhGroup").asText()).isEqualTo("null");
        assertThat(ipsec.get("ipsecSaLifetimeSeconds").asText()).isEqualTo("14400");
        assertThat(ipsec.get("ipsecSaLifetimeTraffic").asText()).isEqualTo("4096000000");
    }

    @Test
    void eachIdParameterTakesTheOldAndTheNewForm() throws Exception {
        JsonNode one = describe("vpnConnId", alphaOne.getVpnConnectionId()).get("data").get(0);
        String oldVpcId = one.get("vpcId").asText();
        String vpcSerial = oldVpcId.substring("gz_vpc_".length());
        var inA = List.of("beta-three", "gamma-two", "alpha-one");
        for (Object vpcId : List.of(oldVpcId, vpcSerial, vpcA)) {
            JsonNode body = describe("vpcId", vpcId);
            assertThat(body.get("totalCount").asLong()).as("vpcId %s", vpcId).isEqualTo(3);
            assertThat(names(body)).as("vpcId %s", vpcId).isEqualTo(inA);
        }
        for (Object gatewayId : List.of(one.get("vpnGwId").asLong(), one.get("vpnGwId").asText(), gatewayA)) {
            assertThat(names(describe("vpnGwId", gatewayId))).as("vpnGwId %s", gatewayId).isEqualTo(inA);
        }
        for (Object connectionId : List.of(one.get("vpnConnId").asLong(), alphaOne.getVpnConnectionId())) {
            JsonNode body = describe("vpnConnId", connectionId);
            assertThat(names(body)).as("vpnConnId %s", connectionId).containsExactly("alpha-one");
            assertThat(body.get("data").get(0)).isEqualTo(one);
        }
        // Filters combine: alpha-one is on VPC A, not on gateway B.
        assertThat(names(describe("vpcId", vpcA, "vpnConnId", alphaOne.getVpnConnectionId())))
                .containsExactly("alpha-one");
        JsonNode none = describe("vpnGwId", gatewayB, "vpnConnId", one.get("vpnConnId").asLong());
        assertThat(none.get("code").asInt()).isZero();
        assertThat(none.get("totalCount").asLong()).isZero();
        assertThat(none.get("data")).isEmpty();
    }

    @Test
    void ordersByCreateTimeOrNameEitherWay() throws Exception {
        assertThat(names(describe("vpcId", vpcA))).containsExactly("beta-three", "gamma-two", "alpha-one");
        assertThat(names(describe("vpcId", vpcA, "orderField", "createTime", "orderDirection", "desc")))
                .containsExactly("beta-three", "gamma-two", "alpha-one");
        assertThat(names(describe("vpcId", vpcA, "orderField", "createTime", "orderDirection", "asc")))
                .containsExactly("alpha-one", "gamma-two", "beta-three");
        assertThat(names(describe("vpcId", vpcA, "orderField", "vpnConnName", "orderDirection", "asc")))
                .containsExactly("alpha-one", "beta-three", "gamma-two");
        assertThat(names(describe("vpcId", vpcA, "orderField", "vpnConnName", "orderDirection", "desc")))
                .containsExactly("gamma-two", "beta-three", "alpha-one");
        assertThat(names(describe("vpcId", vpcA, "orderField", "vpnConnName")))
                .containsExactly("gamma-two", "beta-three", "alpha-one");
        assertThat(names(describe("vpcId", vpcA, "orderDirection", "asc")))
                .containsExactly("alpha-one", "gamma-two", "beta-three");
        assertError(describe("orderField", "vpnConnId"), 4000, "InvalidParameter");
        assertError(describe("orderDirection", "up"), 4000, "InvalidParameter");
    }

    @Test
    void namesMatchByFragment() throws Exception {
        assertThat(names(describe("vpnConnName", "alpha", "orderField", "vpnConnName", "orderDirection", "asc")))
                .containsExactly("alpha-bee", "alpha-one");
        assertThat(names(describe("vpnConnName", "lph", "orderField", "vpnConnName", "orderDirection", "asc")))
                .containsExactly("alpha-bee", "alpha-one");
        assertThat(names(describe("vpnConnName", "alpha-one"))).containsExactly("alpha-one");
        assertThat(names(describe("vpnConnName", "alpha", "vpcId", vpcB))).containsExactly("alpha-bee");
        JsonNode none = describe("vpnConnName", "no-such-tunnel");
        assertThat(none.get("code").asInt()).isZero();
        assertThat(none.get("totalCount").asLong()).isZero();
        assertThat(none.get("data")).isEmpty();
    }

    @Test
    void pagesByOffsetAndLimitUpToFifty() throws Exception {
        String vpc = vpc("legacy-pages", "10.40.0.0/16");
        String gateway = gateway(vpc, "gw-pages");
        var created = new ArrayList<String>();
        for (int i = 0; i < 52; i++) {
            String name = String.format("page-%02d", i);
            api3.CreateVpnConnection(connection(gateway, peer("peer-" + name, TencentFixtures.nextAddress()), name));
            created.add(name);
        }
        var newestFirst = created.reversed();

        JsonNode first = describe("vpcId", vpc);
        assertThat(first.get("totalCount").asLong()).isEqualTo(52);
        assertThat(names(first)).isEqualTo(newestFirst.subList(0, 20));
        assertThat(names(describe("vpcId", vpc, "offset", 20))).isEqualTo(newestFirst.subList(20, 40));
        JsonNode fifty = describe("vpcId", vpc, "limit", 50);
        assertThat(fifty.get("totalCount").asLong()).isEqualTo(52);
        assertThat(names(fifty)).isEqualTo(newestFirst.subList(0, 50));
        assertThat(names(describe("vpcId", vpc, "offset", 50, "limit", 50))).isEqualTo(newestFirst.subList(50, 52));
        assertThat(names(describe("vpcId", vpc, "offset", "2", "limit", "3", "orderDirection", "asc")))
                .isEqualTo(created.subList(2, 5));
        JsonNode past = describe("vpcId", vpc, "offset", 60);
        assertThat(past.get("totalCount").asLong()).isEqualTo(52);
        assertThat(past.get("data")).isEmpty();

        assertError(describe("vpcId", vpc, "limit", 51), 4000, "InvalidParameter");
        assertError(describe("limit", "ten"), 4000, "InvalidParameter");
        assertError(describe("limit", -1), 4000, "InvalidParameter");
        assertError(describe("offset", -1), 4000, "InvalidParameter");
        assertError(describe("offset", "1.5"), 4000, "InvalidParameter");
    }

    @Test
    void unknownVpcGatewayAndConnectionAreTheSeedsErrors() throws Exception {
        String oldVpcId = describe("vpnConnId", alphaOne.getVpnConnectionId()).get("data").get(0).get("vpcId")
                .asText();
        for (Object vpcId : List.of("vpc-zzzzzzzz", "gz_vpc_999999", 999999, "sh" + oldVpcId.substring(2),
                "not-a-vpc")) {
            JsonNode body = describe("vpcId", vpcId);
            assertThat(types(body)).as("vpcId %s", vpcId).containsExactly(entry("code", "number"),
                    entry("message", "string"), entry("codeDesc", "string"));
            assertError(body, 5000, "InvalidVpc.NotFound");
        }
        for (Object gatewayId : List.of("vpngw-zzzzzzzz", 999999, "gw-1")) {
            assertError(describe("vpnGwId", gatewayId), 5000, "InvalidVpnGw.NotFound");
        }
        for (Object connectionId : List.of(999999, "vpnx-zzzzzzzz", "tunnel-1")) {
            assertError(describe("vpnConnId", connectionId), 5000, "InvalidVpnConn.NotFound");
        }
    }

    @Test
    void getWithHmacSha256AndMultipartPostAnswerAsTheDefaultPost() throws Exception {
        JsonNode post = describe("vpcId", vpcA);
        var data = params("vpcId", vpcA);
        JsonNode get = sdk.call(Call.of(data).get().sha256());
        JsonNode getSha1 = sdk.call(Call.of(data).get());
        JsonNode postSha256 = sdk.call(Call.of(data).sha256());
        JsonNode multipart = sdk.call(Call.of(data).multipartPost());
        JsonNode multipartSha256 = sdk.call(Call.of(data).multipartPost().sha256());
        for (JsonNode body : List.of(get, getSha1, postSha256, multipart, multipartSha256)) {
            assertThat(body.get("code").asInt()).as(body.toString()).isZero();
            assertThat(body.get("totalCount")).isEqualTo(post.get("totalCount"));
            assertThat(names(body)).isEqualTo(names(post));
        }
        // Special characters are signed raw and arrive decoded, in every encoding.
        var odd = params("vpnConnName", "a/b c+é&=");
        for (Call call : List.of(Call.of(odd), Call.of(odd).get(), Call.of(odd).multipartPost())) {
            JsonNode body = sdk.call(call);
            assertThat(body.get("code").asInt()).as(body.toString()).isZero();
            assertThat(body.get("totalCount").asLong()).isZero();
        }
    }

    @Test
    void regionIsAShortCodeOrAnApi3Name() throws Exception {
        var data = params("vpcId", vpcA);
        assertThat(names(sdk.call(Call.of(data).region("ap-guangzhou")))).isEqualTo(names(describe("vpcId", vpcA)));
        // Another region holds none of these resources.
        assertError(sdk.call(Call.of(data).region("sh")), 5000, "InvalidVpc.NotFound");
        assertThat(sdk.call(Call.of(params()).region("sh")).get("totalCount").asLong()).isZero();
        assertError(sdk.call(Call.of(data).region("xx")), 4000, "UnsupportedRegion");
    }

    @Test
    void authenticationAndReplayFailuresHaveTheirLegacyCodes() throws Exception {
        assertError(sdk.call(Call.of(params()).key(KeyStyle.DEMO_TENCENT_SECRET_ID, "wrongSecretKey")), 4100,
                "AuthFailure.SignatureFailure");
        assertError(sdk.call(Call.of(params()).key("AKIDnoSuchSecretId", "wrongSecretKey")), 4100,
                "AuthFailure.SecretIdNotFound");
        // The replay check keys on the signature: the same nonce and timestamp make the same request.
        var once = params("Nonce", 4242, "Timestamp", Instant.now().getEpochSecond());
        assertThat(sdk.call(Call.of(once)).get("code").asInt()).isZero();
        assertError(sdk.call(Call.of(once)), 4500, "AuthFailure.SignatureFailure");
        assertError(sdk.call(Call.of(params("Timestamp", Instant.now().minus(Duration.ofMinutes(10))
                .getEpochSecond()))), 4500, "AuthFailure.SignatureExpire");
        var other = new LinkedHashMap<String, Object>(params());
        other.put("Action", "DescribeVpnGw");
        assertError(sdk.call(Call.of(other)), 6100, "InvalidAction");
    }

    /** vpcConnStatus follows the lifecycle: 0 while created, 2 while modified, 6 once done. */
    @Test
    void statusFollowsTheLifecycle() throws Exception {
        Instant start = Instant.now();
        var created = api3.CreateVpnConnection(connection(gatewayB, peer("peer-status", TencentFixtures.nextAddress()),
                "status-one")).getVpnConnection();
        int status = status(created.getVpnConnectionId());
        if (Duration.between(start, Instant.now()).compareTo(RunningVpnd.PROVISIONING_DELAY) < 0) {
            assertThat(status).isZero();
        }
        Polling.untilActive("connection", () -> String.valueOf(status(created.getVpnConnectionId())), "6");

        start = Instant.now();
        var modify = new ModifyVpnConnectionAttributeRequest();
        modify.setVpnConnectionId(created.getVpnConnectionId());
        modify.setPreShareKey("changed");
        api3.ModifyVpnConnectionAttribute(modify);
        status = status(created.getVpnConnectionId());
        if (Duration.between(start, Instant.now()).compareTo(RunningVpnd.PROVISIONING_DELAY) < 0) {
            assertThat(status).isEqualTo(2);
        }
        Polling.untilActive("connection", () -> String.valueOf(status(created.getVpnConnectionId())), "6");
    }

    private static int status(String connectionId) throws Exception {
        return describe("vpnConnId", connectionId).get("data").get(0).get("vpcConnStatus").asInt();
    }

    private static JsonNode describe(Object... nameValues) throws Exception {
        return sdk.call(Call.of(params(nameValues)));
    }

    private static Map<String, Object> params(Object... nameValues) {
        var data = new LinkedHashMap<String, Object>();
        data.put("Action", "DescribeVpnConn");
        for (int i = 0; i < nameValues.length; i += 2) {
            data.put((String) nameValues[i], nameValues[i + 1]);
        }
        return data;
    }

    private static void assertError(JsonNode body, int code, String codeDesc) {
        assertThat(body.get("code").asInt()).as(body.toString()).isEqualTo(code);
        assertThat(body.get("codeDesc").asText()).as(body.toString()).isEqualTo(codeDesc);
        assertThat(body.get("message").asText()).isNotEmpty().doesNotContain("Exception");
        assertThat(body.has("data")).isFalse();
    }

    private static List<String> names(JsonNode body) {
        assertThat(body.get("code").asInt()).as(body.toString()).isZero();
        return StreamSupport.stream(body.get("data").spliterator(), false)
                .map(c -> c.get("vpnConnName").asText()).toList();
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    /** Each field's name and JSON type, in order. */
    private static Map<String, String> types(JsonNode object) {
        var out = new LinkedHashMap<String, String>();
        object.properties().forEach(e -> out.put(e.getKey(), switch (e.getValue().getNodeType()) {
            case NUMBER -> "number";
            case STRING -> "string";
            case ARRAY -> "array";
            case OBJECT -> "object";
            case NULL -> "null";
            case BOOLEAN -> "boolean";
            default -> e.getValue().getNodeType().name();
        }));
        return out;
    }

    private static dev.vpnd.core.model.VpnConnection storedConnection(String name) {
        var services = VPND.services();
        String account = services.accounts().findKey(KeyStyle.DEMO_TENCENT_SECRET_ID).orElseThrow().accountId();
        var filter = new ConnectionStore.Filter(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(name), "",
                List.of());
        var scope = new Scope(account, RegionFile.defaults().in(RegionFile.TENCENT).id(TencentClients.REGION)
                .orElseThrow());
        return services.connections().list(scope, filter, new PageRequest(0, 1)).items().getFirst();
    }

    private static String vpc(String name, String cidr) throws Exception {
        var request = new CreateVpcRequest();
        request.setVpcName(name);
        request.setCidrBlock(cidr);
        return api3.CreateVpc(request).getVpc().getVpcId();
    }

    private static String gateway(String vpcId, String name) throws Exception {
        var request = new CreateVpnGatewayRequest();
        request.setVpcId(vpcId);
        request.setVpnGatewayName(name);
        request.setInternetMaxBandwidthOut(5L);
        return api3.CreateVpnGateway(request).getVpnGateway().getVpnGatewayId();
    }

    private static String peer(String name, String address) throws Exception {
        var request = new CreateCustomerGatewayRequest();
        request.setCustomerGatewayName(name);
        request.setIpAddress(address);
        return api3.CreateCustomerGateway(request).getCustomerGateway().getCustomerGatewayId();
    }

    private static CreateVpnConnectionRequest connection(String gatewayId, String peerId, String name) {
        var request = new CreateVpnConnectionRequest();
        request.setVpnGatewayId(gatewayId);
        request.setCustomerGatewayId(peerId);
        request.setVpnConnectionName(name);
        request.setPreShareKey("tencent");
        return request;
    }

    private static SecurityPolicyDatabase spd(String local, String... remotes) {
        var spd = new SecurityPolicyDatabase();
        spd.setLocalCidrBlock(local);
        spd.setRemoteCidrBlock(remotes);
        return spd;
    }
}
