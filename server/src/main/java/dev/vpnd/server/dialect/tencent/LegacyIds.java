package dev.vpnd.server.dialect.tencent;

import dev.vpnd.core.problem.ResourceType;
import java.util.OptionalLong;

/**
 * The legacy API's ids. Before the {@code vpc-}/{@code vpngw-}/… ids ("un" ids) Tencent numbered
 * resources, and the legacy API takes and shows both forms. vpnd's old numbers are the resources'
 * serials, the same serials the new ids encode ({@link TencentIds}), so both forms name one
 * resource. A VPC's old id also carries its region's short code: {@code gz_vpc_12}.
 */
final class LegacyIds {
    /** More digits than any serial has; longer numbers are not ids. */
    private static final int MAX_DIGITS = 18;

    private LegacyIds() {
    }

    /** {@code gz_vpc_12} for VPC 12 of ap-guangzhou. */
    static String vpc(String region, long serial) {
        return TencentRegions.legacyCode(region) + "_vpc_" + serial;
    }

    /**
     * The serial a {@code vpcId} names in {@code region}: {@code gz_vpc_12} (with this region's code),
     * {@code 12} or {@code vpc-xxxxxxxx}; empty for anything else, which names no VPC here.
     */
    static OptionalLong vpcSerial(String region, String text) {
        String prefix = TencentRegions.legacyCode(region) + "_vpc_";
        if (text.startsWith(prefix)) {
            return number(text.substring(prefix.length()));
        }
        return serial(ResourceType.VPC, text);
    }

    /** The serial an old number or a new id of {@code type} names; empty when it is neither. */
    static OptionalLong serial(ResourceType type, String text) {
        var number = number(text);
        return number.isPresent() ? number : TencentIds.decode(type, text);
    }

    private static OptionalLong number(String text) {
        if (text.isEmpty() || text.length() > MAX_DIGITS || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(text));
    }
}
