package dev.vpnd.core.service;

import dev.vpnd.core.model.DpdAction;
import dev.vpnd.core.model.IkeConfig;
import dev.vpnd.core.model.Initiation;
import dev.vpnd.core.model.IpsecConfig;
import dev.vpnd.core.model.SecurityPolicy;
import java.util.List;

/**
 * The canonical side of an OpenStack IPsec site connection: its VPN service (gateway), the peer's
 * address (a customer gateway of the project, found or created), traffic selectors and the values
 * of its IKE and IPsec policies. {@code dpdEnabled} is false for Neutron's {@code disabled} action.
 */
public record ConnectionProjection(String gatewayId, String peerAddress, String name,
        List<SecurityPolicy> securityPolicies, Initiation initiation, boolean dpdEnabled, DpdAction dpdAction,
        int dpdTimeoutSeconds, IkeConfig ike, IpsecConfig ipsec) {

    public ConnectionProjection {
        securityPolicies = List.copyOf(securityPolicies);
    }
}
