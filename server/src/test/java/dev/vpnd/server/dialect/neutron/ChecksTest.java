package dev.vpnd.server.dialect.neutron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.vpnd.server.dialect.WireFault;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** neutron-lib's converters and validators: what each accepts, what it makes of it, and its message. */
class ChecksTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static JsonNode json(String text) throws IOException {
        return NeutronJson.MAPPER.readTree(text);
    }

    /** The message a check refuses {@code value} with, asserting the error it comes from. */
    private static String refusal(Attribute.Check check, JsonNode value, NeutronError error) {
        try {
            check.apply("attr", value);
        } catch (WireFault fault) {
            assertThat(fault.error()).as("error for %s", value).isEqualTo(error);
            return fault.getMessage();
        }
        throw new AssertionError(value + " was accepted");
    }

    @Test
    void reprShowsValuesAsPythonsPercentS() throws IOException {
        assertThat(Checks.repr(null)).isEqualTo("None");
        assertThat(Checks.repr(json("null"))).isEqualTo("None");
        assertThat(Checks.repr(json("true"))).isEqualTo("True");
        assertThat(Checks.repr(json("\"a\""))).isEqualTo("a");
        assertThat(Checks.repr(json("[1,2]"))).isEqualTo("[1,2]");
    }

    @Test
    void aStringOverItsMaximumIsRefusedWithItsLength() {
        assertThat(Checks.NAME.apply("name", NODES.textNode("x".repeat(255))).asText()).hasSize(255);
        assertThat(refusal(Checks.NAME, NODES.textNode("x".repeat(256)), NeutronError.INVALID_ATTRIBUTE))
                .endsWith("' exceeds maximum length of 255.");
    }

    @Test
    void aStringMustBeAString() {
        assertThat(refusal(Checks.TEXT, NODES.numberNode(5), NeutronError.INVALID_ATTRIBUTE))
                .isEqualTo("Invalid input for attr. Reason: '5' is not a valid string.");
    }

    @Test
    void controlCharactersAreNamedByCodeNeverEchoed() {
        String message = refusal(Checks.TEXT, NODES.textNode("a\u0007b"), NeutronError.INVALID_ATTRIBUTE);
        assertThat(message).contains("control character U+0007 is not allowed").doesNotContain("\u0007");
        assertThat(refusal(Checks.TEXT, NODES.textNode("\u007f"), NeutronError.INVALID_ATTRIBUTE)).contains("U+007F");
    }

    @Test
    void unpairedSurrogatesAreRefusedAndPairsAccepted() {
        assertThat(Checks.TEXT.apply("attr", NODES.textNode("\uD83D\uDE00")).asText()).isEqualTo("\uD83D\uDE00");
        assertThat(refusal(Checks.TEXT, NODES.textNode("a\uD83D"), NeutronError.INVALID_ATTRIBUTE))
                .contains("unpaired surrogate U+D83D");
        assertThat(refusal(Checks.TEXT, NODES.textNode("\uDE00a"), NeutronError.INVALID_ATTRIBUTE))
                .contains("unpaired surrogate U+DE00");
    }

    @Test
    void uuidsMayLeaveOutTheirDashes() {
        assertThat(Checks.isUuid("0c8a6b1e-8d8f-4d1c-9a51-0d2c3b4a5f60")).isTrue();
        assertThat(Checks.isUuid("0c8a6b1e8d8f4d1c9a510d2c3b4a5f60")).isTrue();
        assertThat(Checks.isUuid("0c8a6b1e-8d8f-4d1c-9a51-0d2c3b4a5f6")).isFalse();
        assertThat(refusal(Checks.UUID_CHECK, NODES.textNode("r1"), NeutronError.INVALID_ATTRIBUTE))
                .isEqualTo("Invalid input for attr. Reason: 'r1' is not a valid UUID.");
        assertThat(Checks.UUID_OR_NONE.apply("attr", NODES.nullNode()).isNull()).isTrue();
    }

    @Test
    void aValueListNamesOnlyTheValue() {
        var check = Checks.values(Set.of("sha1", "sha256"));
        assertThat(check.apply("attr", NODES.textNode("sha1")).asText()).isEqualTo("sha1");
        assertThat(refusal(check, NODES.textNode("md5"), NeutronError.INVALID_ATTRIBUTE))
                .isEqualTo("Invalid input for attr. Reason: md5 is not in valid_values.");
    }

    @Test
    void integersComeAsNumbersOrTextAndNothingElse() {
        assertThat(Checks.toInt(NODES.numberNode(7))).isEqualTo(7);
        assertThat(Checks.toInt(NODES.textNode(" 7 "))).isEqualTo(7);
        assertThat(refusal(Checks.NON_NEGATIVE_INT, NODES.numberNode(1.5), NeutronError.INVALID_INPUT))
                .isEqualTo("Invalid input for operation: '1.5' is not an integer.");
        assertThat(refusal(Checks.NON_NEGATIVE_INT, NODES.textNode("-3"), NeutronError.INVALID_ATTRIBUTE))
                .isEqualTo("Invalid input for attr. Reason: '-3' should be non-negative.");
        assertThat(Checks.NON_NEGATIVE_INT.apply("attr", NODES.textNode("1400"))).isEqualTo(NODES.numberNode(1400L));
    }

    @Test
    void booleansAreConvertedAsConvertToBooleanDoes() {
        for (JsonNode yes : new JsonNode[] {NODES.booleanNode(true), NODES.numberNode(1), NODES.textNode("TRUE"),
                NODES.textNode("1")}) {
            assertThat(Checks.toBoolean(yes)).as(yes.toString()).isTrue();
        }
        for (JsonNode no : new JsonNode[] {NODES.booleanNode(false), NODES.numberNode(0), NODES.textNode("False"),
                NODES.textNode("0")}) {
            assertThat(Checks.toBoolean(no)).as(no.toString()).isFalse();
        }
        assertThat(refusal(Checks.BOOLEAN, NODES.numberNode(2), NeutronError.INVALID_INPUT))
                .isEqualTo("Invalid input for operation: '2' cannot be converted to boolean.");
        assertThatThrownBy(() -> Checks.toBoolean(NODES.textNode("yes"))).isInstanceOf(WireFault.class);
    }

    @Test
    void aLoneValueBecomesAList() {
        assertThat(Checks.toList(NODES.textNode("a")).toString()).isEqualTo("[\"a\"]");
        assertThat(Checks.toList(NODES.nullNode()).isNull()).isTrue();
    }

    @Test
    void peerCidrsMustEachBeASubnet() throws IOException {
        assertThat(Checks.SUBNETS_OR_NONE.apply("attr", NODES.textNode("10.0.0.0/24")).toString())
                .isEqualTo("[\"10.0.0.0/24\"]");
        assertThat(refusal(Checks.SUBNETS_OR_NONE, json("[\"10.0.0.0/24\", \"nope\"]"),
                NeutronError.INVALID_ATTRIBUTE)).isEqualTo("Invalid input for attr. Reason: 'nope' is not a valid "
                        + "IP subnet.");
    }

    @Test
    void aDictNamesItsUnexpectedKeysAndChecksItsValues() throws IOException {
        var dict = Checks.dict(Map.of("value", Checks.dictAtLeast(60)));
        assertThat(dict.apply("attr", NODES.nullNode()).isEmpty()).isTrue();
        assertThat(refusal(dict, json("{\"units\": \"s\", \"other\": 1}"), NeutronError.INVALID_ATTRIBUTE))
                .isEqualTo("Invalid input for attr. Reason: Unexpected keys supplied: units, other.");
        assertThat(refusal(dict, json("{\"value\": \"59\"}"), NeutronError.INVALID_ATTRIBUTE))
                .isEqualTo("Invalid input for attr. Reason: '59' is too small - must be at least '60'.");
        assertThat(dict.apply("attr", json("{\"value\": \"60\"}")).toString()).as("a string stays a string")
                .isEqualTo("{\"value\":\"60\"}");
        assertThat(refusal(dict, json("[]"), NeutronError.INVALID_ATTRIBUTE)).contains("is not a dictionary");
    }
}
