package dev.vpnd.server.dialect.tencent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.core.problem.Field;
import dev.vpnd.core.problem.Problem;
import dev.vpnd.server.dialect.ProblemSamples;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tencent's error table answers every core problem, in API 3.0 and under a legacy number, and names
 * fields as Tencent's clients send them, never as Alibaba's.
 */
class TencentErrorsTest {

    @Test
    void everyProblemHasATencentError() {
        ProblemSamples.assertAnswersEvery(TencentErrors.TABLE, TencentError.INTERNAL_ERROR);
    }

    @Test
    void everyProblemHasALegacyNumberOtherThanInternal() {
        for (Problem problem : ProblemSamples.all()) {
            var error = (TencentError) TencentErrors.TABLE.fault(problem).error();
            assertThat(LegacyError.of(error)).as("legacy code for %s", problem)
                    .isNotEqualTo(LegacyError.INTERNAL_ERROR);
        }
    }

    @Test
    void fieldsAreNamedAsTencentsParameters() {
        assertThat(TencentErrors.TABLE.fault(new Problem.InvalidValue(Field.CONNECTION_NAME, "", "bad")).getMessage())
                .isEqualTo("The value of parameter `VpnConnectionName` is invalid.");
        assertThat(TencentErrors.TABLE.fault(new Problem.InvalidValue(Field.TAG_KEY, "", "bad")).getMessage())
                .isEqualTo("The value of parameter `Tags.Key` is invalid.");
    }

    @Test
    void noFieldIsNamedAsAlibabaNamesIt() {
        var alibabaOnly = List.of("TunnelOptionsSpecification", "IkeConfig", "Tag.Key", "Tag.Value", "LocalSubnet",
                "RemoteSubnet", "ZoneId");
        for (Field field : Field.values()) {
            for (int tunnel = 0; tunnel <= 2; tunnel++) {
                String message = TencentErrors.TABLE.fault(new Problem.InvalidValue(field, tunnel, "", "bad"))
                        .getMessage();
                assertThat(alibabaOnly).as("%s names %s", message, field).noneMatch(message::contains);
            }
        }
    }
}
