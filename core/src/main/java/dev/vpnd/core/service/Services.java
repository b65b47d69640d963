package dev.vpnd.core.service;

import dev.vpnd.core.port.Storage;

/** The canonical services every dialect speaks to, wired once over one storage. */
public record Services(
        ServiceSettings settings,
        AccountService accounts,
        VpcService vpcs,
        GatewayService gateways,
        CustomerGatewayService customerGateways,
        ConnectionService connections,
        TagService tags,
        IdentityService identity,
        NetworkingService networking,
        QuotaService quotas,
        DataPlaneService dataPlane,
        Permissions permissions) {

    /** The services over {@code storage}; the networking API serves {@code networkingRegion} (a region id). */
    public static Services over(Storage storage, ServiceSettings settings, String networkingRegion) {
        return over(storage, settings, networkingRegion, DataPlaneService.Timing.DEFAULT);
    }

    /** The services, with the data plane's waits and timeouts as {@code timing} says. */
    public static Services over(Storage storage, ServiceSettings settings, String networkingRegion,
            DataPlaneService.Timing timing) {
        return new Services(settings, new AccountService(storage, settings), new VpcService(storage, settings),
                new GatewayService(storage, settings), new CustomerGatewayService(storage, settings),
                new ConnectionService(storage, settings), new TagService(storage),
                new IdentityService(storage, settings), new NetworkingService(storage, settings, networkingRegion),
                new QuotaService(storage), new DataPlaneService(storage, settings, timing),
                new Permissions(storage));
    }
}
