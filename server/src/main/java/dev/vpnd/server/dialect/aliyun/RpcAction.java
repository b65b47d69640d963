package dev.vpnd.server.dialect.aliyun;

import java.util.Map;

/** One wire action: reads the context, calls canonical services, returns the ordered response body. */
@FunctionalInterface
interface RpcAction {
    Map<String, Object> run(RpcContext context);
}
