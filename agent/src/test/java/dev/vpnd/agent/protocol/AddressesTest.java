package dev.vpnd.agent.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressesTest {
    @Test
    void addressLiteralsOnly() {
        assertThat(Addresses.isAddress("203.0.113.7")).isTrue();
        assertThat(Addresses.isAddress("0.0.0.0")).isTrue();
        assertThat(Addresses.isAddress("2001:db8::7")).isTrue();
        assertThat(Addresses.isAddress("::")).isTrue();
        assertThat(Addresses.isAddress("::1")).isTrue();
        assertThat(Addresses.isAddress("fe80::1:2:3:4:5:6")).isTrue();
        assertThat(Addresses.isAddress("1:2:3:4:5:6:7:8")).isTrue();
        assertThat(Addresses.isAddress("::ffff:192.0.2.1")).isTrue();
        assertThat(Addresses.isAddress("256.0.0.1")).isFalse();
        assertThat(Addresses.isAddress("1.2.3")).isFalse();
        assertThat(Addresses.isAddress("1.2.3.4.5")).isFalse();
        assertThat(Addresses.isAddress("localhost")).isFalse();
        assertThat(Addresses.isAddress("1:2:3:4:5:6:7:8:9")).isFalse();
        assertThat(Addresses.isAddress("1::2::3")).isFalse();
        assertThat(Addresses.isAddress("1:2:3:4:5:6:7::8")).isFalse();
        assertThat(Addresses.isAddress("12345::")).isFalse();
        assertThat(Addresses.isAddress("fe80::1%eth0")).isFalse();
        assertThat(Addresses.isAddress(":1")).isFalse();
        assertThat(Addresses.isAddress("")).isFalse();
    }

    @Test
    void cidrsByFamily() {
        assertThat(Addresses.isCidr("10.0.0.0/8")).isTrue();
        assertThat(Addresses.isCidr("0.0.0.0/0")).isTrue();
        assertThat(Addresses.isCidr("2001:db8::/32")).isTrue();
        assertThat(Addresses.isCidr("2001:db8::/128")).isTrue();
        assertThat(Addresses.isCidr("10.0.0.0/33")).isFalse();
        assertThat(Addresses.isCidr("2001:db8::/129")).isFalse();
        assertThat(Addresses.isCidr("10.0.0.0")).isFalse();
        assertThat(Addresses.isCidr("10.0.0.0/")).isFalse();
        assertThat(Addresses.isCidr("10.0.0.0/+8")).isFalse();
    }
}
