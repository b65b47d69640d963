package dev.vpnd.server.dialect.keystone;

import dev.vpnd.server.dialect.ActionTable;
import java.util.Map;

/** Every action vpnd's Keystone answers, by resource and method, one line each. */
enum KeystoneActions {
    VERSIONS, VERSION, ISSUE_TOKEN, CHECK_TOKEN, CHECK_TOKEN_HEAD, REVOKE_TOKEN;

    static final ActionTable<KeystoneActions> TABLE = new ActionTable<>(Map.of(
            "Versions.GET", VERSIONS,
            "Version.GET", VERSION,
            "Tokens.POST", ISSUE_TOKEN,
            "Tokens.GET", CHECK_TOKEN,
            "Tokens.HEAD", CHECK_TOKEN_HEAD,
            "Tokens.DELETE", REVOKE_TOKEN));
}
