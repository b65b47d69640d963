package dev.vpnd.server.dialect;

import dev.vpnd.core.problem.Problem;

/**
 * The one place a dialect turns a core {@link Problem} into its wire error. Implementations switch
 * over the sealed variants without a default, so a new variant does not compile until every dialect
 * has answered it.
 */
@FunctionalInterface
public interface ProblemTable {
    WireFault fault(Problem problem);
}
