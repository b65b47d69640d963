package dev.vpnd.server.fuzz;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Another tenant at the victim's resources: their real ids (as a leaked log line would give them)
 * and ids guessed from them, read, changed, tagged and deleted through every dialect. No write may
 * succeed, and no answer may carry a victim id the caller did not send.
 */
final class CrossTenantCampaign {
    private final SignedClients attacker;
    private final URI neutron;
    private final String attackerToken;
    private final Victim victim;
    private final Duration timeout;

    CrossTenantCampaign(SignedClients attacker, URI neutron, String attackerToken, Victim victim, Duration timeout) {
        this.attacker = attacker;
        this.neutron = neutron;
        this.attackerToken = attackerToken;
        this.victim = victim;
        this.timeout = timeout;
    }

    void run(Hostile hostile, Findings findings, int requests) throws Exception {
        for (int i = 0; i < requests; i++) {
            switch (hostile.below(3)) {
                case 0 -> aliyun(hostile, findings);
                case 1 -> tencent(hostile, findings);
                default -> neutron(hostile, findings);
            }
        }
    }

    /** The real id, or one guessed from it by changing a character or two. */
    private static String guess(Hostile hostile, String id) {
        if (hostile.chance(60)) {
            return id;
        }
        char[] chars = id.toCharArray();
        int changes = 1 + hostile.below(2);
        for (int i = 0; i < changes; i++) {
            int at = chars.length - 1 - hostile.below(Math.min(4, chars.length));
            chars[at] = Character.isDigit(chars[at]) ? (char) ('0' + hostile.below(10))
                    : (char) ('a' + hostile.below(26));
        }
        return new String(chars);
    }

    private void aliyun(Hostile hostile, Findings findings) {
        var entry = hostile.pick(List.copyOf(victim.aliyunIds.entrySet()));
        String kind = entry.getKey();
        String id = guess(hostile, entry.getValue());
        String idName = kind + "Id";
        var call = switch (hostile.below(5)) {
            case 0 -> new Call("Describe" + kind + (kind.equals("Vpc") ? "s" : ""), Map.of("RegionId", "cn-hangzhou",
                    idName, id), false);
            case 1 -> new Call("Modify" + kind + "Attribute", Map.of("RegionId", "cn-hangzhou", idName, id,
                    "Name", "pwned"), true);
            case 2 -> new Call("Delete" + kind, Map.of("RegionId", "cn-hangzhou", idName, id), true);
            case 3 -> new Call("TagResources", Map.of("RegionId", "cn-hangzhou", "ResourceType",
                    kind.equals("VpnConnection") ? "VpnConnection" : kind.equals("VpnGateway") ? "VpnGateway"
                            : kind.equals("CustomerGateway") ? "CustomerGateway" : "VPC",
                    "ResourceId.1", id, "Tag.1.Key", "owned", "Tag.1.Value", "by-mallory"), true);
            default -> new Call("Describe" + kind + "s", Map.of("RegionId", "cn-hangzhou", idName, id), false);
        };
        judge(findings, "aliyun " + call, attacker.aliyun(call.action(), call.query(), hostile.chance(30)),
                call.write(), id);
    }

    private void tencent(Hostile hostile, Findings findings) {
        var entry = hostile.pick(List.copyOf(victim.tencentIds.entrySet()));
        String kind = entry.getKey();
        String id = guess(hostile, entry.getValue());
        String idName = kind + "Id";
        var call = switch (hostile.below(4)) {
            case 0 -> new Call("Describe" + kind + "s", Map.of(idName + "s", "[\"" + id + "\"]"), false);
            case 1 -> new Call("Modify" + kind + "Attribute", Map.of(idName, "\"" + id + "\"",
                    (kind.equals("Vpc") ? "VpcName" : kind + "Name"), "\"pwned\""), true);
            case 2 -> new Call("Delete" + kind, Map.of(idName, "\"" + id + "\""), true);
            default -> new Call("Describe" + kind + "s", Map.of("Filters", "[{\"Name\":\""
                    + (kind.equals("VpnConnection") ? "vpn-connection-id" : kind.equals("VpnGateway") ? "vpn-gateway-id"
                    : kind.equals("CustomerGateway") ? "customer-gateway-id" : "vpc-id") + "\",\"Values\":[\"" + id
                    + "\"]}]"), false);
        };
        var payload = new StringBuilder("{");
        call.query().forEach((name, value) -> payload.append(payload.length() > 1 ? "," : "").append('"').append(name)
                .append("\":").append(value));
        payload.append('}');
        judge(findings, "tencent " + call, attacker.tencent(call.action(), payload.toString()), call.write(), id);
    }

    private void neutron(Hostile hostile, Findings findings) throws Exception {
        var resource = hostile.pick(victim.neutron);
        String id = guess(hostile, resource.id());
        String path = "/v2.0/" + resource.collection() + "/" + id;
        byte[] request = switch (hostile.below(6)) {
            case 0 -> RawExchange.request("GET", neutron, path, null, new byte[0], "X-Auth-Token: " + attackerToken);
            case 1 -> RawExchange.request("DELETE", neutron, path, null, new byte[0], "X-Auth-Token: " + attackerToken);
            case 2 -> RawExchange.request("PUT", neutron, path, "application/json", ("{\"" + resource.member()
                    + "\": {\"name\": \"pwned\"}}").getBytes(StandardCharsets.UTF_8), "X-Auth-Token: " + attackerToken);
            case 3 -> RawExchange.request("PUT", neutron, path, "application/json", ("{\"" + resource.member()
                    + "\": {\"" + hostile.pick(List.of("shared", "router:external", "is_default", "admin_state_up"))
                    + "\": " + hostile.random().nextBoolean() + "}}").getBytes(StandardCharsets.UTF_8),
                    "X-Auth-Token: " + attackerToken);
            case 4 -> RawExchange.request("GET", neutron, "/v2.0/" + resource.collection() + hostile.pick(List.of("",
                    "?id=" + id, "?tenant_id=" + hostile.pick(victim.neutron).id(), "?fields=id&fields=psk")), null,
                    new byte[0], "X-Auth-Token: " + attackerToken);
            default -> RawExchange.request("PUT", neutron, "/v2.0/routers/" + id + "/"
                    + hostile.pick(List.of("add_router_interface", "remove_router_interface")), "application/json",
                    "{\"subnet_id\": \"00000000-0000-0000-0000-000000000000\"}".getBytes(StandardCharsets.UTF_8),
                    "X-Auth-Token: " + attackerToken);
        };
        String method = new String(request, 0, 6, StandardCharsets.US_ASCII);
        var answer = RawExchange.exchange(neutron, request, timeout);
        String what = "neutron as another project: " + new String(request, 0, Math.min(request.length, 200),
                StandardCharsets.UTF_8);
        findings.check(what, answer, Findings.Expect.ANSWER);
        boolean success = answer.status() >= 200 && answer.status() < 300;
        if (success && !method.startsWith("GET")) {
            findings.fail(what, "a write to another project's resource succeeded (" + answer.status() + ")",
                    answer.head());
        } else if (success) {
            // Shared and external networks (and their subnets) are everyone's to read; nothing else is.
            victim.neutron.stream().filter(r -> !r.adminOwned()).map(Victim.NeutronResource::id)
                    .filter(answer.head()::contains).findFirst()
                    .ifPresent(leaked -> findings.fail(what, "another project's resource " + leaked
                            + " in the answer", answer.head()));
        }
    }

    private record Call(String action, Map<String, String> query, boolean write) {
    }

    private void judge(Findings findings, String what, SignedClients.Outcome outcome, boolean write, String id) {
        findings.counted();
        switch (outcome) {
            case SignedClients.Outcome.Broken broken -> findings.fail(what, broken.reason(), null);
            case SignedClients.Outcome.Answered answered -> {
                if (write) {
                    findings.fail(what, "a write to another tenant's resource succeeded", answered.body());
                } else if (victim.allIds().stream().anyMatch(answered.body()::contains)) {
                    findings.fail(what, "another tenant's resource in the answer (asked for " + id + ")",
                            answered.body());
                }
            }
            default -> {
            }
        }
    }
}
