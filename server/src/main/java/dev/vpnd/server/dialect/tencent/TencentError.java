package dev.vpnd.server.dialect.tencent;

import dev.vpnd.server.dialect.WireError;
import dev.vpnd.server.dialect.WireFault;
import dev.vpnd.server.security.BoundedEcho;

/**
 * Tencent Cloud's error codes vpnd answers with (docs/dialects/tencent.md, "Answers and errors").
 * API 3.0 answers every error with HTTP 200 and {@code Response.Error}; a message template's
 * {@code %s} takes the detail the fault names, and the message repeats at most
 * {@link BoundedEcho#MAX_CHARS} characters of the request. The legacy v2 API answers the same codes
 * (as {@code codeDesc}) under its numeric ones ({@link LegacyError#of}).
 */
enum TencentError implements WireError {
    SIGNATURE_FAILURE("AuthFailure.SignatureFailure", "The provided credentials could not be validated. %s"),
    SIGNATURE_EXPIRE("AuthFailure.SignatureExpire",
            "Signature expired. Timestamp %s is more than 5 minutes away from the server time."),
    SECRET_ID_NOT_FOUND("AuthFailure.SecretIdNotFound", "The SecretId is not found, please ensure that your "
            + "SecretId is correct."),
    NONCE_USED("AuthFailure.SignatureFailure",
            "This signed request (Nonce %s) was already accepted; sign it again with a fresh Timestamp and Nonce."),
    // No replay code is documented for TC3; an expired signature is what a client re-signs after.
    SIGNATURE_REUSED("AuthFailure.SignatureExpire",
            "This signature was already accepted; a signed request is accepted once, so sign it again."),
    INVALID_AUTHORIZATION("AuthFailure.InvalidAuthorization", "The Authorization header is invalid: %s"),
    // CAM's refusal names the operation it denied (docs/security.md, "Key policies").
    UNAUTHORIZED_OPERATION("AuthFailure.UnauthorizedOperation",
            "You are not authorized to perform operation (vpc:%s): the key's policy does not allow it."),
    INVALID_ACTION("InvalidAction", "The action `%s` does not exist."),
    NO_SUCH_VERSION("NoSuchVersion", "The API version `%s` does not exist; vpnd serves VPC 2017-03-12."),
    UNSUPPORTED_REGION("UnsupportedRegion", "The region `%s` is not supported."),
    MISSING_PARAMETER("MissingParameter", "The request is missing a required parameter `%s`."),
    UNKNOWN_PARAMETER("UnknownParameter", "The parameter `%s` is not recognized."),
    INVALID_PARAMETER("InvalidParameter", "The parameter `%s` is invalid."),
    PARAMETERS_COEXIST("InvalidParameter.Coexist", "The parameters `%s` cannot be specified together."),
    FILTER_INVALID_KEY("InvalidParameter.FilterInvalidKey", "The filter name `%s` is not supported."),
    FILTER_NOT_DICT("InvalidParameter.FilterNotDict", "Each filter must be an object with Name and Values."),
    FILTER_VALUES_NOT_LIST("InvalidParameter.FilterValuesNotList", "The Values of filter `%s` must be a list."),
    INVALID_PARAMETER_VALUE("InvalidParameterValue", "The value of parameter `%s` is invalid."),
    MALFORMED("InvalidParameterValue.Malformed", "The value `%s` is malformed."),
    RANGE("InvalidParameterValue.Range", "The value of parameter `%s` is out of range."),
    TOO_LONG("InvalidParameterValue.TooLong", "The value of parameter `%s` is too long."),
    DUPLICATE("InvalidParameterValue.Duplicate", "The value `%s` is duplicated."),
    HEALTH_CHECK_IP_CONFLICT("InvalidParameterValue.VpnConnHealthCheckIpConflict",
            "HealthCheckLocalIp and HealthCheckRemoteIp must differ."),
    BGP_TUNNEL_CIDR_MASK("InvalidParameterValue.VpnConnBgpTunnelCidrMask",
            "BgpConfig.TunnelCidr must be a /30 of 169.254.0.0/16."),
    SPD_OVERLAP("UnsupportedOperation.VpnConnSPDOverlap", "The local CIDR %s is in more than one SPD entry."),
    VALUE_LIMIT_EXCEEDED("InvalidParameterValue.LimitExceeded", "The parameter `%s` exceeds its limit."),
    LIMIT_EXCEEDED("LimitExceeded", "The limit is exceeded: %s"),
    RESOURCE_NOT_FOUND("ResourceNotFound", "The resource `%s` is not found."),
    RESOURCE_IN_USE("ResourceInUse", "The resource is in use: %s"),
    RECORD_EXISTS("UnsupportedOperation.RecordExists", "The record already exists: %s"),
    INVALID_STATE("UnsupportedOperation.InvalidState", "The resource is not in a state that allows this: %s"),
    // A connection still being created or changed (ModifyVpnConnectionAttribute's and
    // DeleteVpnConnection's API references; docs/dialects/tencent.md, "Answers and errors").
    VPN_CONN_INVALID_STATE("UnsupportedOperation.VpnConnInvalidState",
            "The VPN connection is not available yet: it is %s."),
    DELETE_VPN_CONN_INVALID_STATE("UnsupportedOperation.DeleteVpnConnInvalidState",
            "The VPN connection cannot be deleted while it is %s."),
    UNSUPPORTED_OPERATION("UnsupportedOperation", "The operation is not supported: %s"),
    // The legacy v2 API's own codes for an id filter that names nothing (DescribeVpnConn).
    LEGACY_VPC_NOT_FOUND("InvalidVpc.NotFound", "The VPC `%s` does not exist."),
    LEGACY_VPN_GATEWAY_NOT_FOUND("InvalidVpnGw.NotFound", "The VPN gateway `%s` does not exist."),
    LEGACY_VPN_CONNECTION_NOT_FOUND("InvalidVpnConn.NotFound", "The VPN tunnel `%s` does not exist."),
    INTERNAL_ERROR("InternalError", "An internal error occurred; the request id is in the server log.");

    /** API 3.0 answers every error with HTTP 200: the SDKs read the error from the body only. */
    private static final int STATUS = 200;

    private final String code;
    private final String template;

    TencentError(String code, String template) {
        this.code = code;
        this.template = template;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public int status() {
        return STATUS;
    }

    @Override
    public String template() {
        return template;
    }

    WireFault fault(Object detail) {
        return saying(template.replace("%s", String.valueOf(detail)));
    }

    /** This error repeating {@code echo}, which is bounded already, as it is. */
    WireFault fault(BoundedEcho.Text echo) {
        return new WireFault(this, code, template.replace("%s", echo.text()));
    }

    WireFault fault() {
        return saying(template.replace(" %s", "").replace("`%s`", "").replace("%s", ""));
    }

    /** This error with a message of its own, where the call site knows better what went wrong. */
    WireFault saying(String message) {
        return new WireFault(this, code, BoundedEcho.of(message));
    }
}
