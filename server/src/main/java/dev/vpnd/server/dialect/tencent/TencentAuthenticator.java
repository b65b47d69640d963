package dev.vpnd.server.dialect.tencent;

import dev.vpnd.core.model.AccessKey;
import dev.vpnd.server.http.WireRequest;
import dev.vpnd.server.security.KeyDirectory;
import dev.vpnd.server.security.ReplayGuard;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Who signed a call, checked in the order Tencent checks it: the key exists, the timestamp is within
 * {@link #WINDOW} of now, the signature matches, and only then is a legacy nonce spent, so a badly
 * signed request cannot burn someone else's nonce. TC3 requests carry no nonce.
 */
final class TencentAuthenticator {
    /** Tencent accepts timestamps up to five minutes from its clock. */
    static final Duration WINDOW = Duration.ofMinutes(5);
    /** The names clients sign when they keep the cloud's endpoint and only route to vpnd. */
    private static final List<String> PUBLIC_HOSTS = List.of("vpc.tencentcloudapi.com", "vpc.api.qcloud.com");

    private final KeyDirectory keys;
    private final ReplayGuard replayGuard;

    TencentAuthenticator(KeyDirectory keys, ReplayGuard replayGuard) {
        this.keys = keys;
        this.replayGuard = replayGuard;
    }

    AccessKey tc3(WireRequest request, Api3Call call) {
        var auth = Tc3Signature.parseAuthorization(request.header("authorization")).orElseThrow(
                () -> TencentError.INVALID_AUTHORIZATION.fault("it must be TC3-HMAC-SHA256 Credential=SecretId/"
                        + "yyyy-MM-dd/service/tc3_request, SignedHeaders=content-type;host, Signature=hex"));
        if (call.timestamp() == null || call.timestamp().isEmpty()) {
            throw TencentError.MISSING_PARAMETER.fault("X-TC-Timestamp");
        }
        AccessKey key = keys.find(auth.secretId()).orElseThrow(TencentError.SECRET_ID_NOT_FOUND::fault);
        checkTimestamp(call.timestamp(), request.receivedAt());
        String path = request.path().isEmpty() ? "/" : request.path();
        if (!Tc3Signature.verify(request.method(), path, request.rawQuery(), request::header, request.body(),
                call.timestamp(), auth, key.secret().value())) {
            throw TencentError.SIGNATURE_FAILURE.fault("The string to sign here was: " + Tc3Signature
                    .expectedStringToSign(request.method(), path, request.rawQuery(), request::header,
                            request.body(), call.timestamp(), auth).replace("\n", "\\n"));
        }
        return key;
    }

    /** The legacy signature over form {@code fields}, at {@code path} ({@code /} or {@code /v2/index.php}). */
    AccessKey legacy(WireRequest request, Map<String, String> fields, String path) {
        String secretId = required(fields, "SecretId");
        String timestamp = required(fields, "Timestamp");
        String nonce = required(fields, "Nonce");
        String signature = required(fields, "Signature");
        AccessKey key = keys.find(secretId).orElseThrow(TencentError.SECRET_ID_NOT_FOUND::fault);
        checkTimestamp(timestamp, request.receivedAt());
        String method = request.method();
        boolean matched = false;
        for (String host : signedHosts(request.header("host"))) {
            matched |= LegacySignature.verify(method, host, path, fields, key.secret().value(),
                    fields.get("SignatureMethod"), signature);
        }
        if (!matched) {
            throw TencentError.SIGNATURE_FAILURE.fault("The string to sign here was: "
                    + LegacySignature.expectedSourceString(method, String.valueOf(request.header("host")), path,
                            fields));
        }
        if (!replayGuard.firstUse(secretId, nonce, request.receivedAt())) {
            throw TencentError.NONCE_USED.fault(nonce);
        }
        return key;
    }

    private static List<String> signedHosts(String hostHeader) {
        var hosts = new ArrayList<String>();
        if (hostHeader != null && !hostHeader.isEmpty()) {
            hosts.addAll(Tc3Signature.signedHosts(hostHeader));
        }
        hosts.addAll(PUBLIC_HOSTS);
        return hosts;
    }

    private static String required(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null || value.isEmpty()) {
            throw TencentError.MISSING_PARAMETER.fault(name);
        }
        return value;
    }

    private static void checkTimestamp(String text, Instant now) {
        if (text.length() > 12 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw TencentError.INVALID_PARAMETER.fault("Timestamp");
        }
        Instant stamp = Instant.ofEpochSecond(Long.parseLong(text));
        if (Duration.between(stamp, now).abs().compareTo(WINDOW) > 0) {
            throw TencentError.SIGNATURE_EXPIRE.fault(text);
        }
    }
}
