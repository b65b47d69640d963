package dev.vpnd.server.dialect.neutron;

import dev.vpnd.core.model.QuotaKind;
import java.util.Map;
import java.util.Optional;

/**
 * Which quota a create of each collection counts against, and the name Neutron gives that quota
 * resource in its OverQuota message (the collection's member name: {@code ipsec_site_connection}).
 * Ports have none: clients never create them here, routers do.
 */
final class NeutronQuotas {
    private static final Map<Kind, QuotaKind> BY_KIND = Map.of(
            Kinds.NETWORKS, QuotaKind.NETWORK,
            Kinds.SUBNETS, QuotaKind.SUBNET,
            Kinds.ROUTERS, QuotaKind.ROUTER,
            Kinds.IKE_POLICIES, QuotaKind.IKE_POLICY,
            Kinds.IPSEC_POLICIES, QuotaKind.IPSEC_POLICY,
            Kinds.VPN_SERVICES, QuotaKind.VPN_SERVICE,
            Kinds.ENDPOINT_GROUPS, QuotaKind.ENDPOINT_GROUP,
            Kinds.SITE_CONNECTIONS, QuotaKind.IPSEC_SITE_CONNECTION);

    private NeutronQuotas() {
    }

    static Optional<QuotaKind> of(Kind kind) {
        return Optional.ofNullable(BY_KIND.get(kind));
    }

    /**
     * The quota resource as Neutron names it. The canonical kinds never reach a Neutron answer (a
     * Neutron create counts only its own kind); they are named by what stands for them here.
     */
    static String resourceName(QuotaKind quota) {
        return switch (quota) {
            case NETWORK -> Kinds.NETWORKS.member();
            case SUBNET -> Kinds.SUBNETS.member();
            case ROUTER, VPC -> Kinds.ROUTERS.member();
            case IKE_POLICY -> Kinds.IKE_POLICIES.member();
            case IPSEC_POLICY -> Kinds.IPSEC_POLICIES.member();
            case VPN_SERVICE, VPN_GATEWAY -> Kinds.VPN_SERVICES.member();
            case ENDPOINT_GROUP -> Kinds.ENDPOINT_GROUPS.member();
            case IPSEC_SITE_CONNECTION, VPN_CONNECTION, CUSTOMER_GATEWAY -> Kinds.SITE_CONNECTIONS.member();
        };
    }
}
