package dev.vpnd.server.dialect.aliyun;

import java.util.List;
import java.util.Map;

/**
 * One wire action: what it runs, whether it only reads (served by any node, see Dialect#onlyReads),
 * and the parameters naming the VPN gateways and connections it acts on ({@link AliyunTargets}):
 * only these count for a key limited to some, whatever else a request sends.
 */
record RpcAction(Handler handler, boolean readOnly, List<String> targets) {
    RpcAction {
        targets = List.copyOf(targets);
    }

    /** Reads the context, calls canonical services, returns the ordered response body. */
    @FunctionalInterface
    interface Handler {
        Map<String, Object> run(RpcContext context);
    }
}
