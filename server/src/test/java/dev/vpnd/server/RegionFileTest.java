package dev.vpnd.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnd.core.model.Region;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default region table, and an operator's file: what it may hold, and the one line that says what it may not. */
class RegionFileTest {
    @TempDir
    Path dir;

    @Test
    void theDefaultPairsEachClientsDefaultRegionFirstAndTheCitiesAfter() {
        var table = RegionFile.defaults();
        assertThat(table.all().getFirst()).isEqualTo(new Region("default",
                Map.of("openstack", "RegionOne", "aliyun", "cn-hangzhou", "tencent", "ap-guangzhou")));
        assertThat(RegionFile.openStack(table).id()).isEqualTo("default");
        assertThat(table.in("aliyun").id("cn-shanghai")).isEqualTo(table.in("tencent").id("ap-shanghai"))
                .contains("shanghai");
        assertThat(table.in("aliyun").id("us-east-1")).isEqualTo(table.in("tencent").id("na-ashburn"));
        assertThat(table.in("aliyun").id("cn-qingdao")).as("Alibaba's alone").contains("qingdao");
        assertThat(table.in("tencent").name("qingdao")).isEmpty();
        assertThat(table.in("openstack").names()).containsExactly("RegionOne");
        assertThat(table.in("aliyun").names()).hasSize(27);
        assertThat(table.in("tencent").names()).hasSize(23);
    }

    @Test
    void anOperatorsFileReplacesTheDefault() throws Exception {
        var table = RegionFile.read(write("""
                [
                  {"id": "lab", "openstack": "RegionTwo", "aliyun": "cn-beijing"},
                  {"id": "edge", "tencent": "ap-beijing", "aliyun": "lab-1"}
                ]"""));
        assertThat(table.all()).extracting(Region::id).containsExactly("lab", "edge");
        assertThat(RegionFile.openStack(table).name("openstack")).contains("RegionTwo");
        assertThat(table.in("aliyun").id("cn-hangzhou")).isEmpty();
        assertThat(table.in("aliyun").id("lab-1")).contains("edge");
    }

    @Test
    void aFileThatCannotWorkStopsTheStartWithOneLine() throws Exception {
        assertRefused("[\n{", "bad JSON at line 2: ");
        assertRefused("{\"id\": \"a\"}", "not a JSON array of regions");
        assertRefused("[] []", "bad JSON at line 1: ");
        assertRefused("[\"RegionOne\"]", "region 1: must be an object");
        assertRefused("[{\"id\": \"a\", \"openstack\": \"R\", \"alyun\": \"x\"}]", "region 1: unknown "
                + "key 'alyun'; a region has an 'id' and a name under any of openstack, aliyun, tencent");
        assertRefused("[{\"id\": \"a\", \"openstack\": \"R\", \"aliyun\": 7}]", "region 1: 'aliyun' must be a string");
        assertRefused("[{\"openstack\": \"R\"}]", "region 1: no 'id'");
        assertRefused("[{\"id\": \"a\", \"id\": \"b\", \"openstack\": \"R\"}]", "Duplicate field 'id'");
        assertRefused("[{\"id\": \"a\", \"aliyun\": \"x\"}]",
                "exactly one region needs an 'openstack' name (Keystone's catalog gives Neutron one region), not 0");
        assertRefused("[{\"id\": \"a\", \"openstack\": \"R1\"}, {\"id\": \"b\", \"openstack\": \"R2\"}]", "not 2");
        assertRefused("[{\"id\": \"a\", \"openstack\": \"R\", \"aliyun\": \"x\"}, {\"id\": \"b\", \"aliyun\": \"x\"}]",
                "aliyun name 'x' is given to both region 'a' and region 'b'");
        assertRefused("[]", "at least one region");
        assertRefused(" ".repeat(RegionFile.MAX_BYTES + 1), "over 1048576 bytes");
        assertThatThrownBy(() -> RegionFile.read(dir.resolve("missing.json"))).isInstanceOf(RegionFileException.class)
                .hasMessage("regions file " + dir.resolve("missing.json") + ": no such file");
    }

    private Path write(String json) throws Exception {
        return Files.writeString(dir.resolve("regions.json"), json, StandardCharsets.UTF_8);
    }

    private void assertRefused(String json, String why) throws Exception {
        Path file = write(json);
        assertThatThrownBy(() -> RegionFile.read(file)).isInstanceOf(RegionFileException.class)
                .hasMessageStartingWith("regions file " + file + ": ").hasMessageContaining(why)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
