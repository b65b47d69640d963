package dev.vpnd.server.dialect.aliyun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.core.problem.Field;
import dev.vpnd.core.problem.Problem;
import dev.vpnd.server.dialect.ProblemSamples;
import org.junit.jupiter.api.Test;

/** Alibaba's error table answers every core problem, naming fields as Alibaba's clients sent them. */
class AliyunErrorsTest {

    @Test
    void everyProblemHasAnAlibabaError() {
        ProblemSamples.assertAnswersEvery(AliyunErrors.TABLE, AliyunError.INTERNAL_ERROR);
    }

    @Test
    void fieldsAreNamedAsAlibabasParameters() {
        assertThat(AliyunErrors.TABLE.fault(new Problem.InvalidValue(Field.IKE_PSK, 2, "", "bad")).getMessage())
                .isEqualTo("The specified parameter \"TunnelOptionsSpecification.2.TunnelIkeConfig.Psk\" "
                        + "is not valid.");
        assertThat(AliyunErrors.TABLE.fault(new Problem.InvalidValue(Field.IKE_LOCAL_ID, "", "bad")).getMessage())
                .isEqualTo("The specified parameter \"IkeConfig.LocalId\" is not valid.");
        assertThat(AliyunErrors.TABLE.fault(new Problem.InvalidValue(Field.TUNNEL_ROLE, "[MASTER]", "pair"))
                .getMessage()).contains("\"TunnelOptionsSpecification.N.Role\"");
        var missing = AliyunErrors.TABLE.fault(new Problem.MissingValue(Field.CONNECTION_CUSTOMER_GATEWAY, 1));
        assertThat(missing.code()).isEqualTo("MissingTunnelOptionsSpecification.1.CustomerGatewayId");
        assertThat(missing.error().label()).isEqualTo("MissingParameter");
    }

    @Test
    void namesOfEveryResourceAreAlibabasInvalidName() {
        for (Field name : new Field[] {Field.VPC_NAME, Field.GATEWAY_NAME, Field.CUSTOMER_GATEWAY_NAME,
                Field.CONNECTION_NAME}) {
            assertThat(AliyunErrors.TABLE.fault(new Problem.InvalidValue(name, "", "bad")).code())
                    .isEqualTo("InvalidName");
        }
    }
}
