package dev.vpnd.server.dialect.keystone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.core.problem.Problem;
import dev.vpnd.core.problem.ResourceType;
import dev.vpnd.server.dialect.ProblemSamples;
import org.junit.jupiter.api.Test;

/** Keystone's error table answers every core problem as Keystone answers the same fact. */
class KeystoneErrorsTest {

    @Test
    void everyProblemHasAKeystoneError() {
        ProblemSamples.assertAnswersEvery(KeystoneErrors.TABLE, KeystoneError.INTERNAL);
    }

    @Test
    void absenceIs404AndAConflictIs409() {
        assertThat(KeystoneErrors.TABLE.fault(new Problem.NotFound(ResourceType.ACCOUNT, "a")).status()).isEqualTo(404);
        assertThat(KeystoneErrors.TABLE.fault(new Problem.ConcurrentChange(ResourceType.ACCOUNT, "a")).status())
                .isEqualTo(409);
    }
}
