package dev.vpnd.server.dialect.aliyun;

import dev.vpnd.core.model.AccessKey;
import dev.vpnd.server.http.WireRequest;
import dev.vpnd.server.security.CanonicalRequest;
import dev.vpnd.server.security.KeyDirectory;
import dev.vpnd.server.security.ReplayGuard;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Who signed a call, checked in the order the clouds check it: the key exists, the timestamp is
 * within {@link #WINDOW} of now, the signature matches, and only then is the nonce spent, so a
 * request with a bad signature cannot burn someone else's nonce.
 */
final class AliyunAuthenticator {
    static final Duration WINDOW = Duration.ofMinutes(15);
    /**
     * What an ACS3 signature must cover: the time and nonce that make it fresh and the action it
     * runs, which would otherwise be unsigned headers. Every official SDK signs every x-acs-* header.
     */
    private static final List<String> V3_REQUIRED_SIGNED_HEADERS = List.of("x-acs-action", "x-acs-date",
            "x-acs-signature-nonce");

    private final KeyDirectory keys;
    private final ReplayGuard replayGuard;

    AliyunAuthenticator(KeyDirectory keys, ReplayGuard replayGuard) {
        this.keys = keys;
        this.replayGuard = replayGuard;
    }

    AccessKey authenticate(WireRequest request, RpcCall call) {
        String authorization = request.header("authorization");
        if (authorization != null && authorization.startsWith(AcsSignatureV3.SCHEME_PREFIX)) {
            return signatureV3(request, call, authorization);
        }
        if (call.params().containsKey("Signature")) {
            return signatureV1(request, call);
        }
        throw AliyunError.INCOMPLETE_SIGNATURE.fault("The request has no Signature and no Authorization header.");
    }

    private AccessKey signatureV1(WireRequest request, RpcCall call) {
        var params = new RpcParams(call.params());
        String keyId = params.required("AccessKeyId");
        String method = params.optional("SignatureMethod", "HMAC-SHA1");
        if (!method.equals("HMAC-SHA1")) {
            throw AliyunError.INVALID_PARAMETER.fault("SignatureMethod");
        }
        String timestamp = params.required("Timestamp");
        String nonce = params.required("SignatureNonce");
        AccessKey key = keys.find(keyId).orElseThrow(AliyunError.INVALID_ACCESS_KEY::fault);
        checkTimestamp(timestamp, request.receivedAt());
        String secret = key.secret().value();
        if (!RpcSignatureV1.verify(request.method(), call.params(), secret, call.params().get("Signature"))) {
            throw AliyunError.SIGNATURE_MISMATCH.fault(RpcSignatureV1.echoStringToSign(request.method(),
                    call.params()));
        }
        spendNonce(keyId, nonce, request.receivedAt());
        return key;
    }

    private AccessKey signatureV3(WireRequest request, RpcCall call, String authorization) {
        if (AcsSignatureV3.Algorithm.of(authorization).isEmpty()) {
            String scheme = authorization.split(" ", 2)[0];
            throw AliyunError.INCOMPLETE_SIGNATURE.fault("The signature algorithm "
                    + scheme.substring(0, Math.min(scheme.length(), 40)) + " is not supported.");
        }
        var auth = AcsSignatureV3.parseAuthorization(authorization).orElseThrow(
                () -> AliyunError.INCOMPLETE_SIGNATURE.fault("The Authorization header is malformed."));
        var signed = auth.signedHeaders().stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
        if (!signed.containsAll(V3_REQUIRED_SIGNED_HEADERS)) {
            throw AliyunError.INCOMPLETE_SIGNATURE.fault("SignedHeaders must include "
                    + String.join(", ", V3_REQUIRED_SIGNED_HEADERS) + ".");
        }
        String date = request.header("x-acs-date");
        if (date == null || date.isEmpty()) {
            throw AliyunError.MISSING_PARAMETER.fault("x-acs-date");
        }
        String nonce = request.header("x-acs-signature-nonce");
        if (nonce == null || nonce.isEmpty()) {
            throw AliyunError.MISSING_PARAMETER.fault("x-acs-signature-nonce");
        }
        AccessKey key = keys.find(auth.accessKeyId()).orElseThrow(AliyunError.INVALID_ACCESS_KEY::fault);
        checkTimestamp(date, request.receivedAt());
        String path = request.path();
        if (!AcsSignatureV3.verify(request.method(), path, call.query(), request::header, request.body(), auth,
                key.secret().value())) {
            String canonical = CanonicalRequest.of(request.method(), CanonicalRequest.uri(path),
                    AcsSignatureV3.canonicalQueryString(call.query()),
                    AcsSignatureV3.canonicalHeaders(auth.signedHeaders(), request::header),
                    String.join(";", auth.signedHeaders()),
                    AcsSignatureV3.hashedPayload(auth.algorithm(), request.body()));
            throw AliyunError.SIGNATURE_MISMATCH.fault(AcsSignatureV3.stringToSign(auth.algorithm(), canonical));
        }
        spendNonce(auth.accessKeyId(), nonce, request.receivedAt());
        return key;
    }

    private static void checkTimestamp(String text, Instant now) {
        Instant stamp = SdkTimestamp.parse(text);
        if (stamp == null) {
            throw AliyunError.TIMESTAMP_FORMAT.fault();
        }
        if (Duration.between(stamp, now).abs().compareTo(WINDOW) > 0) {
            throw AliyunError.TIMESTAMP_EXPIRED.fault();
        }
    }

    private void spendNonce(String keyId, String nonce, Instant now) {
        if (!replayGuard.firstUse(keyId, nonce, now)) {
            throw AliyunError.NONCE_USED.fault();
        }
    }
}
