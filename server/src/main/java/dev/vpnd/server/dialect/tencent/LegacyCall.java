package dev.vpnd.server.dialect.tencent;

import dev.vpnd.server.http.WireRequest;
import java.util.Map;

/**
 * One legacy v2 request: every parameter, common ones included, as a form field of the query (GET)
 * or of an urlencoded or multipart body (POST), all of them signed.
 */
record LegacyCall(Map<String, String> fields) {

    static LegacyCall parse(WireRequest request) {
        return new LegacyCall(Api3Call.formFields(request));
    }

    String action() {
        return fields.getOrDefault("Action", "");
    }

    String region() {
        return fields.getOrDefault("Region", "");
    }
}
