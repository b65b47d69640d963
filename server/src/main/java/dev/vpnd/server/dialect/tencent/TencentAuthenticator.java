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
 * {@link #WINDOW} of now, the signature matches, and only then is the signature spent, so a badly
 * signed request cannot spend someone else's.
 *
 * <p>A legacy signature is accepted once (the {@link ReplayGuard} remembers it past the window). It
 * covers a Nonce, but the Node SDK draws that from 16 bits, so distinct calls may share a SecretId
 * and Nonce: the signature, which covers Nonce and Timestamp with everything else, tells them apart.
 *
 * <p>TC3 has no nonce, and the SDKs sign only Content-Type and Host, leaving X-TC-Action,
 * X-TC-Region and X-TC-Version out: two calls in one second with the same body ({@code {}} for two
 * different Describe actions, or the same create made twice) carry the same signature, as a replay
 * would. So a TC3 signature may be used again only within {@link #TC3_REUSE_GRACE} of its first
 * acceptance, where the signer's own back-to-back calls arrive; later, up to the end of the window,
 * a second use is refused, under its own action and region or any other (docs/security.md). The
 * grace counts from when this server first accepted it, not from its timestamp: a signer whose
 * clock is minutes ahead would otherwise open a replay window minutes after the capture, and one
 * whose clock is behind would have its own repeats refused.
 */
final class TencentAuthenticator {
    /** Tencent accepts timestamps up to five minutes from its clock. */
    static final Duration WINDOW = Duration.ofMinutes(5);
    /** The names clients sign when they keep the cloud's endpoint and only route to vpnd. */
    private static final List<String> PUBLIC_HOSTS = List.of("vpc.tencentcloudapi.com", "vpc.api.qcloud.com");
    /**
     * Tencent documents the Nonce as a random positive integer; the SDKs send 0-65535 (Node, whose
     * {@code Math.round} can give 0, so 0 is taken too), up to 2^31 (Java) or 2^63 (Python). Digits
     * only, so no Nonce holds {@code &} or {@code =}.
     */
    private static final int MAX_NONCE_DIGITS = 20;
    /**
     * How long after its first acceptance a TC3 signature may serve again: the SDKs stamp whole
     * seconds, so calls made in one second arrive within it and a few seconds of latency.
     */
    static final Duration TC3_REUSE_GRACE = Duration.ofSeconds(5);
    /** What a spent signature is remembered under, apart from Alibaba's nonces and from each other. */
    private static final String TC3_SPENT = "tc3:";
    private static final String LEGACY_SPENT = "tencent-v1:";

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
        var earlierUse = replayGuard.earlierUse(auth.secretId(), TC3_SPENT + auth.signature(), request.receivedAt());
        if (earlierUse.isPresent()
                && Duration.between(earlierUse.get(), request.receivedAt()).abs().compareTo(TC3_REUSE_GRACE) > 0) {
            throw TencentError.SIGNATURE_REUSED.fault();
        }
        return key;
    }

    /** The legacy signature over form {@code fields}, at {@code path} ({@code /} or {@code /v2/index.php}). */
    AccessKey legacy(WireRequest request, Map<String, String> fields, String path) {
        String secretId = required(fields, "SecretId");
        String timestamp = required(fields, "Timestamp");
        String nonce = required(fields, "Nonce");
        if (nonce.length() > MAX_NONCE_DIGITS || !nonce.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw TencentError.INVALID_PARAMETER.fault("Nonce");
        }
        String signature = required(fields, "Signature");
        AccessKey key = keys.find(secretId).orElseThrow(TencentError.SECRET_ID_NOT_FOUND::fault);
        checkTimestamp(timestamp, request.receivedAt());
        String method = request.method();
        if (!LegacySignature.verify(method, signedHosts(request.header("host")), path, fields, key.secret().value(),
                fields.get("SignatureMethod"), signature)) {
            throw TencentError.SIGNATURE_FAILURE.fault(LegacySignature.echoSourceString(
                    "The string to sign here was: ", method, String.valueOf(request.header("host")), path, fields));
        }
        if (!replayGuard.firstUse(secretId, LEGACY_SPENT + signature, request.receivedAt())) {
            throw TencentError.NONCE_USED.fault(nonce);
        }
        // After spending: a request refused here cannot come back split the other way under the same signature.
        String ambiguous = LegacySignature.ambiguouslySplit(fields);
        if (ambiguous != null) {
            throw TencentError.INVALID_PARAMETER.fault(ambiguous);
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
