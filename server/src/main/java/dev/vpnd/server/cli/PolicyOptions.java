package dev.vpnd.server.cli;

import dev.vpnd.core.model.AccessPolicy;
import dev.vpnd.core.model.Region;
import dev.vpnd.core.model.Regions;
import dev.vpnd.core.service.DataPlaneService;
import dev.vpnd.server.RegionFile;
import dev.vpnd.server.RegionFileException;
import dev.vpnd.server.dialect.aliyun.AliyunDialect;
import dev.vpnd.server.dialect.tencent.TencentDialect;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.Option;

/**
 * The options that give an access key its policy (docs/security.md, "Key policies"). Everything is
 * checked when the key is made, so that a key never holds a pattern that matches no action or a
 * resource or region the server would not know: patterns must each match an Alibaba or Tencent
 * action; resources are VPN gateways or connections of the key's account, in any API's id form,
 * stored by canonical id; regions are any API's name or the region's id, stored by id.
 */
final class PolicyOptions {
    @Option(names = "--allow", paramLabel = "PATTERNS",
            description = "Comma-separated action patterns the key may call, '*' matching any run of characters, "
                    + "e.g. 'Describe*,CreateVpnConnection' (default: every action).")
    String allow;

    @Option(names = "--resource", split = ",", paramLabel = "ID",
            description = "Limit the key to these VPN gateways (and their connections) or connections, "
                    + "by any API's id; its calls must name them.")
    List<String> resources = new ArrayList<>();

    @Option(names = "--region", split = ",", paramLabel = "REGION",
            description = "Limit the key to these regions, by any API's name or the region's id.")
    List<String> regions = new ArrayList<>();

    @Option(names = "--regions", paramLabel = "FILE",
            description = "The region table the server is given, when not the default, to resolve --region.")
    Path regionsFile;

    /** Whether any of the policy's options was given. */
    boolean given() {
        return allow != null || !resources.isEmpty() || !regions.isEmpty();
    }

    /** A policy option that cannot be honoured, with the message the operator is shown. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    /**
     * The policy the options give a key of the account {@code accountId}.
     *
     * @param readOnly {@code --read-only}, the shorthand for {@link AccessPolicy#READ_ONLY}'s patterns
     */
    AccessPolicy policy(boolean readOnly, String accountId, DataPlaneService plane) throws Refused {
        if (readOnly && allow != null) {
            throw new Refused("give --read-only or --allow, not both (--read-only is --allow 'Describe*,List*')");
        }
        List<String> actions = readOnly ? AccessPolicy.READ_ONLY.actions()
                : allow == null ? AccessPolicy.ALLOW_ALL.actions() : patterns(allow, keyActions());
        var resourceIds = new LinkedHashSet<String>();
        for (String id : resources) {
            resourceIds.add(resource(id.strip(), accountId, plane));
        }
        var regionIds = new LinkedHashSet<String>();
        if (!regions.isEmpty()) {
            Regions table = regionTable();
            for (String name : regions) {
                regionIds.add(region(name.strip(), table));
            }
        }
        return new AccessPolicy(actions, resourceIds, regionIds);
    }

    /** A policy as {@code --json} prints it: its patterns, and the resources and regions ([] for any). */
    static Map<String, Object> json(AccessPolicy policy) {
        var out = new LinkedHashMap<String, Object>();
        out.put("allow", policy.actions());
        out.put("resources", policy.resources().stream().sorted().toList());
        out.put("regions", policy.regions().stream().sorted().toList());
        return out;
    }

    /** The action names of the APIs keys sign for: Alibaba's and Tencent's (API 3.0 and legacy). */
    static Set<String> keyActions() {
        var names = new TreeSet<>(AliyunDialect.actionNames());
        names.addAll(TencentDialect.actionNames());
        return names;
    }

    /** The patterns of {@code text}, each checked to match one of {@code known}. */
    static List<String> patterns(String text, Set<String> known) throws Refused {
        List<String> patterns;
        try {
            patterns = AccessPolicy.parseActions(text);
            new AccessPolicy(patterns, Set.of(), Set.of());
        } catch (IllegalArgumentException e) {
            throw new Refused("--allow: " + e.getMessage());
        }
        for (String pattern : patterns) {
            var one = new AccessPolicy(List.of(pattern), Set.of(), Set.of());
            if (known.stream().noneMatch(one::allowsAction)) {
                throw new Refused("--allow: '" + pattern + "' matches no action (e.g. " + String.join(", ",
                        known.stream().limit(4).toList()) + "; docs/security.md lists them)");
            }
        }
        return patterns;
    }

    private static String resource(String id, String accountId, DataPlaneService plane) throws Refused {
        var gateway = DataPlaneAdmin.resolve(plane, id);
        if (gateway.isPresent() && gateway.get().scope().accountId().equals(accountId)) {
            return gateway.get().gatewayId();
        }
        var connection = DataPlaneAdmin.resolveConnection(plane, id);
        if (connection.isPresent() && connection.get().scope().accountId().equals(accountId)) {
            return connection.get().connectionId();
        }
        throw new Refused("--resource: the account has no VPN gateway or connection '" + id + "'");
    }

    private Regions regionTable() throws Refused {
        if (regionsFile == null) {
            return RegionFile.defaults();
        }
        try {
            return RegionFile.read(regionsFile);
        } catch (RegionFileException e) {
            throw new Refused(e.getMessage());
        }
    }

    private static String region(String name, Regions table) throws Refused {
        for (Region region : table.all()) {
            if (region.id().equals(name) || region.names().containsValue(name)) {
                return region.id();
            }
        }
        throw new Refused("--region: no region is called '" + name + "' (give any API's name or the region's id)");
    }
}
