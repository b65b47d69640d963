package dev.vpnd.server.conformance.openstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.core.service.AccountService;
import dev.vpnd.server.RunningVpnd;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The 34 VPNaaS API tests of Debian's neutron-tempest-plugin, run by tempest against vpnd's Keystone
 * and Neutron listeners with pre-provisioned accounts (admin/admin with the admin role, demo/demo
 * without). One dynamic test per tempest test id; each must end {@code success}.
 */
class TempestVpnaasTest {
    @RegisterExtension
    static final RunningVpnd VPND = new RunningVpnd();

    @TestFactory
    Stream<DynamicTest> everyVpnaasApiTestPasses() throws IOException {
        OpenStackTools.require();
        Path out = VPND.dataDir().resolve("tempest");
        var env = Map.of("KEYSTONE_URL", VPND.endpoints().get("keystone"), "OUT_DIR", out.toString(),
                "ADMIN_USER", AccountService.ADMIN_USER, "ADMIN_PASSWORD", AccountService.ADMIN_PASSWORD,
                "ADMIN_PROJECT", AccountService.ADMIN_ACCOUNT, "USER_NAME", AccountService.DEMO_USER,
                "USER_PASSWORD", AccountService.DEMO_PASSWORD, "USER_PROJECT", AccountService.DEMO_ACCOUNT,
                "HOME", VPND.dataDir().toString());
        var run = OpenStackTools.run(List.of("sh", OpenStackTools.SCRIPTS.resolve("run-tempest-vpnaas.sh").toString()),
                env, OpenStackTools.SCRIPTS, 600);
        Map<String, String> statuses = new HashMap<>();
        Path csv = out.resolve("results.csv");
        if (Files.exists(csv)) {
            for (String line : Files.readAllLines(csv).subList(1, Files.readAllLines(csv).size())) {
                // test,status,start_time,stop_time; the test id is quoted because it contains commas.
                String id = line.startsWith("\"") ? line.substring(1, line.indexOf('"', 1)) : line.split(",", -1)[0];
                String rest = line.substring(line.startsWith("\"") ? line.indexOf('"', 1) + 2 : id.length() + 1);
                statuses.put(method(id), rest.split(",", -1)[0]);
            }
        }
        String context = "tempest: " + run.stdout().strip() + "\n" + run.stderr().strip() + "\nlog: "
                + out.resolve("tempest.log");
        List<String> expected = Files.readAllLines(OpenStackTools.SCRIPTS.resolve("vpnaas-api-tests.txt")).stream()
                .filter(l -> !l.isBlank()).map(TempestVpnaasTest::method).toList();
        assertThat(expected).hasSize(34);
        var perTest = expected.stream().map(name -> DynamicTest.dynamicTest(name, () ->
                assertThat(statuses.get(name)).as(name + "\n" + context).isEqualTo("success")));
        // A failing setUpClass shows as one extra row and none of the 34; any such row is a failure too.
        var others = DynamicTest.dynamicTest("no other tempest row fails", () -> assertThat(statuses.entrySet()
                .stream().filter(e -> !expected.contains(e.getKey()) && !e.getValue().equals("success")).toList())
                .as(context).isEmpty());
        return Stream.concat(perTest, Stream.of(others));
    }

    /** {@code …VPNaaSTestJSON.test_x[id-…,smoke]} → {@code test_x}. */
    private static String method(String id) {
        String name = id.contains("[") ? id.substring(0, id.indexOf('[')) : id;
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
