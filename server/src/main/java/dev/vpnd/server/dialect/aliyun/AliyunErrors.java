package dev.vpnd.server.dialect.aliyun;

import dev.vpnd.core.problem.Problem;
import dev.vpnd.core.problem.ResourceType;
import dev.vpnd.server.dialect.ProblemTable;
import dev.vpnd.server.dialect.WireFault;

/** The one place a core {@link Problem} becomes an Alibaba error; the switch is exhaustive by design. */
final class AliyunErrors implements ProblemTable {
    static final AliyunErrors TABLE = new AliyunErrors();

    private AliyunErrors() {
    }

    @Override
    public WireFault fault(Problem problem) {
        return switch (problem) {
            case Problem.NotFound nf -> notFound(nf.type()).fault();
            case Problem.InUse iu -> switch (iu.type()) {
                case VPN_GATEWAY -> AliyunError.GATEWAY_HAS_CONNECTIONS.fault();
                case CUSTOMER_GATEWAY -> AliyunError.CUSTOMER_GATEWAY_HAS_CONNECTIONS.fault();
                case VPC -> AliyunError.VPC_HAS_GATEWAYS.fault();
                default -> AliyunError.OPERATION_CONFLICT.fault();
            };
            case Problem.AlreadyExists ae -> switch (ae.type()) {
                case CUSTOMER_GATEWAY -> AliyunError.IP_ADDRESS_EXISTS.fault();
                case VPN_CONNECTION -> AliyunError.CONNECTION_EXISTS.fault();
                default -> AliyunError.INVALID_PARAMETER.fault(AliyunFields.wireName(ae.field(), 0));
            };
            case Problem.InvalidValue iv -> invalid(iv);
            case Problem.MissingValue mv -> AliyunError.MISSING_PARAMETER.fault(
                    AliyunFields.wireName(mv.field(), mv.tunnel()));
            case Problem.WrongState ws -> switch (ws.type()) {
                case VPN_CONNECTION -> AliyunError.CONNECTION_CONFIGURING.fault();
                case VPN_GATEWAY -> AliyunError.GATEWAY_CONFIGURING.fault();
                default -> AliyunError.OPERATION_CONFLICT.fault();
            };
            case Problem.LimitExceeded le -> AliyunError.TAG_NUMBER_EXCEEDED.fault();
            case Problem.QuotaExceeded qe -> AliyunError.QUOTA_FULL.fault();
            case Problem.ConcurrentChange cc -> cc.type() == ResourceType.VPN_CONNECTION
                    ? AliyunError.CONNECTION_CONFIGURING.fault()
                    : AliyunError.OPERATION_CONFLICT.fault();
        };
    }

    /** Alibaba's own code for a bad name, description, tag, subnet or address; else the field's parameter. */
    private static WireFault invalid(Problem.InvalidValue iv) {
        return switch (iv.field()) {
            case VPC_NAME, GATEWAY_NAME, CUSTOMER_GATEWAY_NAME, CONNECTION_NAME -> AliyunError.INVALID_NAME.fault();
            case VPC_DESCRIPTION, GATEWAY_DESCRIPTION, CUSTOMER_GATEWAY_DESCRIPTION ->
                    AliyunError.INVALID_DESCRIPTION.fault();
            case TAG_KEY -> AliyunError.TAG_KEY_INVALID.fault();
            case TAG_VALUE -> AliyunError.TAG_VALUE_INVALID.fault();
            case LOCAL_SUBNET -> AliyunError.LOCAL_SUBNET_INVALID.fault(iv.value());
            case REMOTE_SUBNET -> AliyunError.REMOTE_SUBNET_INVALID.fault(iv.value());
            case CUSTOMER_GATEWAY_ADDRESS -> AliyunError.IP_ADDRESS_FORMAT.fault();
            case VPC_CIDR_BLOCK -> AliyunError.CIDR_BLOCK_INVALID.fault();
            default -> AliyunError.INVALID_PARAMETER.fault(AliyunFields.wireName(iv.field(), iv.tunnel()));
        };
    }

    static AliyunError notFound(ResourceType type) {
        return switch (type) {
            case VPC -> AliyunError.VPC_NOT_FOUND;
            case VPN_GATEWAY -> AliyunError.VPN_GATEWAY_NOT_FOUND;
            case CUSTOMER_GATEWAY -> AliyunError.CUSTOMER_GATEWAY_NOT_FOUND;
            case VPN_CONNECTION -> AliyunError.VPN_CONNECTION_NOT_FOUND;
            case ACCOUNT, TAG, OPENSTACK -> AliyunError.INVALID_PARAMETER;
        };
    }
}
