package dev.vpnd.core.service;

import dev.vpnd.core.model.Lifecycle;
import dev.vpnd.core.model.ResourceState;
import dev.vpnd.core.problem.Problem;
import dev.vpnd.core.problem.ProblemException;
import dev.vpnd.core.problem.ResourceType;
import java.time.Instant;

/**
 * The rule the clouds keep for their asynchronous resources: a gateway or connection still being
 * provisioned or updated takes no modify and no delete until it is active (docs/design.md,
 * "Busy resources"). A client polls the state after each write, so it meets the refusal only if it
 * skips that; with {@code --provisioning-delay 0s} nothing is ever busy.
 */
final class Busy {
    private Busy() {
    }

    /** Throws {@link Problem.WrongState} unless the resource's lifecycle is active at {@code now}. */
    static void refuse(ResourceType type, String id, Lifecycle lifecycle, Instant now,
            Problem.WrongState.Change change) {
        ResourceState state = lifecycle.state(now);
        if (state != ResourceState.ACTIVE) {
            throw new ProblemException(new Problem.WrongState(type, id, state, change));
        }
    }
}
