package dev.vpnd.server.dialect.tencent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpnd.server.dialect.WireFault;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Flattened API 3.0 parameters become the JSON tree of a TC3 body, within bounds on size, depth and index. */
class FlatParametersTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String invalid(Map<String, String> fields) {
        var fault = catchThrowableOfType(WireFault.class, () -> FlatParameters.toTree(fields));
        assertThat(fault).as("refused").isNotNull();
        assertThat(fault.code()).isEqualTo("InvalidParameter");
        return fault.getMessage();
    }

    @Test
    void listsMayArriveInAnyOrderAndBecomeArrays() throws Exception {
        var fields = new LinkedHashMap<String, String>();
        fields.put("Filters.1.Values.0", "b");
        fields.put("Filters.0.Values.1", "y");
        fields.put("Filters.1.Name", "vpc-id");
        fields.put("Filters.0.Values.0", "x");
        fields.put("Filters.0.Name", "vpn-gateway-id");
        fields.put("IKEOptionsSpecification.DhGroupName", "GROUP2");
        assertThat(FlatParameters.toTree(fields)).isEqualTo(JSON.readTree("""
                {"Filters":[{"Values":["x","y"],"Name":"vpn-gateway-id"},{"Values":["b"],"Name":"vpc-id"}],
                 "IKEOptionsSpecification":{"DhGroupName":"GROUP2"}}"""));
    }

    @Test
    void aListWithAGapIsRefusedInsteadOfFilledWithEmptySlots() {
        assertThat(invalid(Map.of("VpnConnectionIds.999", "vpnx-1"))).contains("VpnConnectionIds.0");
        assertThat(invalid(Map.of("Filters.0.Name", "a", "Filters.2.Name", "b"))).contains("Filters.1");
    }

    @Test
    void namesAreBoundedInDepthAndLength() {
        assertThat(FlatParameters.toTree(Map.of("A.0.B.0.C.0", "six segments")).at("/A/0/B/0/C/0").asText())
                .isEqualTo("six segments");
        invalid(Map.of("A.0.B.0.C.0.D", "seven segments"));
        invalid(Map.of("A".repeat(129), "x"));
    }

    @Test
    void atMostAThousandFields() {
        var fields = new LinkedHashMap<String, String>();
        for (int i = 0; i < 1000; i++) {
            fields.put("Ids." + i, "x");
        }
        assertThat(FlatParameters.toTree(fields).path("Ids").size()).isEqualTo(1000);
        fields.put("One", "more");
        assertThat(invalid(fields)).contains("1000");
    }

    @Test
    void conflictingNamesAreRefused() {
        invalid(Map.of("A", "1", "A.0", "2"));
        var listThenObject = new LinkedHashMap<String, String>();
        listThenObject.put("A.0", "1");
        listThenObject.put("A.B", "2");
        invalid(listThenObject);
        invalid(Map.of("A..B", "1"));
    }
}
