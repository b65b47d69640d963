package dev.vpnd.core.model;

import java.util.Objects;

/**
 * What an OpenStack VPN service has beyond its canonical {@link VpnGateway} (the same id):
 * attributes no other cloud has. A gateway made through another cloud's API has none stored; it
 * shows {@link #defaults}: no subnet, flavor or IPv6 address, administratively up.
 *
 * @param subnetId the legacy service's local subnet, null for a service of endpoint-group connections
 */
public record VpnServiceAttributes(String gatewayId, String subnetId, String flavorId, String externalV6Ip,
        boolean adminStateUp) {

    public VpnServiceAttributes {
        Objects.requireNonNull(gatewayId, "gatewayId");
    }

    public static VpnServiceAttributes defaults(String gatewayId) {
        return new VpnServiceAttributes(gatewayId, null, null, null, true);
    }
}
