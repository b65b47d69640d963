package dev.vpnd.server.dialect.aliyun;

import dev.vpnd.server.http.FormUrlEncoded;
import dev.vpnd.server.http.WireRequest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An RPC-style call as the clients send it: parameters in the query string and, for tea-rpc's
 * form-body calls (the Alibaba Terraform provider's pattern, as tested in ReplayAndTimestampTest)
 * and the 8.x SDK's tunnel options, in a form body too; both are merged and both are signed.
 * Signature v3 moves Action and Version into {@code x-acs-*} headers.
 */
record RpcCall(Map<String, String> query, Map<String, String> params, String action, String version,
        Format format) {

    enum Format {
        JSON, XML
    }

    static RpcCall parse(WireRequest request) {
        Map<String, String> query;
        Map<String, String> form = Map.of();
        try {
            query = FormUrlEncoded.parse(request.rawQuery());
            String contentType = request.header("content-type");
            if (request.body().length > 0 && contentType != null
                    && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
                form = FormUrlEncoded.parse(new String(request.body(), java.nio.charset.StandardCharsets.UTF_8));
            }
        } catch (IllegalArgumentException e) {
            throw AliyunError.INVALID_PARAMETER.fault("QueryString");
        }
        var params = new LinkedHashMap<String, String>(query);
        params.putAll(form);
        String action = firstPresent(params.get("Action"), request.header("x-acs-action"));
        String version = firstPresent(params.get("Version"), request.header("x-acs-version"));
        var format = "xml".equalsIgnoreCase(params.get("Format")) ? Format.XML : Format.JSON;
        return new RpcCall(query, params, action, version, format);
    }

    private static String firstPresent(String a, String b) {
        return a != null && !a.isEmpty() ? a : b;
    }
}
