package dev.vpnd.server.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vpnd.core.service.AccountService;
import dev.vpnd.server.security.KeyStyle;

/** One account's credentials in every dialect. */
record Tenant(String aliyunKeyId, String aliyunSecret, String tencentSecretId, String tencentSecretKey,
        String openStackUser, String openStackPassword, String openStackProject) {

    static Tenant demo() {
        return new Tenant(AccountService.DEMO_KEY_ID, AccountService.DEMO_KEY_SECRET,
                KeyStyle.DEMO_TENCENT_SECRET_ID, KeyStyle.DEMO_TENCENT_SECRET_KEY,
                AccountService.DEMO_USER, AccountService.DEMO_PASSWORD, AccountService.DEMO_ACCOUNT);
    }

    /** From the JSON that {@code vpnd account create NAME --json} prints. */
    static Tenant fromAccountJson(JsonNode created) {
        return new Tenant(created.at("/aliyun/AccessKeyId").asText(), created.at("/aliyun/AccessKeySecret").asText(),
                created.at("/tencent/SecretId").asText(), created.at("/tencent/SecretKey").asText(),
                created.at("/openstack/user").asText(), created.at("/openstack/password").asText(),
                created.at("/openstack/project").asText());
    }
}
