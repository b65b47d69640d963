package dev.vpnd.server.dialect.tencent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.core.problem.ResourceType;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class LegacyIdsTest {
    @Test
    void aVpcIsNamedByItsOldIdItsNumberOrItsNewId() {
        assertThat(LegacyIds.vpc("ap-guangzhou", 12)).isEqualTo("gz_vpc_12");
        assertThat(LegacyIds.vpc("ap-shanghai", 7)).isEqualTo("sh_vpc_7");
        assertThat(LegacyIds.vpcSerial("ap-guangzhou", "gz_vpc_12")).hasValue(12);
        assertThat(LegacyIds.vpcSerial("ap-guangzhou", "12")).hasValue(12);
        assertThat(LegacyIds.vpcSerial("ap-guangzhou", TencentIds.encode(ResourceType.VPC, 12))).hasValue(12);
    }

    @Test
    void anythingElseNamesNoVpcHere() {
        // Another region's old id, and malformed ones.
        assertThat(LegacyIds.vpcSerial("ap-guangzhou", "sh_vpc_12")).isEmpty();
        assertThat(LegacyIds.vpcSerial("ap-guangzhou", "gz_vpc_")).isEmpty();
        assertThat(LegacyIds.vpcSerial("ap-guangzhou", "gz_vpc_-1")).isEmpty();
        assertThat(LegacyIds.vpcSerial("ap-guangzhou", "gz_vpc_1x")).isEmpty();
        assertThat(LegacyIds.vpcSerial("ap-guangzhou", "1234567890123456789")).isEmpty();
        assertThat(LegacyIds.vpcSerial("ap-guangzhou", TencentIds.encode(ResourceType.VPN_GATEWAY, 12))).isEmpty();
    }

    @Test
    void otherResourcesTakeTheirNumberOrTheirNewId() {
        assertThat(LegacyIds.serial(ResourceType.VPN_GATEWAY, "547")).isEqualTo(OptionalLong.of(547));
        assertThat(LegacyIds.serial(ResourceType.VPN_GATEWAY, TencentIds.encode(ResourceType.VPN_GATEWAY, 547)))
                .hasValue(547);
        assertThat(LegacyIds.serial(ResourceType.VPN_CONNECTION, TencentIds.encode(ResourceType.VPN_CONNECTION,
                399))).hasValue(399);
        assertThat(LegacyIds.serial(ResourceType.VPN_CONNECTION, TencentIds.encode(ResourceType.VPN_GATEWAY, 399)))
                .isEmpty();
        assertThat(LegacyIds.serial(ResourceType.VPN_CONNECTION, "vpnx-1")).isEmpty();
        assertThat(LegacyIds.serial(ResourceType.VPN_CONNECTION, "")).isEmpty();
    }
}
