package dev.vpnd.agent.protocol;

/**
 * The bounds of every body of the protocol (docs/agent-protocol.md, "Limits"). Both sides read what
 * the other sends as hostile: a body over these bounds is refused whole before anything in it is
 * used, so neither a broken agent nor a stolen token can make vpnd hold more than a few megabytes
 * for one request.
 */
public final class ProtocolLimits {
    /** The largest body either side sends or takes. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;
    /** Gateways in one plan answer, hello answer or report: as many as one token may hold. */
    public static final int MAX_GATEWAYS = 64;
    /** Tunnels of one gateway in a plan or a report. */
    public static final int MAX_TUNNELS = 1000;
    /** Traffic selectors on each side of one tunnel. */
    public static final int MAX_SUBNETS = 64;
    /** Characters of any string: ids, addresses, identities, keys, names, a daemon's refusal. */
    public static final int MAX_TEXT = 1024;
    /** Nesting of JSON values: the deepest body has five levels. */
    static final int MAX_DEPTH = 16;

    private ProtocolLimits() {
    }
}
