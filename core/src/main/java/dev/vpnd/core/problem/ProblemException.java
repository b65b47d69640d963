package dev.vpnd.core.problem;

/** Carries a {@link Problem} out of core; a transaction that sees it rolls back. */
public final class ProblemException extends RuntimeException {
    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.toString(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
