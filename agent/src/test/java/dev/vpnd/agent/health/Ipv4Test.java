package dev.vpnd.agent.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Whether a probe's address lies in a tunnel's traffic selectors. */
class Ipv4Test {
    @Test
    void anAddressIsInABlockByItsPrefix() {
        assertThat(Ipv4.inAny("10.2.0.1", List.of("10.2.0.0/24"))).isTrue();
        assertThat(Ipv4.inAny("10.2.1.1", List.of("10.2.0.0/24"))).isFalse();
        assertThat(Ipv4.inAny("10.2.1.1", List.of("192.168.0.0/16", "10.2.0.0/16"))).isTrue();
        assertThat(Ipv4.inAny("203.0.113.9", List.of("0.0.0.0/0"))).isTrue();
        assertThat(Ipv4.inAny("10.2.0.1", List.of("10.2.0.1/32"))).isTrue();
        assertThat(Ipv4.inAny("10.2.0.2", List.of("10.2.0.1/32"))).isFalse();
        assertThat(Ipv4.inAny("255.255.255.255", List.of("128.0.0.0/1"))).isTrue();
    }

    @Test
    void whatIsNoIpv4AddressIsInNoBlock() {
        assertThat(Ipv4.inAny("", List.of("0.0.0.0/0"))).isFalse();
        assertThat(Ipv4.inAny("-f", List.of("0.0.0.0/0"))).as("never a ping option").isFalse();
        assertThat(Ipv4.inAny("10.2.0.1", List.of("fd00::/8", "10.2.0.0"))).isFalse();
        assertThat(Ipv4.inAny("10.2.0.1", List.of())).isFalse();
    }
}
