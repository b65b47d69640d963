package dev.vpnd.server.dialect.tencent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.server.RegionFile;
import org.junit.jupiter.api.Test;

/**
 * The default region table gives Tencent every region the legacy API has a short code for, and no
 * other; a legacy region parameter is a code or an API 3.0 name.
 */
class TencentRegionsTest {
    @Test
    void theDefaultTableNamesEveryRegionWithALegacyCode() {
        assertThat(RegionFile.defaults().in(RegionFile.TENCENT).names())
                .containsExactlyInAnyOrderElementsOf(TencentRegions.LEGACY_CODES.values());
        assertThat(TencentRegions.fromLegacy("gz")).isEqualTo("ap-guangzhou");
        assertThat(TencentRegions.fromLegacy("ap-guangzhou")).isEqualTo("ap-guangzhou");
        assertThat(TencentRegions.legacyCode("ap-shanghai")).isEqualTo("sh");
        assertThat(TencentRegions.legacyCode("lab-1")).as("an operator's own region has no code").isEqualTo("lab-1");
    }
}
