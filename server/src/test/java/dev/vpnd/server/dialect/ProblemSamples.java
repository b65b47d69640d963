package dev.vpnd.server.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.core.model.QuotaKind;
import dev.vpnd.core.model.ResourceState;
import dev.vpnd.core.problem.Field;
import dev.vpnd.core.problem.Problem;
import dev.vpnd.core.problem.ResourceType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every kind of core {@link Problem}: each variant with every resource type, field (of the resource
 * and of each tunnel), quota kind and state it can carry. A dialect's {@link ProblemTable} is
 * exhaustive when it answers each of them with one of its own errors, none of them internal, with
 * every slot of its template filled.
 */
public final class ProblemSamples {
    private ProblemSamples() {
    }

    public static List<Problem> all() {
        var out = new ArrayList<Problem>();
        for (ResourceType type : ResourceType.values()) {
            out.add(new Problem.NotFound(type, "id-1"));
            out.add(new Problem.LimitExceeded(type, "tags", 20));
            out.add(new Problem.ConcurrentChange(type, "id-1"));
            for (ResourceType usedBy : ResourceType.values()) {
                out.add(new Problem.InUse(type, "id-1", usedBy));
            }
            for (ResourceState state : ResourceState.values()) {
                for (Problem.WrongState.Change change : Problem.WrongState.Change.values()) {
                    out.add(new Problem.WrongState(type, "id-1", state, change));
                }
            }
            for (Field field : Field.values()) {
                out.add(new Problem.AlreadyExists(type, field, "value-1"));
            }
        }
        for (Field field : Field.values()) {
            for (int tunnel = 0; tunnel <= 2; tunnel++) {
                out.add(new Problem.InvalidValue(field, tunnel, "value-1", "is wrong"));
                out.add(new Problem.MissingValue(field, tunnel));
            }
        }
        for (QuotaKind kind : QuotaKind.values()) {
            out.add(new Problem.QuotaExceeded(kind, 10));
        }
        Set<Class<?>> covered = new HashSet<>();
        out.forEach(problem -> covered.add(problem.getClass()));
        assertThat(covered).as("samples of every variant of Problem")
                .containsExactlyInAnyOrder(Problem.class.getPermittedSubclasses());
        return out;
    }

    /**
     * Asserts {@code table} answers every sample with one of the dialect's errors: not {@code internal},
     * below 500, a code and message with no slot left unfilled.
     */
    public static void assertAnswersEvery(ProblemTable table, WireError internal) {
        for (Problem problem : all()) {
            WireFault fault = table.fault(problem);
            assertThat(fault).as("answer to %s", problem).isNotNull();
            assertThat(fault.error()).as("error for %s", problem).isNotEqualTo(internal);
            assertThat(fault.status()).as("status for %s", problem).isLessThan(500);
            assertThat(fault.code()).as("code for %s", problem).isNotBlank().doesNotContain("%s");
            assertThat(fault.getMessage()).as("message for %s", problem).isNotBlank().doesNotContain("%s");
        }
    }
}
