package dev.vpnd.agent.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.vpnd.agent.charon.Plans;
import dev.vpnd.core.dataplane.GatewayPlan;
import dev.vpnd.core.dataplane.TunnelPlan;
import dev.vpnd.core.model.HealthCheck;
import dev.vpnd.core.model.Initiation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The customer's side of a gateway's tunnel: everything swapped that has two ends, the rest the same. */
class MirrorTest {
    private static final TunnelPlan TUNNEL = Plans.tunnel("vco-mirror");

    @Test
    void addressesIdentitiesAndSubnetsAreSwappedTheRestIsKept() {
        TunnelPlan gateway = Plans.withSubnets(TUNNEL, List.of("10.1.0.0/24", "10.1.1.0/24"), List.of("10.2.0.0/24"));
        TunnelPlan customer = Mirror.tunnel(gateway);
        assertThat(customer.name()).isEqualTo(gateway.name());
        assertThat(customer.localAddress()).isEqualTo(gateway.peerAddress());
        assertThat(customer.peerAddress()).isEqualTo(gateway.localAddress());
        assertThat(customer.ike().localId()).isEqualTo(gateway.ike().remoteId());
        assertThat(customer.ike().remoteId()).isEqualTo(gateway.ike().localId());
        assertThat(customer.ike().psk()).isEqualTo(gateway.ike().psk());
        assertThat(customer.ike().withIdentities(gateway.ike().localId(), gateway.ike().remoteId()))
                .as("version, mode, proposals, lifetime").isEqualTo(gateway.ike());
        assertThat(customer.ipsec()).isEqualTo(gateway.ipsec());
        assertThat(customer.localSubnets()).containsExactly("10.2.0.0/24");
        assertThat(customer.remoteSubnets()).containsExactly("10.1.0.0/24", "10.1.1.0/24");
        assertThat(customer.dpd()).isEqualTo(gateway.dpd());
        assertThat(customer.natTraversal()).isEqualTo(gateway.natTraversal());
    }

    @ParameterizedTest
    @CsvSource({"IMMEDIATE, PASSIVE", "PASSIVE, IMMEDIATE", "ON_TRAFFIC, IMMEDIATE"})
    void theCustomerStartsUnlessTheGatewayDoes(Initiation gateway, Initiation customer) {
        assertThat(Mirror.tunnel(Plans.withInitiation(TUNNEL, gateway)).initiation()).isEqualTo(customer);
    }

    @Test
    void onlyTunnelsToTheCustomerAreMirroredAndHealthChecksStayOnTheGateway() {
        TunnelPlan elsewhere = new TunnelPlan("vco-elsewhere", "vco-elsewhere", 0, Plans.GATEWAY, "203.0.113.9",
                TUNNEL.ike(), TUNNEL.ipsec(), TUNNEL.localSubnets(), TUNNEL.remoteSubnets(), TUNNEL.dpd(), true,
                Initiation.PASSIVE, null);
        TunnelPlan checked = new TunnelPlan(TUNNEL.name(), TUNNEL.connectionId(), 0, TUNNEL.localAddress(),
                TUNNEL.peerAddress(), TUNNEL.ike(), TUNNEL.ipsec(), TUNNEL.localSubnets(), TUNNEL.remoteSubnets(),
                TUNNEL.dpd(), true, Initiation.PASSIVE,
                new HealthCheck(true, "10.2.0.1", "10.1.0.1", 2_000, 1_000, 3, "revoke_route"));
        List<GatewayPlan> mirrored = Mirror.of(List.of(new GatewayPlan("vgw-1", 9, Plans.GATEWAY,
                List.of(elsewhere, checked))), List.of(Plans.PEER));
        assertThat(mirrored).hasSize(1);
        assertThat(mirrored.getFirst().revision()).isEqualTo(9);
        assertThat(mirrored.getFirst().publicAddress()).isEqualTo(Plans.PEER);
        assertThat(mirrored.getFirst().tunnels()).extracting(TunnelPlan::name).containsExactly(TUNNEL.name());
        assertThat(mirrored.getFirst().tunnels().getFirst().healthCheck()).isNull();
    }

    /** A dual-tunnel connection's second tunnel ends on the device's second address, from there. */
    @Test
    void aTunnelToTheSecondAddressIsMirroredFromIt() {
        TunnelPlan second = new TunnelPlan(TUNNEL.name() + "-t2", TUNNEL.connectionId(), 2, TUNNEL.localAddress(),
                "198.51.100.3", TUNNEL.ike().withIdentities(TUNNEL.localAddress(), "198.51.100.3"), TUNNEL.ipsec(),
                TUNNEL.localSubnets(), TUNNEL.remoteSubnets(), TUNNEL.dpd(), true, Initiation.IMMEDIATE, null);
        List<TunnelPlan> mirrored = Mirror.of(List.of(new GatewayPlan("vgw-1", 9, Plans.GATEWAY, List.of(second))),
                List.of(Plans.PEER, "198.51.100.3")).getFirst().tunnels();
        assertThat(mirrored).extracting(TunnelPlan::localAddress, TunnelPlan::peerAddress)
                .containsExactly(tuple("198.51.100.3", Plans.GATEWAY));
        assertThat(mirrored.getFirst().ike().localId()).isEqualTo("198.51.100.3");
    }

    @Test
    void aDeviceOfSeveralAddressesMirrorsTheTunnelsToEachOfThem() {
        List<String> addresses = LabNetwork.customerAddresses(3);
        assertThat(addresses).containsExactly(Plans.PEER, "198.51.100.10", "198.51.100.11");
        TunnelPlan second = new TunnelPlan("vco-second", "vco-second", 0, Plans.GATEWAY, addresses.get(2),
                TUNNEL.ike(), TUNNEL.ipsec(), TUNNEL.localSubnets(), List.of(LabNetwork.customerSubnet(2)),
                TUNNEL.dpd(), true, Initiation.IMMEDIATE, null);
        TunnelPlan elsewhere = new TunnelPlan("vco-elsewhere", "vco-elsewhere", 0, Plans.GATEWAY, "198.51.100.12",
                TUNNEL.ike(), TUNNEL.ipsec(), TUNNEL.localSubnets(), TUNNEL.remoteSubnets(), TUNNEL.dpd(), true,
                Initiation.PASSIVE, null);
        List<GatewayPlan> mirrored = Mirror.of(List.of(new GatewayPlan("vgw-1", 3, Plans.GATEWAY,
                List.of(TUNNEL, second, elsewhere))), addresses);
        assertThat(mirrored.getFirst().publicAddress()).isEqualTo(Plans.PEER);
        assertThat(mirrored.getFirst().tunnels()).extracting(TunnelPlan::name)
                .containsExactly(TUNNEL.name(), "vco-second");
        TunnelPlan secondMirrored = mirrored.getFirst().tunnels().get(1);
        assertThat(secondMirrored.localAddress()).isEqualTo("198.51.100.11");
        assertThat(secondMirrored.localSubnets()).containsExactly("10.2.2.0/24");
        assertThat(LabNetwork.customerSubnet(0)).isEqualTo(LabNetwork.CUSTOMER_SUBNET);
    }
}
