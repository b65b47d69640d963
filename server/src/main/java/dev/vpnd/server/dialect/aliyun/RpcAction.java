package dev.vpnd.server.dialect.aliyun;

import java.util.Map;

/** One wire action: what it runs, and whether it only reads (served by any node, see Dialect#onlyReads). */
record RpcAction(Handler handler, boolean readOnly) {

    /** Reads the context, calls canonical services, returns the ordered response body. */
    @FunctionalInterface
    interface Handler {
        Map<String, Object> run(RpcContext context);
    }
}
