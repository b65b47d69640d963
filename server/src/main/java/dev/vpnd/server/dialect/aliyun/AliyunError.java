package dev.vpnd.server.dialect.aliyun;

import dev.vpnd.server.dialect.WireError;
import dev.vpnd.server.dialect.WireFault;
import dev.vpnd.server.security.BoundedEcho;

/**
 * Every error code this dialect answers, with its HTTP status and message as Alibaba Cloud's POP
 * gateway and VPC service give them (docs/dialects/aliyun.md, Errors). Messages with {@code %s}
 * take arguments, filled leniently: a slot given no argument is left empty, and an argument repeats
 * at most {@link BoundedEcho#MAX_CHARS} characters of the request. Codes are explicit strings:
 * dotted codes cannot come from names.
 */
enum AliyunError implements WireError {
    // Request shape and signature (POP gateway).
    MISSING_PARAMETER(400, "Missing%s", "%s is mandatory for this action."),
    INVALID_PARAMETER(400, "InvalidParameter", "The specified parameter \"%s\" is not valid."),
    INVALID_ACTION(404, "InvalidAction.NotFound", "Specified api is not found, please check your url and method."),
    INVALID_VERSION(400, "InvalidVersion", "Specified parameter Version is not valid."),
    INCOMPLETE_SIGNATURE(400, "IncompleteSignature", "The request signature does not conform to Aliyun standards. %s"),
    INVALID_ACCESS_KEY(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found."),
    // The clouds answer a bad signature with 400 and the server's string-to-sign, so a client can
    // see which line differs.
    SIGNATURE_MISMATCH(400, "SignatureDoesNotMatch",
            "Specified signature is not matched with our calculation. server string to sign is:%s"),
    NONCE_USED(400, "SignatureNonceUsed", "Specified signature nonce was used already."),
    TIMESTAMP_EXPIRED(400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired."),
    TIMESTAMP_FORMAT(400, "InvalidTimeStamp.Format", "Specified time stamp or date value is not well formatted."),
    SUB_USER_FORBIDDEN(403, "Forbbiden.SubUser",
            "User not authorized to operate on the specified resource as your account is created by another user."),
    REGION_NOT_FOUND(404, "InvalidRegionId.NotFound", "The specified RegionId does not exist in our records."),
    DRY_RUN(400, "DryRunOperation", "Request validation has been passed with DryRun flag set."),
    SERVICE_UNAVAILABLE(503, "ServiceUnavailable", "The request has failed due to a temporary failure of the server."),
    INTERNAL_ERROR(500, "InternalError", "The request processing has failed due to some unknown error."),
    // Resources.
    VPC_NOT_FOUND(404, "InvalidVpcId.NotFound", "Specified value of \"VpcId\" is not found in our record."),
    VPN_GATEWAY_NOT_FOUND(404, "InvalidVpnGatewayInstanceId.NotFound",
            "The specified vpn gateway instance id does not exist."),
    CUSTOMER_GATEWAY_NOT_FOUND(404, "InvalidCustomerGatewayInstanceId.NotFound",
            "The specified customer gateway instance id does not exist."),
    VPN_CONNECTION_NOT_FOUND(404, "InvalidVpnConnectionInstanceId.NotFound",
            "The specified vpn connection instance id does not exist."),
    GATEWAY_HAS_CONNECTIONS(400, "DependencyViolation.VpnConnection",
            "There are vpn connections on specified vpn gateway not deleted."),
    CUSTOMER_GATEWAY_HAS_CONNECTIONS(400, "DependencyViolation.VpnConnection",
            "There are vpn connections on specified customer gateway not deleted."),
    VPC_HAS_GATEWAYS(400, "DependencyViolation.VpnGateway", "There are vpn gateways in specified vpc not deleted."),
    CONNECTION_EXISTS(400, "InvalidVpnConnection.AlreadyExists", "Vpn connection already exists."),
    IP_ADDRESS_EXISTS(400, "InvalidIpAddress.AlreadyExist", "Specified IpAddress is already exist."),
    IP_ADDRESS_FORMAT(400, "InvalidIpAddress.WrongFormat", "Specified IpAddress is not valid."),
    CIDR_BLOCK_INVALID(400, "InvalidCidrBlock.Malformed", "Specified CIDR block is not valid."),
    LOCAL_SUBNET_INVALID(400, "IllegalParam.LocalSubnet", "The specified \"LocalSubnet\" (%s) is invalid."),
    REMOTE_SUBNET_INVALID(400, "IllegalParam.RemoteSubnet", "The specified \"RemoteSubnet\" (%s) is invalid."),
    INVALID_NAME(400, "InvalidName", "The name is not valid"),
    INVALID_DESCRIPTION(400, "InvalidDescription", "The description is not valid"),
    // A busy connection or gateway (docs/dialects/aliyun.md, Errors): clients retry on both codes.
    CONNECTION_CONFIGURING(400, "VpnConnection.Configuring", "The specified vpn connection is configuring."),
    GATEWAY_CONFIGURING(400, "VpnGateway.Configuring", "The specified service is configuring."),
    OPERATION_CONFLICT(400, "OperationConflict", "The operation conflicts with another operation on the resource."),
    // Every Create* action's answer to a full quota (docs/security.md, "Quotas").
    QUOTA_FULL(400, "Resource.QuotaFull", "The quota of resource is full"),
    // Tags (DescribeVpnConnections' API reference).
    TAG_KEY_INVALID(400, "InvalidParameter.TagKey", "The specified parameter TagKey is invalid."),
    TAG_VALUE_INVALID(400, "InvalidParameter.TagValue", "The specified parameter TagValue is invalid."),
    TAG_KEY_DUPLICATED(400, "Duplicated.TagKey", "The specified parameter TagKey is duplicated."),
    TAG_KEY_CONFLICT(400, "Forbidden.TagKey.Duplicated", "The specified tag key already exists."),
    TAG_NUMBER_EXCEEDED(400, "SizeLimitExceeded.TagNum", "The maximum number of tags is exceeded.");

    private final int status;
    private final String code;
    private final String template;

    AliyunError(int status, String code, String template) {
        this.status = status;
        this.code = code;
        this.template = template;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String template() {
        return template;
    }

    /** {@code Missing%s} is counted as {@code MissingParameter}, whatever parameter was missing. */
    @Override
    public String label() {
        return code.replace("%s", "Parameter");
    }

    WireFault fault(Object... args) {
        return new WireFault(this, format(code, args), format(template, args));
    }

    private static String format(String template, Object[] args) {
        int slots = template.split("%s", -1).length - 1;
        if (slots == 0) {
            return template;
        }
        var filled = new Object[slots];
        for (int i = 0; i < slots; i++) {
            filled[i] = i >= args.length ? ""
                    : args[i] instanceof BoundedEcho.Text echo ? echo.text() : BoundedEcho.of(String.valueOf(args[i]));
        }
        return template.formatted(filled);
    }
}
