package dev.vpnd.server.dialect.neutron;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.core.model.QuotaKind;
import dev.vpnd.core.model.ResourceState;
import dev.vpnd.core.problem.Field;
import dev.vpnd.core.problem.Problem;
import dev.vpnd.core.problem.ResourceType;
import dev.vpnd.server.dialect.ProblemSamples;
import dev.vpnd.server.dialect.WireFault;
import org.junit.jupiter.api.Test;

/** Neutron's problem table: each core problem as the Neutron error a client of neutron-server knows. */
class NeutronErrorsTest {

    private static WireFault fault(Problem problem) {
        return NeutronErrors.TABLE.fault(problem);
    }

    @Test
    void everyProblemHasANeutronError() {
        ProblemSamples.assertAnswersEvery(NeutronErrors.TABLE, NeutronError.INTERNAL_SERVER_ERROR);
    }

    @Test
    void notFoundIs404NotFound() {
        var fault = fault(new Problem.NotFound(ResourceType.VPN_GATEWAY, "vgw-1"));
        assertThat(fault.status()).isEqualTo(404);
        assertThat(fault.code()).isEqualTo("NotFound");
        assertThat(fault.getMessage()).isEqualTo("VPN_GATEWAY vgw-1 could not be found");
    }

    @Test
    void inUseIs409InUse() {
        var fault = fault(new Problem.InUse(ResourceType.VPN_GATEWAY, "vgw-1", ResourceType.VPN_CONNECTION));
        assertThat(fault.status()).isEqualTo(409);
        assertThat(fault.code()).isEqualTo("InUse");
        assertThat(fault.getMessage()).isEqualTo("VPN_GATEWAY vgw-1 is in use");
    }

    @Test
    void alreadyExistsIs409ConflictNamingTheField() {
        var fault = fault(new Problem.AlreadyExists(ResourceType.CUSTOMER_GATEWAY, Field.CUSTOMER_GATEWAY_ADDRESS,
                "192.0.2.1"));
        assertThat(fault.status()).isEqualTo(409);
        assertThat(fault.code()).isEqualTo("Conflict");
        assertThat(fault.getMessage()).isEqualTo("A resource with ip_address 192.0.2.1 already exists");
    }

    @Test
    void invalidValueIsInvalidInput() {
        var fault = fault(new Problem.InvalidValue(Field.LOCAL_SUBNET, 0, "10.0.0.0/33", "not a CIDR block"));
        assertThat(fault.status()).isEqualTo(400);
        assertThat(fault.code()).isEqualTo("InvalidInput");
        assertThat(fault.getMessage()).isEqualTo(
                "Invalid input for operation: '10.0.0.0/33' is not valid for local_subnet: not a CIDR block.");
    }

    @Test
    void missingValueIsTheApiLayersRequiredAttribute() {
        var fault = fault(new Problem.MissingValue(Field.CONNECTION_NAME, 0));
        assertThat(fault.status()).isEqualTo(400);
        assertThat(fault.code()).isEqualTo("HTTPBadRequest");
        assertThat(fault.getMessage()).isEqualTo("Failed to parse request. Required attribute 'name' not specified");
    }

    @Test
    void wrongStateIsVpnaasStateInvalidToUpdate() {
        var fault = fault(new Problem.WrongState(ResourceType.VPN_CONNECTION, "vco-1", ResourceState.UPDATING,
                Problem.WrongState.Change.MODIFY));
        assertThat(fault.status()).isEqualTo(400);
        assertThat(fault.code()).isEqualTo("VPNStateInvalidToUpdate");
        assertThat(fault.getMessage()).isEqualTo("Invalid state PENDING_UPDATE of vpnaas resource vco-1 for updating");
    }

    @Test
    void limitExceededIsOverQuotaNamingTheLimit() {
        var fault = fault(new Problem.LimitExceeded(ResourceType.VPN_CONNECTION, "tags", 20));
        assertThat(fault.status()).isEqualTo(409);
        assertThat(fault.code()).isEqualTo("OverQuota");
        assertThat(fault.getMessage()).isEqualTo("Quota exceeded for resources: tags");
    }

    @Test
    void quotaExceededIsNeutronLibsOverQuotaWithTheQuotaResource() {
        var fault = fault(new Problem.QuotaExceeded(QuotaKind.IPSEC_SITE_CONNECTION, 10));
        assertThat(fault.status()).isEqualTo(409);
        assertThat(fault.code()).isEqualTo("OverQuota");
        assertThat(fault.getMessage()).isEqualTo("Quota exceeded for resources: ['ipsec_site_connection'].");
    }

    @Test
    void canonicalKindsAreNamedByTheNeutronResourceThatStandsForThem() {
        assertThat(fault(new Problem.QuotaExceeded(QuotaKind.VPN_GATEWAY, 10)).getMessage()).contains("'vpnservice'");
        assertThat(fault(new Problem.QuotaExceeded(QuotaKind.VPC, 10)).getMessage()).contains("'router'");
    }

    @Test
    void concurrentChangeIs409ConflictAskingForARetry() {
        var fault = fault(new Problem.ConcurrentChange(ResourceType.VPN_GATEWAY, "vgw-1"));
        assertThat(fault.status()).isEqualTo(409);
        assertThat(fault.code()).isEqualTo("Conflict");
        assertThat(fault.getMessage()).isEqualTo("vgw-1 was changed by another request; retry");
    }

    @Test
    void aValueWithAPercentSignIsRepeatedNotFormatted() {
        var fault = fault(new Problem.InvalidValue(Field.CONNECTION_NAME, 0, "100%s%n", "bad"));
        assertThat(fault.getMessage()).contains("'100%s%n'");
    }
}
