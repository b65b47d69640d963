package dev.vpnd.server.dialect.aliyun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.FormatType;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import com.aliyuncs.vpc.model.v20160428.CreateVpcRequest;
import com.aliyuncs.vpc.model.v20160428.DescribeVpcsRequest;
import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.vpc.v20170312.VpcClient;
import dev.vpnd.core.model.Lifecycle;
import dev.vpnd.core.model.Scope;
import dev.vpnd.core.model.Vpc;
import dev.vpnd.core.service.AccountService;
import dev.vpnd.server.RegionFile;
import dev.vpnd.server.RunningVpnd;
import dev.vpnd.server.security.KeyStyle;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * No control character (U+0000-U+001F, U+007F) is stored from a name, description or other free
 * text, in either dialect; one stored before that rule is answered in XML as U+FFFD, not a 500.
 */
class ControlCharactersTest {
    @RegisterExtension
    static final RunningVpnd VPND = new RunningVpnd();

    private static final String REGION = "cn-hangzhou";

    private static DefaultAcsClient oldSdk() {
        return new DefaultAcsClient(DefaultProfile.getProfile(REGION, AccountService.DEMO_KEY_ID,
                AccountService.DEMO_KEY_SECRET));
    }

    private static <R extends com.aliyuncs.AcsResponse> R call(com.aliyuncs.AcsRequest<R> request)
            throws ClientException {
        request.setSysEndpoint(VPND.aliyunEndpoint());
        request.setSysProtocol(ProtocolType.HTTP);
        request.setSysAcceptFormat(FormatType.XML);
        return oldSdk().getAcsResponse(request);
    }

    private static String refusal(CreateVpcRequest request) {
        var e = catchThrowableOfType(ClientException.class, () -> call(request));
        assertThat(e).as("refused").isExactlyInstanceOf(ClientException.class);
        return e.getErrCode();
    }

    @Test
    void alibabaRefusesThemInNamesAndDescriptions() {
        var name = new CreateVpcRequest();
        name.setCidrBlock("10.0.0.0/16");
        name.setVpcName("office\u0001net");
        assertThat(refusal(name)).isEqualTo("InvalidName");
        var description = new CreateVpcRequest();
        description.setCidrBlock("10.0.0.0/16");
        description.setDescription("line\nbreak");
        assertThat(refusal(description)).isEqualTo("InvalidDescription");
        var delete = new CreateVpcRequest();
        delete.setCidrBlock("10.0.0.0/16");
        delete.setVpcName("rub\u007Fout");
        assertThat(refusal(delete)).isEqualTo("InvalidName");
    }

    @Test
    void tencentRefusesThemInItsParameters() {
        var http = new HttpProfile();
        http.setEndpoint(VPND.tencentEndpoint());
        http.setProtocol(HttpProfile.REQ_HTTP);
        var client = new VpcClient(new Credential(KeyStyle.DEMO_TENCENT_SECRET_ID,
                KeyStyle.DEMO_TENCENT_SECRET_KEY), "ap-guangzhou", new ClientProfile(ClientProfile.SIGN_TC3_256,
                http));
        var request = new com.tencentcloudapi.vpc.v20170312.models.CreateVpcRequest();
        request.setVpcName("office\u0000net");
        request.setCidrBlock("10.0.0.0/16");
        var e = catchThrowableOfType(TencentCloudSDKException.class, () -> client.CreateVpc(request));
        assertThat(e).isNotNull();
        assertThat(e.getErrorCode()).isEqualTo("InvalidParameterValue");
        assertThat(e.getMessage()).contains("VpcName");
    }

    @Test
    void oneStoredBeforeIsListedInXml() throws Exception {
        String account = VPND.services().accounts().findKey(AccountService.DEMO_KEY_ID).orElseThrow().accountId();
        Instant now = Instant.now();
        try (var storage = VPND.openDatabase()) {
            storage.write(s -> {
                s.vpcs().insert(new Vpc(UUID.randomUUID().toString(), s.vpcs().nextSerial(),
                        new Scope(account, RegionFile.defaults().in(RegionFile.ALIYUN).id(REGION).orElseThrow()),
                        "legacy\u0001name", "bell\u0007", "10.0.0.0/16", false, List.of(), "",
                        Lifecycle.provisioning(now, Duration.ZERO), now, List.of(), 1), "");
                return null;
            });
        }
        var vpcs = call(new DescribeVpcsRequest()).getVpcs();
        assertThat(vpcs).extracting(v -> v.getVpcName()).contains("legacy\uFFFDname");
        assertThat(vpcs).extracting(v -> v.getDescription()).contains("bell\uFFFD");
    }

    @Test
    void xmlTextReplacesOnlyWhatXmlCannotCarry() {
        String ok = "tab\tnewline\ncr\r é 😀 \uFFFD";
        assertThat(AliyunRenderer.xmlText(ok)).isSameAs(ok);
        assertThat(AliyunRenderer.xmlText("a\u0000b\u001Fc\uFFFEd\uD800e\uDC00😀"))
                .isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFD😀");
    }
}
