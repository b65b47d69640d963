package dev.vpnd.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyun.tea.TeaException;
import com.aliyun.vpc20160428.models.DescribeVpnConnectionsRequest;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.exceptions.ErrorType;
import com.aliyuncs.http.ProtocolType;
import dev.vpnd.core.service.AccountService;
import dev.vpnd.server.RunningVpnd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A wrong secret or an unknown key, as each SDK and signature version reports it. */
class SignatureFailureTest {
    @RegisterExtension
    static final RunningVpnd VPND = new RunningVpnd();

    private static final String WRONG_SECRET = "not-the-demo-secret";
    private static final String UNKNOWN_KEY = "LTAI5tUnknownAccessKey";

    private static TeaException newSdkFailure(boolean v2, String keyId, String secret) throws Exception {
        var client = AliyunClients.newSdk(VPND.aliyunEndpoint(), v2, keyId, secret);
        return catchThrowableOfType(TeaException.class, () -> client.describeVpnConnections(
                new DescribeVpnConnectionsRequest().setRegionId(AliyunClients.REGION)));
    }

    private static ClientException oldSdkFailure(String keyId, String secret) {
        var client = AliyunClients.oldSdk(keyId, secret);
        var request = new com.aliyuncs.vpc.model.v20160428.DescribeVpnConnectionsRequest();
        request.setSysEndpoint(VPND.aliyunEndpoint());
        request.setSysProtocol(ProtocolType.HTTP);
        var e = catchThrowableOfType(ClientException.class, () -> client.getAcsResponse(request));
        assertThat(e).as("a 4xx answer is a ClientException").isExactlyInstanceOf(ClientException.class);
        return e;
    }

    @ParameterizedTest(name = "new SDK, signature v2={0}")
    @ValueSource(booleans = {false, true})
    void newSdkWrongSecret(boolean v2) throws Exception {
        var e = newSdkFailure(v2, AccountService.DEMO_KEY_ID, WRONG_SECRET);
        assertThat(e.getCode()).isEqualTo("SignatureDoesNotMatch");
        assertThat(e.getStatusCode()).isEqualTo(400);
        assertThat(e.getData()).containsKey("RequestId");
    }

    @ParameterizedTest(name = "new SDK, signature v2={0}")
    @ValueSource(booleans = {false, true})
    void newSdkUnknownKey(boolean v2) throws Exception {
        var e = newSdkFailure(v2, UNKNOWN_KEY, WRONG_SECRET);
        assertThat(e.getCode()).isEqualTo("InvalidAccessKeyId.NotFound");
        assertThat(e.getStatusCode()).isEqualTo(404);
    }

    @ParameterizedTest(name = "new SDK, signature v2={0}")
    @ValueSource(booleans = {false, true})
    void newSdkRightSecretStillWorks(boolean v2) throws Exception {
        var client = AliyunClients.newSdk(VPND.aliyunEndpoint(), v2);
        var body = client.describeVpnConnections(new DescribeVpnConnectionsRequest().setRegionId(AliyunClients.REGION))
                .getBody();
        assertThat(body.getTotalCount()).isZero();
    }

    /**
     * The cloud answers a wrong secret with 400 SignatureDoesNotMatch and its string-to-sign in the
     * message. The old core compares that string with its own and, when they are equal (only the
     * secret differs), reports {@code SDK.InvalidAccessKeySecret} with the cloud's RequestId
     * (DefaultAcsClient.parseAcsResponse). So this code proves both the 400 status and the code and
     * that vpnd's string-to-sign is byte for byte the client's.
     */
    @Test
    void oldSdkWrongSecret() {
        var e = oldSdkFailure(AccountService.DEMO_KEY_ID, WRONG_SECRET);
        assertThat(e.getErrCode()).isEqualTo("SDK.InvalidAccessKeySecret");
        assertThat(e.getErrorType()).isEqualTo(ErrorType.Client);
        assertThat(e.getRequestId()).isNotBlank();
    }

    @Test
    void oldSdkUnknownKey() {
        var e = oldSdkFailure(UNKNOWN_KEY, WRONG_SECRET);
        assertThat(e.getErrCode()).isEqualTo("InvalidAccessKeyId.NotFound");
        assertThat(e.getErrMsg()).isEqualTo("Specified access key is not found.");
        assertThat(e.getErrorType()).isEqualTo(ErrorType.Client);
        assertThat(e.getRequestId()).isNotBlank();
    }
}
