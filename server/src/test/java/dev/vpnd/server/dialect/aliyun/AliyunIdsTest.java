package dev.vpnd.server.dialect.aliyun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.core.problem.ResourceType;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AliyunIdsTest {

    @Test
    void encodesEveryUuidAsPrefixAnd25Base36DigitsAndBack() {
        for (String canonical : new String[] {UUID.randomUUID().toString(), new UUID(0, 0).toString(),
                new UUID(-1, -1).toString(), new UUID(Long.MIN_VALUE, 1).toString()}) {
            String wire = AliyunIds.encode(ResourceType.VPN_CONNECTION, canonical);
            assertThat(wire).matches("vco-[0-9a-z]{25}");
            assertThat(AliyunIds.decode(ResourceType.VPN_CONNECTION, wire)).contains(canonical);
        }
    }

    @Test
    void textThatIsNotAnIdOfTheTypeNamesNothing() {
        String wire = AliyunIds.encode(ResourceType.VPN_GATEWAY, UUID.randomUUID().toString());
        assertThat(AliyunIds.decode(ResourceType.VPN_CONNECTION, wire)).isEmpty();
        assertThat(AliyunIds.decode(ResourceType.VPN_GATEWAY, wire.toUpperCase(Locale.ROOT))).isEmpty();
        assertThat(AliyunIds.decode(ResourceType.VPN_GATEWAY, "vpn-bp1q8bgx4xnkm2ogj0fiu")).isEmpty();
        assertThat(AliyunIds.decode(ResourceType.VPN_GATEWAY, "vpn-" + "z".repeat(25))).isEmpty();
        assertThat(AliyunIds.decode(ResourceType.VPN_GATEWAY, "vpn-" + "!".repeat(25))).isEmpty();
        assertThat(AliyunIds.decode(ResourceType.VPN_GATEWAY, null)).isEmpty();
    }

    @Test
    void tunnelIdsHaveTheirOwnPrefix() {
        String canonical = UUID.randomUUID().toString();
        assertThat(AliyunIds.decodeTunnel(AliyunIds.tunnelId(canonical))).contains(canonical);
    }
}
