package dev.vpnd.server.dialect.tencent;

/**
 * The public error codes of the legacy v2 API (docs/dialects/tencent.md, Legacy v2 API), which go
 * in the body's {@code code} with HTTP 200; {@code codeDesc} names the error more precisely.
 */
enum LegacyError {
    BAD_PARAMETER(4000),
    AUTH_FAILURE(4100),
    ACCESS_DENIED(4300),
    QUOTA_EXCEEDED(4400),
    REPLAY(4500),
    NOT_FOUND(5000),
    OPERATION_FAILED(5100),
    INTERNAL_ERROR(6000),
    UNSUPPORTED_ACTION(6100);

    final int code;

    LegacyError(int code) {
        this.code = code;
    }

    /**
     * The legacy code of an API 3.0 error, so the authenticator and the shared checks keep one set of
     * errors. No default branch: a new API 3.0 error must be given its legacy code here.
     */
    static LegacyError of(TencentError error) {
        return switch (error) {
            case SIGNATURE_FAILURE, SECRET_ID_NOT_FOUND, INVALID_AUTHORIZATION -> AUTH_FAILURE;
            case SIGNATURE_EXPIRE, NONCE_USED, SIGNATURE_REUSED -> REPLAY;
            case UNAUTHORIZED_OPERATION -> ACCESS_DENIED;
            case INVALID_ACTION, NO_SUCH_VERSION -> UNSUPPORTED_ACTION;
            case UNSUPPORTED_REGION, MISSING_PARAMETER, UNKNOWN_PARAMETER, INVALID_PARAMETER, PARAMETERS_COEXIST,
                    FILTER_INVALID_KEY, FILTER_NOT_DICT, FILTER_VALUES_NOT_LIST, INVALID_PARAMETER_VALUE,
                    MALFORMED, RANGE, TOO_LONG, DUPLICATE, HEALTH_CHECK_IP_CONFLICT, BGP_TUNNEL_CIDR_MASK,
                    SPD_OVERLAP, VALUE_LIMIT_EXCEEDED -> BAD_PARAMETER;
            case LEGACY_VPC_NOT_FOUND, LEGACY_VPN_GATEWAY_NOT_FOUND, LEGACY_VPN_CONNECTION_NOT_FOUND -> NOT_FOUND;
            case LIMIT_EXCEEDED -> QUOTA_EXCEEDED;
            case RESOURCE_NOT_FOUND -> NOT_FOUND;
            case RESOURCE_IN_USE, RECORD_EXISTS, INVALID_STATE, VPN_CONN_INVALID_STATE, DELETE_VPN_CONN_INVALID_STATE,
                    UNSUPPORTED_OPERATION -> OPERATION_FAILED;
            case INTERNAL_ERROR -> INTERNAL_ERROR;
        };
    }
}
