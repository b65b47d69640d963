package dev.vpnd.server.dialect.aliyun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.server.RegionFile;
import org.junit.jupiter.api.Test;

/** The default region table gives Alibaba every public region whose local name DescribeRegions knows, and no other. */
class AliyunRegionsTest {
    @Test
    void theDefaultTableNamesEveryKnownRegion() {
        assertThat(RegionFile.defaults().in(RegionFile.ALIYUN).names())
                .containsExactlyInAnyOrderElementsOf(AliyunRegions.LOCAL_NAMES.keySet());
        assertThat(AliyunRegions.localName("cn-hangzhou")).isEqualTo("China (Hangzhou)");
        assertThat(AliyunRegions.localName("lab-1")).as("an operator's own region").isEqualTo("lab-1");
    }
}
