package dev.vpnd.server.fuzz;

import com.aliyun.tea.TeaException;
import com.aliyun.teaopenapi.models.Config;
import com.aliyun.teaopenapi.models.OpenApiRequest;
import com.aliyun.teaopenapi.models.Params;
import com.aliyun.teautil.models.RuntimeOptions;
import com.tencentcloudapi.common.CommonClient;
import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.Map;

/**
 * The official SDKs' generic callers (Alibaba's {@code callApi}, Tencent's {@code CommonClient}),
 * which sign whatever action and parameters they are given: hostile values arrive signed exactly
 * as a client would sign them. Each call's outcome is judged here.
 */
final class SignedClients {
    private static final String ALIYUN_REGION = "cn-hangzhou";
    private static final String TENCENT_REGION = "ap-guangzhou";
    /** The Tencent listener's body limit. */
    private static final long TENCENT_BODY_LIMIT = dev.vpnd.server.http.BodyLimits.RPC.maxBodyBytes();

    private final com.aliyun.teaopenapi.Client aliyunV3;
    private final com.aliyun.teaopenapi.Client aliyunV2;
    private final CommonClient tencent;

    SignedClients(String aliyunEndpoint, String tencentEndpoint, Tenant tenant) throws Exception {
        this.aliyunV3 = aliyun(aliyunEndpoint, tenant, false);
        this.aliyunV2 = aliyun(aliyunEndpoint, tenant, true);
        var http = new HttpProfile();
        http.setEndpoint(tencentEndpoint);
        http.setProtocol(HttpProfile.REQ_HTTP);
        http.setReadTimeout(30);
        this.tencent = new CommonClient("vpc", "2017-03-12", new Credential(tenant.tencentSecretId(),
                tenant.tencentSecretKey()), TENCENT_REGION, new ClientProfile(ClientProfile.SIGN_TC3_256, http));
    }

    private static com.aliyun.teaopenapi.Client aliyun(String endpoint, Tenant tenant, boolean v2) throws Exception {
        var config = new Config().setAccessKeyId(tenant.aliyunKeyId()).setAccessKeySecret(tenant.aliyunSecret())
                .setRegionId(ALIYUN_REGION).setEndpoint(endpoint).setProtocol("HTTP")
                .setReadTimeout(30_000).setConnectTimeout(5_000);
        if (v2) {
            config.setSignatureAlgorithm("v2");
        }
        return new com.aliyun.teaopenapi.Client(config);
    }

    /** What a signed call came to. */
    sealed interface Outcome {
        /** A success answer and its body. */
        record Answered(String body) implements Outcome {
        }

        /** The dialect's own error for the request. */
        record Refused(String code) implements Outcome {
        }

        /** The client refused to send it (a value it cannot encode); nothing reached the server. */
        record NotSent(String reason) implements Outcome {
        }

        /** A server error, no answer in time, or an answer the client could not read as the cloud's. */
        record Broken(String reason) implements Outcome {
        }
    }

    Outcome aliyun(String action, Map<String, String> query, boolean v2) {
        var params = new Params().setAction(action).setVersion("2016-04-28").setProtocol("HTTP").setPathname("/")
                .setMethod("POST").setAuthType("AK").setStyle("RPC").setReqBodyType("formData").setBodyType("json");
        try {
            var answer = (v2 ? aliyunV2 : aliyunV3).callApi(params, new OpenApiRequest().setQuery(query),
                    new RuntimeOptions().setAutoretry(false).setReadTimeout(30_000));
            return new Outcome.Answered(Json.MAPPER.writeValueAsString(answer.get("body")));
        } catch (TeaException e) {
            Integer status = e.getStatusCode();
            if (status == null || status >= 500 || e.getCode() == null || e.getCode().startsWith("InternalError")) {
                return new Outcome.Broken("status " + status + " " + e.getCode() + ": " + e.getMessage());
            }
            return new Outcome.Refused(e.getCode());
        } catch (Exception e) {
            return unexpected(e);
        }
    }

    Outcome tencent(String action, String jsonPayload) {
        try {
            return new Outcome.Answered(tencent.call(action, jsonPayload));
        } catch (TencentCloudSDKException e) {
            if (isTransport(e)) {
                return new Outcome.Broken("no answer: " + e.getMessage());
            }
            if (cutOffWhileSending(e, jsonPayload)) {
                return new Outcome.Refused("RequestTooLarge");
            }
            String code = e.getErrorCode();
            if (code == null || code.isEmpty() || code.startsWith("InternalError") || e.getRequestId() == null
                    || e.getRequestId().isEmpty()) {
                return new Outcome.Broken("code " + code + ": " + e.getMessage());
            }
            return new Outcome.Refused(code);
        } catch (RuntimeException e) {
            return unexpected(e);
        }
    }

    /**
     * A body over the listener's limit is answered 413 and the connection closed before the rest is
     * read; a client still writing then sees its pipe broken or reset rather than the answer.
     */
    private static boolean cutOffWhileSending(Exception e, String payload) {
        if (payload.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= TENCENT_BODY_LIMIT) {
            return false;
        }
        String text = String.valueOf(e.getMessage());
        for (Throwable t = e; t != null; t = t.getCause()) {
            text += " " + t.getMessage();
        }
        return text.contains("Broken pipe") || text.contains("Connection reset");
    }

    private static Outcome unexpected(Exception e) {
        if (isTransport(e)) {
            return new Outcome.Broken("no answer: " + e);
        }
        return new Outcome.NotSent(e.toString());
    }

    private static boolean isTransport(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException || t instanceof ConnectException
                    || t instanceof java.io.InterruptedIOException) {
                return true;
            }
        }
        return false;
    }
}
