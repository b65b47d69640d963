package dev.vpnd.core.dataplane;

/**
 * What the data plane says of a connection beside its negotiation status, for a dialect whose status
 * says more than whether the tunnel is up (Neutron's pending, error and down).
 *
 * @param served an agent serves the connection's gateway: it said hello or reported, and has not been
 *     marked silent since
 * @param pending that agent has not yet applied the connection's latest change (its creation, or a
 *     change of its tunnels)
 * @param configError the IPsec daemon's reason for refusing a tunnel of the connection, as that agent
 *     last reported it once the change was applied; null when there is none
 */
public record ConnectionDataPlane(boolean served, boolean pending, String configError) {
    /** A connection no agent serves: nothing is pending on it, and nothing was refused. */
    public static final ConnectionDataPlane UNSERVED = new ConnectionDataPlane(false, false, null);
}
