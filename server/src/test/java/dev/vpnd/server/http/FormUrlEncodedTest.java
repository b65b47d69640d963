package dev.vpnd.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormUrlEncodedTest {

    @Test
    void plusIsSpaceAndPercentEscapesAreUtf8() {
        // The new SDK writes spaces as +, the old one as %20; both must decode alike.
        assertThat(FormUrlEncoded.parse("VpnConnectionId=vco-%C3%BC+%E6%B5%8B%E8%AF%95%2B%26%3D%25%3A"))
                .containsEntry("VpnConnectionId", "vco-ü 测试+&=%:");
        assertThat(FormUrlEncoded.parse("VpnConnectionId=vco-%C3%BC%20%E6%B5%8B%E8%AF%95%2B%26%3D%25%3A"))
                .containsEntry("VpnConnectionId", "vco-ü 测试+&=%:");
    }

    @Test
    void escapesInNamesAreDecodedAndLowercaseHexIsAccepted() {
        assertThat(FormUrlEncoded.parse("a%2eb=%2f%7e*")).containsExactly(entry("a.b", "/~*"));
    }

    @Test
    void keepsFirstSeenOrder() {
        assertThat(FormUrlEncoded.parse("z=1&a=2&m=3").keySet()).containsExactly("z", "a", "m");
    }

    @Test
    void laterDuplicateOverwritesInPlace() {
        assertThat(FormUrlEncoded.parse("a=1&b=2&a=3")).containsExactly(entry("a", "3"), entry("b", "2"));
    }

    @Test
    void nameWithoutEqualsOrValueGivesEmptyValue() {
        assertThat(FormUrlEncoded.parse("a&CustomerGatewayId=&c=x"))
                .containsExactly(entry("a", ""), entry("CustomerGatewayId", ""), entry("c", "x"));
    }

    @Test
    void onlyTheFirstEqualsSplits() {
        assertThat(FormUrlEncoded.parse("a=b=c")).containsExactly(entry("a", "b=c"));
    }

    @Test
    void emptySegmentsAreSkipped() {
        assertThat(FormUrlEncoded.parse("&a=1&&b=2&")).containsExactly(entry("a", "1"), entry("b", "2"));
    }

    @Test
    void nullOrEmptyGivesEmptyMap() {
        assertThat(FormUrlEncoded.parse(null)).isEmpty();
        assertThat(FormUrlEncoded.parse("")).isEmpty();
    }

    @Test
    void invalidUtf8BecomesReplacementCharacter() {
        assertThat(FormUrlEncoded.parse("a=%FF")).containsEntry("a", "\uFFFD");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a=%", "a=%4", "a=%zz", "a=%G1", "a=x%4&b=1", "%=1", "a=%\u0663\u0663"})
    void malformedEscapesAreRejected(String raw) {
        assertThatThrownBy(() -> FormUrlEncoded.parse(raw)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Action=DescribeVpnConnections&RegionId=cn-hangzhou", "RegionId=x&Act%69on=Describe%56pcs",
        "Action=CreateVpc&Action=DescribeVpcs", "Action&b=1", "Action=&b=1", "b=1", "", "&&Action=A+B&", "Action=a=b",
        "ActionX=1&XAction=2"})
    void valueIsWhatParseGivesTheName(String raw) {
        assertThat(FormUrlEncoded.value(raw, "Action")).isEqualTo(FormUrlEncoded.parse(raw).get("Action"));
    }

    @Test
    void valueOfMalformedOrAbsentTextIsNull() {
        assertThat(FormUrlEncoded.value("Action=Describe%zz", "Action")).isNull();
        assertThat(FormUrlEncoded.value(null, "Action")).isNull();
        assertThat(FormUrlEncoded.value("Act%zzion=DeleteVpc", "Action")).isNull();
        // Only the names of other pairs are decoded: parsing the whole text reports the bad value.
        assertThat(FormUrlEncoded.value("Action=DescribeVpcs&x=%zz", "Action")).isEqualTo("DescribeVpcs");
    }

    @Test
    void atMostAThousandFieldsAndNamesOf128Characters() {
        String thousand = "a=1&".repeat(999) + "b=2";
        assertThat(FormUrlEncoded.parse(thousand)).hasSize(2);
        assertThatThrownBy(() -> FormUrlEncoded.parse(thousand + "&c=3")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1000");
        assertThat(FormUrlEncoded.parse("n".repeat(128) + "=x")).containsKey("n".repeat(128));
        assertThatThrownBy(() -> FormUrlEncoded.parse("n".repeat(129) + "=x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FormUrlEncoded.parse("%6E".repeat(129)))
                .isInstanceOf(IllegalArgumentException.class);
        // Empty segments hold nothing and are not counted.
        assertThat(FormUrlEncoded.parse("&".repeat(5000) + "a=1")).hasSize(1);
    }

    private static java.util.Map.Entry<String, String> entry(String key, String value) {
        return java.util.Map.entry(key, value);
    }
}
