package dev.vpnd.server.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tencentcloudapi.common.CommonClient;
import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import dev.vpnd.server.RunningVpnd;
import dev.vpnd.server.security.KeyStyle;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Request metrics are labelled from closed sets: an action name from a request is a label only when
 * it is a known action, else {@code unknown}, and nothing else a request says becomes a label.
 */
class MetricsLabelsTest {
    @RegisterExtension
    static final RunningVpnd VPND = new RunningVpnd();

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static void post(String url, String contentType, String body, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HTTP.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    @Test
    void noLabelComesFromARequestUnlessItIsAKnownAction() throws Exception {
        String marker = "Marker" + UUID.randomUUID().toString().replace("-", "");
        String form = "application/x-www-form-urlencoded";
        String aliyun = VPND.endpoints().get("aliyun") + "/";
        String tencent = VPND.endpoints().get("tencent");
        long now = Instant.now().getEpochSecond();
        // An unknown action, a known one badly signed, and input in every other field an error may name.
        post(aliyun + "?Action=" + marker + "&Version=2016-04-28", form, "");
        post(aliyun + "?Action=DescribeVpcs&Version=" + marker + "&AccessKeyId=" + marker, form,
                marker + "=" + marker);
        post(tencent + "/", form, "Action=" + marker + "&Version=2017-03-12&Region=" + marker + "&SecretId="
                + KeyStyle.DEMO_TENCENT_SECRET_ID + "&Timestamp=" + now + "&Nonce=1&Signature=" + marker);
        post(tencent + "/", "application/json", "{\"" + marker + "\":1}", "Authorization",
                "TC3-HMAC-SHA256 Credential=" + marker + "/2020-01-01/vpc/tc3_request, SignedHeaders=content-type;host,"
                        + " Signature=" + "0".repeat(64), "X-TC-Action", marker, "X-TC-Region", marker,
                "X-TC-Timestamp", String.valueOf(now));
        post(tencent + "/v2/index.php", form, "Action=" + marker + "&Region=" + marker + "&SecretId=" + marker
                + "&Timestamp=" + now + "&Nonce=1&Signature=x");

        // A well signed call of an unknown action, through the SDK.
        var http = new HttpProfile();
        http.setEndpoint(VPND.tencentEndpoint());
        http.setProtocol(HttpProfile.REQ_HTTP);
        var sdk = new CommonClient("vpc", "2017-03-12", new Credential(KeyStyle.DEMO_TENCENT_SECRET_ID,
                KeyStyle.DEMO_TENCENT_SECRET_KEY), "ap-guangzhou", new ClientProfile(ClientProfile.SIGN_TC3_256,
                http));
        assertThatThrownBy(() -> sdk.call(marker, "{}")).isInstanceOf(TencentCloudSDKException.class)
                .hasMessageContaining("does not exist");

        String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(VPND.endpoints().get("admin") + "/metrics"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(metrics).doesNotContain(marker);
        for (String dialect : new String[] {"aliyun", "tencent"}) {
            assertThat(metrics).containsPattern("vpnd_requests_seconds_count\\{action=\"unknown\",dialect=\""
                    + dialect + "\"");
        }
        // A known action read from the request keeps its name once it is known.
        assertThat(metrics).containsPattern("action=\"DescribeVpcs\",dialect=\"aliyun\"");
    }
}
