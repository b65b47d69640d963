package dev.vpnd.server.dialect.tencent;

import dev.vpnd.server.http.WireResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * API 3.0 bodies: {@code {"Response":{...,"RequestId"}}} and, for errors, {@code Response.Error}.
 * Always HTTP 200 with exactly {@code application/json}: the Java SDK drops the body of any other
 * status, and the Python SDK looks for errors only under that content type
 * (docs/dialects/tencent.md, "Answers and errors").
 */
final class TencentRenderer {
    static final String CONTENT_TYPE = "application/json";

    WireResponse success(Map<String, Object> fields, String requestId) {
        var response = new LinkedHashMap<String, Object>(fields);
        response.put("RequestId", requestId);
        return WireResponse.of(200, CONTENT_TYPE, TencentJson.body(Map.of("Response", response)));
    }

    WireResponse error(int status, String code, String message, String requestId) {
        var error = new LinkedHashMap<String, Object>();
        error.put("Code", code);
        error.put("Message", message);
        var response = new LinkedHashMap<String, Object>();
        response.put("Error", error);
        response.put("RequestId", requestId);
        return WireResponse.of(status, CONTENT_TYPE, TencentJson.body(Map.of("Response", response)));
    }
}
