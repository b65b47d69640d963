package dev.vpnd.server.dialect.tencent;

import dev.vpnd.server.dialect.WireFault;
import dev.vpnd.server.http.WireResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Legacy v2 bodies: {@code {"code":0,"message":"",…}} on success, as DescribeVpnConn's example
 * shows it (no {@code codeDesc}), and {@code {"code":…,"message":…,"codeDesc":…}} on error. Always
 * HTTP 200: the legacy Java SDK drops the body of any other status (docs/dialects/tencent.md,
 * Legacy v2 API).
 */
final class LegacyRenderer {
    WireResponse success(Map<String, Object> fields) {
        var body = new LinkedHashMap<String, Object>();
        body.put("code", 0);
        body.put("message", "");
        body.putAll(fields);
        return WireResponse.of(200, TencentRenderer.CONTENT_TYPE, TencentJson.body(body));
    }

    /** An API 3.0 error under its legacy number; {@code codeDesc} keeps the API 3.0 code. */
    WireResponse error(WireFault fault) {
        var body = new LinkedHashMap<String, Object>();
        body.put("code", number(fault).code);
        body.put("message", fault.getMessage());
        body.put("codeDesc", fault.code());
        return WireResponse.of(200, TencentRenderer.CONTENT_TYPE, TencentJson.body(body));
    }

    private static LegacyError number(WireFault fault) {
        if (fault.error() instanceof TencentError error) {
            return LegacyError.of(error);
        }
        throw new IllegalStateException("not a Tencent error: " + fault.error());
    }
}
