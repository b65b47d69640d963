package dev.vpnd.server.dialect.tencent;

import java.util.Map;
import java.util.Set;

/**
 * One API 3.0 action: what it does, whether it only reads (a Describe), and the parameters it
 * takes (any other is {@code UnknownParameter}, as Tencent answers).
 */
record Api3Action(Handler handler, boolean readOnly, Set<String> parameters) {

    @FunctionalInterface
    interface Handler {
        /** The fields of {@code Response}, without RequestId. */
        Map<String, Object> run(Api3Context context);
    }
}
