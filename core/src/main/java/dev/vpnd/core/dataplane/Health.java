package dev.vpnd.core.dataplane;

/**
 * The verdict of a tunnel's health check (docs/agent.md, "Health checks"): an ICMP echo from the
 * check's source address to its destination through the tunnel every interval. {@code UNKNOWN} until
 * the first verdict; {@code UP} from an answered probe on; {@code DOWN} once {@code retries} probes
 * in a row went unanswered (a probe while the tunnel is not up is one of them).
 */
public enum Health {
    UNKNOWN, UP, DOWN
}
