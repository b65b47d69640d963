package dev.vpnd.server.dialect;

/**
 * One line of a dialect's error table, as the cloud answers it: the code, the HTTP status, and the
 * message template whose {@code %s} slots a fault fills. Each dialect's table is an enum of these,
 * with a factory for {@link WireFault}s that fills the slots by the cloud's own rules.
 */
public interface WireError {
    /** The code as the cloud spells it; it may itself have a {@code %s} slot ({@code Missing%s}). */
    String code();

    int status();

    String template();

    /**
     * The code a request that ended in this error is counted under in the metrics: never filled
     * with request text, so the number of series stays bounded.
     */
    default String label() {
        return code();
    }
}
