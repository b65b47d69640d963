package dev.vpnd.server.fuzz;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Requests with no valid credentials, as anyone who can reach a port sends them: hostile forms,
 * queries, JSON and multipart bodies and authorization headers at each dialect. Everything here
 * must be refused before it costs more than its own size.
 */
final class UnsignedCampaign {
    private static final List<String> ALIYUN_NAMES = List.of("Action", "RegionId", "Tag", "TunnelOptionsSpecification",
            "VpnConnectionId", "PageSize", "PageNumber", "Signature", "AccessKeyId", "SignatureNonce", "Timestamp",
            "Format", "Version", "SignatureMethod", "SignatureVersion", "IkeConfig", "IpsecConfig", "Name");
    private static final List<String> TENCENT_NAMES = List.of("Action", "Nonce", "Timestamp", "SecretId", "Signature",
            "Region", "Filters", "Values", "Name", "VpnGatewayIds", "Limit", "Offset", "SignatureMethod", "Version",
            "SecurityPolicyDatabases", "RemoteCidrBlock", "Token", "vpnGwId", "vpcId", "offset", "limit");
    private static final List<String> AUTHORIZATIONS = List.of("ACS3-HMAC-SHA256 Credential=",
            "ACS3-HMAC-SHA256 Credential=demo-access-key-id,SignedHeaders=" + "x;".repeat(5000) + ",Signature=00",
            "TC3-HMAC-SHA256 Credential=AKIDdemoSecretId/2026-12-04/vpc/tc3_request, SignedHeaders=content-type;host, "
                    + "Signature=" + "0".repeat(64),
            "TC3-HMAC-SHA256 Credential=" + "/".repeat(4000), "ACS3-HMAC-SM3 Credential=x", "Basic Zm9vOmJhcg==",
            "TC3-HMAC-SHA256 ,,,,,,,,", "");

    private final URI aliyun;
    private final URI tencent;
    private final URI keystone;
    private final URI neutron;
    private final Duration timeout;

    UnsignedCampaign(URI aliyun, URI tencent, URI keystone, URI neutron, Duration timeout) {
        this.aliyun = aliyun;
        this.tencent = tencent;
        this.keystone = keystone;
        this.neutron = neutron;
        this.timeout = timeout;
    }

    void run(Hostile hostile, Findings findings, int requests) throws Exception {
        for (int i = 0; i < requests; i++) {
            switch (hostile.below(4)) {
                case 0 -> aliyun(hostile, findings);
                case 1 -> tencent(hostile, findings);
                case 2 -> keystone(hostile, findings);
                default -> neutron(hostile, findings);
            }
        }
    }

    private void aliyun(Hostile hostile, Findings findings) throws Exception {
        String form = hostile.form(ALIYUN_NAMES, 1 + hostile.below(hostile.chance(10) ? 5000 : 30));
        byte[] request = hostile.chance(50)
                ? RawExchange.request("POST", aliyun, "/?" + hostile.form(ALIYUN_NAMES, 3),
                        "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8),
                        auth(hostile, "x-acs-action: DescribeVpnConnections"))
                : RawExchange.request("GET", aliyun, "/?" + form, null, new byte[0], auth(hostile, "Accept: */*"));
        exchange(aliyun, request, findings);
    }

    private void tencent(Hostile hostile, Findings findings) throws Exception {
        byte[] request = switch (hostile.below(4)) {
            case 0 -> RawExchange.request("POST", tencent, "/", "application/x-www-form-urlencoded",
                    hostile.form(TENCENT_NAMES, 1 + hostile.below(hostile.chance(10) ? 5000 : 30))
                            .getBytes(StandardCharsets.UTF_8), auth(hostile, "X-TC-Action: DescribeVpcs"));
            case 1 -> RawExchange.request("POST", tencent, "/", "application/json; charset=utf-8", hostile.jsonBody(),
                    auth(hostile, "X-TC-Action: " + hostile.pick(List.of("DescribeVpcs", "CreateVpc", "Nope", ""))),
                    "X-TC-Version: 2017-03-12", "X-TC-Timestamp: " + hostile.pick(List.of("0", "-1", "1e9", "x",
                            String.valueOf(System.currentTimeMillis() / 1000))));
            case 2 -> multipart(hostile);
            default -> RawExchange.request("GET", tencent, "/v2/index.php?" + hostile.form(TENCENT_NAMES,
                    1 + hostile.below(40)), null, new byte[0], auth(hostile, "Accept: */*"));
        };
        exchange(tencent, request, findings);
    }

    private byte[] multipart(Hostile hostile) {
        String boundary = "b" + hostile.below(1000);
        var body = new StringBuilder();
        int parts = 1 + hostile.below(hostile.chance(10) ? 3000 : 20);
        for (int i = 0; i < parts; i++) {
            body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                    .append(hostile.parameterName(TENCENT_NAMES).replace("\"", "").replace("\r", "").replace("\n", ""))
                    .append("\"\r\n\r\n").append(hostile.text()).append("\r\n");
        }
        if (hostile.chance(80)) {
            body.append("--").append(boundary).append("--\r\n");
        }
        return RawExchange.request("POST", tencent, "/", "multipart/form-data; boundary=" + boundary,
                body.toString().getBytes(StandardCharsets.UTF_8), "X-TC-Action: DescribeVpcs");
    }

    private void keystone(Hostile hostile, Findings findings) throws Exception {
        byte[] body = hostile.chance(50) ? hostile.jsonBody() : ("{\"auth\": {\"identity\": {\"methods\": [\""
                + hostile.pick(List.of("password", "token", "totp", "x")) + "\"], \"password\": {\"user\": {\"name\": "
                + Json.MAPPER.writeValueAsString(hostile.text()) + ", \"domain\": {\"name\": "
                + Json.MAPPER.writeValueAsString(hostile.text()) + "}, \"password\": "
                + Json.MAPPER.writeValueAsString(hostile.text()) + "}}}, \"scope\": "
                + hostile.pick(List.of("{}", "null", "[]", "{\"project\": {\"id\": \"" + hostile.below(100) + "\"}}"))
                + "}}").getBytes(StandardCharsets.UTF_8);
        String target = hostile.pick(List.of("/v3/auth/tokens", "/v3", "/v3/auth/tokens?nocatalog=%zz", "/v3/users",
                "/v3/auth/tokens/" + hostile.encodeLoosely(hostile.text())));
        byte[] request = hostile.chance(70)
                ? RawExchange.request("POST", keystone, target, "application/json", body)
                : RawExchange.request(hostile.pick(List.of("GET", "HEAD", "DELETE")), keystone, target, null,
                        new byte[0], "X-Auth-Token: " + safeHeader(hostile.text()),
                        "X-Subject-Token: " + safeHeader(hostile.text()));
        exchange(keystone, request, findings);
    }

    private void neutron(Hostile hostile, Findings findings) throws Exception {
        String target = "/v2.0/" + hostile.pick(List.of("networks", "subnets", "routers", "vpn/ikepolicies",
                "vpn/ipsec-site-connections", "vpn/endpoint-groups", "extensions", "ports"))
                + hostile.pick(List.of("", "/" + hostile.encodeLoosely(hostile.text()), ".json", "?"
                        + hostile.form(List.of("name", "fields", "limit", "marker", "sort_key", "sort_dir"), 3)));
        byte[] request = RawExchange.request(hostile.pick(List.of("GET", "POST", "PUT", "DELETE")), neutron, target,
                "application/json", hostile.jsonBody(), "X-Auth-Token: " + safeHeader(hostile.text()));
        exchange(neutron, request, findings);
    }

    private static String auth(Hostile hostile, String other) {
        return hostile.chance(50) ? "Authorization: " + safeHeader(hostile.pick(AUTHORIZATIONS)) : other;
    }

    /** A header value the request can carry: no line breaks, Latin-1 only, at most 8 KB. */
    private static String safeHeader(String value) {
        var out = new StringBuilder();
        value.chars().limit(8192).forEach(c -> out.append(c == '\r' || c == '\n' || c > 0xff ? '?' : (char) c));
        return out.toString();
    }

    private void exchange(URI listener, byte[] request, Findings findings) throws Exception {
        var answer = RawExchange.exchange(listener, request, timeout);
        findings.check(listener.getPort() + " " + new String(request, 0, Math.min(request.length, 200),
                StandardCharsets.ISO_8859_1), answer, Findings.Expect.REFUSAL);
    }
}
