package dev.vpnd.store;

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
}
