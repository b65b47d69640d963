package dev.vpnd.server.dialect.neutron;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.core.dataplane.ConnectionDataPlane;
import dev.vpnd.core.model.DpdAction;
import dev.vpnd.core.model.Initiation;
import dev.vpnd.core.model.Lifecycle;
import dev.vpnd.core.model.NegotiationStatus;
import dev.vpnd.core.model.ResourceState;
import dev.vpnd.core.model.RouteType;
import dev.vpnd.core.model.Scope;
import dev.vpnd.core.model.VpnConnection;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Neutron's statuses from the data plane (docs/dialects/openstack.md, "Status"): pending only while
 * a serving agent has a change to apply, ERROR for a refusal, ACTIVE only for a tunnel up, DOWN
 * otherwise, whatever the provisioning delay says.
 */
class NeutronStatusTest {
    private static final ConnectionDataPlane APPLIED = new ConnectionDataPlane(true, false, null);
    private static final ConnectionDataPlane PENDING = new ConnectionDataPlane(true, true, null);
    private static final ConnectionDataPlane REFUSED = new ConnectionDataPlane(true, false, "no proposal chosen");

    private static VpnConnection connection(NegotiationStatus status, ResourceState lastChange) {
        // Ready long ago: the provisioning delay plays no part in Neutron's status.
        return new VpnConnection("c", 1, new Scope("a", "r"), "v", "g", "cg", "n", List.of(), Initiation.IMMEDIATE,
                true, 120, DpdAction.HOLD, true, false, RouteType.STATIC, null, null, null, null, "", false,
                List.of(), status, new Lifecycle(lastChange, Instant.EPOCH), Instant.EPOCH, List.of(), 1);
    }

    private static String status(NegotiationStatus status, boolean adminStateUp, ConnectionDataPlane plane) {
        return NeutronSpelling.connectionStatus(connection(status, ResourceState.PROVISIONING), adminStateUp, plane);
    }

    @Test
    void aConnectionIsActiveOnlyWhileItsTunnelIsUp() {
        assertThat(status(NegotiationStatus.IPSEC_SA_ESTABLISHED, true, APPLIED)).isEqualTo("ACTIVE");
        for (var notUp : List.of(NegotiationStatus.IKE_SA_NOT_ESTABLISHED, NegotiationStatus.IKE_SA_ESTABLISHED,
                NegotiationStatus.IPSEC_SA_NOT_ESTABLISHED)) {
            assertThat(status(notUp, true, APPLIED)).as(notUp.name()).isEqualTo("DOWN");
        }
    }

    @Test
    void noAgentAndSwitchedOffAreDown() {
        assertThat(status(NegotiationStatus.IKE_SA_NOT_ESTABLISHED, true, ConnectionDataPlane.UNSERVED))
                .isEqualTo("DOWN");
        assertThat(status(NegotiationStatus.IPSEC_SA_ESTABLISHED, false, APPLIED)).isEqualTo("DOWN");
        assertThat(status(NegotiationStatus.IKE_SA_NOT_ESTABLISHED, false, REFUSED)).isEqualTo("DOWN");
    }

    @Test
    void aRefusalIsAnError() {
        assertThat(status(NegotiationStatus.IKE_SA_NOT_ESTABLISHED, true, REFUSED)).isEqualTo("ERROR");
    }

    @Test
    void pendingSaysWhetherTheChangeNotYetAppliedIsTheCreationOrALaterOne() {
        assertThat(status(NegotiationStatus.IPSEC_SA_ESTABLISHED, true, PENDING)).isEqualTo("PENDING_CREATE");
        assertThat(status(NegotiationStatus.IKE_SA_NOT_ESTABLISHED, false, PENDING)).isEqualTo("PENDING_CREATE");
        assertThat(NeutronSpelling.connectionStatus(connection(NegotiationStatus.IPSEC_SA_ESTABLISHED,
                ResourceState.UPDATING), true, PENDING)).isEqualTo("PENDING_UPDATE");
    }

    @Test
    void aServiceIsActiveWhileAnAgentServesItAndItIsSwitchedOn() {
        assertThat(NeutronSpelling.serviceStatus(true, true)).isEqualTo("ACTIVE");
        assertThat(NeutronSpelling.serviceStatus(true, false)).isEqualTo("DOWN");
        assertThat(NeutronSpelling.serviceStatus(false, true)).isEqualTo("DOWN");
    }
}
