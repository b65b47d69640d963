package dev.vpnd.store;

import dev.vpnd.core.model.SecurityPolicy;
import java.util.stream.Collectors;
import dev.vpnd.core.model.Lifecycle;
import java.util.Arrays;
import java.util.List;

/** Writing model values in their plain column encodings; {@link Row} reads them back. */
final class Rows {
    private Rows() {
    }

    static List<Object> lifecycleValues(Lifecycle lifecycle) {
        return lifecycle == null ? Arrays.asList(null, null)
                : Arrays.asList(lifecycle.pending(), lifecycle.readyAt());
    }

    static String joinList(List<String> values) {
        return String.join(",", values);
    }

    /** Groups joined by ";", each its local then its remote CIDRs joined by ",", split by ">". */
    static String joinPolicies(List<SecurityPolicy> policies) {
        return policies.stream().map(p -> joinList(p.localCidrs()) + ">" + joinList(p.remoteCidrs()))
                .collect(Collectors.joining(";"));
    }
}
