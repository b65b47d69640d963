package dev.vpnd.core.service;

import dev.vpnd.core.dataplane.ConnectionDataPlane;
import dev.vpnd.core.model.BgpConfig;
import dev.vpnd.core.model.ChargeType;
import dev.vpnd.core.model.CustomerGateway;
import dev.vpnd.core.model.HealthCheck;
import dev.vpnd.core.model.Lifecycle;
import dev.vpnd.core.model.NegotiationStatus;
import dev.vpnd.core.model.NetworkType;
import dev.vpnd.core.model.OpenStackResource;
import dev.vpnd.core.model.QuotaKind;
import dev.vpnd.core.model.RouteType;
import dev.vpnd.core.model.Scope;
import dev.vpnd.core.model.SiteConnectionAttributes;
import dev.vpnd.core.model.Vpc;
import dev.vpnd.core.model.VpnConnection;
import dev.vpnd.core.model.VpnGateway;
import dev.vpnd.core.model.VpnServiceAttributes;
import dev.vpnd.core.model.VpnType;
import dev.vpnd.core.port.NeutronQuery;
import dev.vpnd.core.port.OpenStackStore;
import dev.vpnd.core.port.OpenStackStore.SiteConnection;
import dev.vpnd.core.port.OpenStackStore.SiteConnectionField;
import dev.vpnd.core.port.OpenStackStore.VpnService;
import dev.vpnd.core.port.OpenStackStore.VpnServiceField;
import dev.vpnd.core.port.Storage;
import dev.vpnd.core.port.Stores;
import dev.vpnd.core.problem.Problem;
import dev.vpnd.core.problem.ProblemException;
import dev.vpnd.core.problem.ResourceType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * OpenStack networking (Neutron) resources and their canonical faces. VPN services and IPsec site
 * connections are the account's canonical gateways and connections, whichever API made them, with
 * the attributes only Neutron has beside them; routers are documents with a canonical VPC; the
 * rest (policies, endpoint groups, networks, subnets, ports) are documents only. Neutron requests
 * check several resources before they write (a connection's service, policies and endpoint
 * groups), so the dialect runs each request as one {@link Transaction}: its checks and its writes
 * commit together or not at all.
 */
public final class NetworkingService {
    private static final BgpConfig NO_BGP = new BgpConfig(false, 0, "", "", "", "");
    private static final HealthCheck NO_HEALTH_CHECK = new HealthCheck(false, "", "", 3000, 1000, 3, "");
    /** A Neutron router routes between any subnets attached to it, so the VPC it stands for spans every address. */
    private static final String ROUTER_CIDR = "0.0.0.0/0";

    private final Storage storage;
    private final ServiceSettings settings;
    private final String region;

    /**
     * The networking API of {@code region} (a region id): what it creates lives there, and its
     * lists, shows and counts of gateways and connections cover that region alone, as an OpenStack
     * endpoint serves one region.
     */
    public NetworkingService(Storage storage, ServiceSettings settings, String region) {
        this.storage = storage;
        this.settings = settings;
        this.region = Objects.requireNonNull(region, "region");
    }

    /** The project's scope in this service's region. */
    public Scope scope(String projectId) {
        return new Scope(projectId, region);
    }

    public <T> T read(Function<Transaction, T> work) {
        return storage.read(s -> work.apply(new Transaction(s, settings, region)));
    }

    public <T> T write(Function<Transaction, T> work) {
        return storage.write(s -> work.apply(new Transaction(s, settings, region)));
    }

    /** The resources of one storage transaction; valid only inside the work that got it. */
    public static final class Transaction {
        private final Stores s;
        private final ServiceSettings settings;
        private final String region;

        Transaction(Stores s, ServiceSettings settings, String region) {
            this.s = s;
            this.settings = settings;
            this.region = region;
        }

        /** The region (its id) the service serves: where what it creates lives, and what it lists. */
        public String region() {
            return region;
        }

        /** The project's scope in the service's region. */
        public Scope scope(String projectId) {
            return new Scope(projectId, region);
        }

        public Instant now() {
            return settings.clock().instant();
        }

        /** When a resource created or changed now is ready: asynchronous work takes the configured delay. */
        public Instant readyAt() {
            return now().plus(settings.provisioningDelay());
        }

        public Optional<OpenStackResource> find(String kind, String id) {
            return s.openStack().find(kind, id);
        }

        /** Every document of the kind, of every project: for an admin, and for checks across projects. */
        public List<OpenStackResource> list(String kind) {
            return s.openStack().list(kind);
        }

        /** The documents of the kind a non-admin of the project may see: its own and those everyone sees. */
        public List<OpenStackResource> listVisible(String kind, String projectId) {
            return s.openStack().listVisible(kind, projectId);
        }

        /**
         * Refuses, with {@code QuotaExceeded}, a new resource counted against {@code quota} when the
         * project already holds its limit; {@code used} counts what it holds, after the quota's lock.
         * The caller inserts the resource in this transaction.
         */
        public void checkRoom(QuotaKind quota, String projectId, LongSupplier used) {
            Quotas.checkRoom(s, projectId, quota, "", used);
        }

        /** How many documents of the kind the project owns. */
        public long countDocuments(String kind, String projectId) {
            return s.openStack().count(kind, projectId);
        }

        public boolean projectExists(String projectId) {
            return s.accounts().find(projectId).isPresent();
        }

        public void insert(OpenStackResource resource) {
            s.openStack().insert(resource);
        }

        public void update(OpenStackResource resource) {
            if (!s.openStack().update(resource)) {
                throw new ProblemException(new Problem.ConcurrentChange(ResourceType.OPENSTACK, resource.id()));
            }
        }

        public boolean delete(String kind, String id) {
            return s.openStack().delete(kind, id);
        }

        /** The VPC a router stands for. */
        public void createRouterVpc(Scope scope, String routerId, String name, String description) {
            Instant now = now();
            s.vpcs().insert(new Vpc(routerId, s.vpcs().nextSerial(), scope, name, description, ROUTER_CIDR, false,
                    List.of(), "", new Lifecycle(dev.vpnd.core.model.ResourceState.PROVISIONING, now), now, List.of(),
                    1), "");
        }

        public void deleteRouterVpc(Scope scope, String routerId) {
            s.vpcs().delete(scope, routerId);
        }

        /**
         * VPN gateways as Neutron's VPN services, with their Neutron attributes: the page
         * {@code query} asks for, of the query's region.
         */
        public List<VpnService> vpnServices(NeutronQuery<VpnServiceField> query) {
            return s.openStack().vpnServices(query);
        }

        /** The gateway of this id as a VPN service, when the account holds it (any account's when null). */
        public Optional<VpnService> vpnService(String accountId, String id) {
            return s.openStack().vpnServices(NeutronQuery.one(accountId, region, VpnServiceField.ID, id, now()))
                    .stream().findFirst();
        }

        /** How many gateways the account holds in the service's region: what its Neutron list shows. */
        public long countGateways(String accountId) {
            return s.openStack().countGateways(scope(accountId));
        }

        /** A VPN service of the router, of any project; on {@code subnetId} when that is not null. */
        public Optional<String> vpnServiceOf(String routerId, String subnetId) {
            return s.openStack().vpnServiceOf(routerId, subnetId);
        }

        /**
         * The VPN gateway a new VPN service stands for, in its router's VPC, at the router's external
         * address, with its Neutron attributes.
         */
        public void createServiceGateway(Scope scope, String routerId, String name, String description,
                String internetIp, Instant readyAt, VpnServiceAttributes attributes) {
            Instant now = now();
            s.gateways().insert(new VpnGateway(attributes.gatewayId(), s.gateways().nextSerial(), scope, routerId, "",
                    name, description, 0, NetworkType.PUBLIC, VpnType.INTERNATIONAL, true, false, 0,
                    ChargeType.POSTPAID, internetIp, "", 0,
                    new Lifecycle(dev.vpnd.core.model.ResourceState.PROVISIONING, readyAt), now, List.of(), 1), "");
            s.openStack().putVpnServiceAttributes(attributes);
        }

        /**
         * Renames the gateway of a VPN service, whichever API made it, and stores its Neutron
         * attributes; switching the service off or on changes its plan (off, it has no tunnels).
         */
        public void updateServiceGateway(Scope scope, String serviceId, String name, String description,
                VpnServiceAttributes attributes) {
            var g = gateway(scope, serviceId);
            boolean wasUp = s.dataPlane().gatewayAdminStateUp(g.id());
            if (!s.gateways().update(new VpnGateway(g.id(), g.serial(), g.scope(), g.vpcId(), g.vswitchId(), name,
                    description, g.bandwidthMbps(), g.networkType(), g.vpnType(), g.enableIpsec(), g.enableSsl(),
                    g.sslConnections(), g.chargeType(), g.internetIp(), g.zone(), g.asn(), g.lifecycle(),
                    g.createdAt(), g.tags(), g.revision() + 1), g.revision())) {
                throw new ProblemException(new Problem.ConcurrentChange(ResourceType.VPN_GATEWAY, serviceId));
            }
            s.openStack().putVpnServiceAttributes(attributes);
            if (attributes.adminStateUp() != wasUp) {
                PlanRevisions.changed(s, g.id());
            }
        }

        /** Deletes the gateway, its tags and its Neutron attributes (the store's delete takes those). */
        public void deleteServiceGateway(Scope scope, String serviceId) {
            s.tags().removeAll(ResourceType.VPN_GATEWAY, serviceId);
            s.gateways().delete(scope, serviceId);
        }

        /**
         * VPN connections as Neutron's site connections, with the peer's address and the Neutron
         * attributes: the page {@code query} asks for, of the query's region.
         */
        public List<SiteConnection> siteConnections(NeutronQuery<SiteConnectionField> query) {
            return s.openStack().siteConnections(query);
        }

        /** The connection of this id as a site connection, when the account holds it (any account's when null). */
        public Optional<SiteConnection> siteConnection(String accountId, String id) {
            return s.openStack().siteConnections(NeutronQuery.one(accountId, region, SiteConnectionField.ID, id,
                    now())).stream().findFirst();
        }

        /**
         * What the data plane says of these connections beside their negotiation status, by id: what
         * Neutron's status words need (docs/agent-protocol.md, "What the dialects show").
         */
        public Map<String, ConnectionDataPlane> dataPlane(Collection<VpnConnection> connections) {
            return DataPlaneViews.of(s, connections);
        }

        /** The gateways among these an agent serves: one that said hello or reported, not silent since. */
        public Set<String> servedGateways(Collection<String> gatewayIds) {
            return DataPlaneViews.servedGateways(s, gatewayIds);
        }

        /** How many connections the account holds in the service's region: what its Neutron list shows. */
        public long countConnections(String accountId) {
            return s.openStack().countConnections(scope(accountId));
        }

        /** Stores a connection's Neutron attributes, replacing those it had. */
        public void putSiteConnectionAttributes(SiteConnectionAttributes attributes) {
            s.openStack().putSiteConnectionAttributes(attributes);
        }

        /** Stores a gateway's Neutron attributes, replacing those it had. */
        public void putVpnServiceAttributes(VpnServiceAttributes attributes) {
            s.openStack().putVpnServiceAttributes(attributes);
        }

        /** How many connections the gateway has, whichever API made them. */
        public long countConnectionsOnGateway(Scope scope, String gatewayId) {
            return s.connections().countOnGateway(scope, gatewayId);
        }

        /** Whether a site connection names the policy or endpoint group {@code id}. */
        public boolean siteConnectionUses(OpenStackStore.Reference reference, String id) {
            return s.openStack().siteConnectionUses(reference, id);
        }

        /**
         * Creates the VPN connection a new site connection stands for, with its Neutron attributes.
         * The peer address is the project's customer gateway of that address, created when there is
         * none; several site connections of one service may share a peer, as Neutron allows.
         */
        public void createConnection(Scope scope, String connectionId, ConnectionProjection p, Lifecycle lifecycle,
                SiteConnectionAttributes attributes) {
            Instant now = now();
            var gateway = gateway(scope, p.gatewayId());
            var connection = new VpnConnection(connectionId, s.connections().nextSerial(), scope, gateway.vpcId(),
                    gateway.id(), customerGateway(scope, p.peerAddress()).id(), p.name(), p.securityPolicies(),
                    p.initiation(), p.dpdEnabled(), p.dpdTimeoutSeconds(), p.dpdAction(), true, false,
                    RouteType.STATIC, p.ike(), p.ipsec(), NO_BGP, NO_HEALTH_CHECK, "", false, List.of(),
                    NegotiationStatus.IKE_SA_NOT_ESTABLISHED, lifecycle, now, List.of(), 1);
            s.connections().insert(connection, "");
            s.openStack().putSiteConnectionAttributes(attributes);
            PlanRevisions.changed(s, gateway.id(), connectionId);
        }

        /**
         * Changes what a site connection's update may change of its VPN connection, whichever API
         * made it: everything {@code p} holds, and the Neutron attributes. The rest (tunnels, BGP,
         * health check, NAT traversal, tags) stays as it is; a dual-tunnel connection keeps its
         * tunnels' peers. The gateway's plan moves on when the connection's tunnels change.
         */
        public void updateConnection(Scope scope, String connectionId, ConnectionProjection p, Lifecycle lifecycle,
                SiteConnectionAttributes attributes) {
            var current = s.connections().find(scope, connectionId).orElseThrow(
                    () -> new ProblemException(new Problem.NotFound(ResourceType.VPN_CONNECTION, connectionId)));
            String customerGatewayId = current.dualTunnel() ? current.customerGatewayId()
                    : customerGateway(scope, p.peerAddress()).id();
            var c = current;
            var gateway = gateway(scope, c.gatewayId());
            var before = PlanBuilder.tunnelsOf(s, gateway, current);
            var updated = new VpnConnection(c.id(), c.serial(), c.scope(), c.vpcId(), c.gatewayId(), customerGatewayId,
                    p.name(), p.securityPolicies(), p.initiation(), p.dpdEnabled(), p.dpdTimeoutSeconds(),
                    p.dpdAction(), c.enableNatTraversal(), c.autoConfigRoute(), c.routeType(), p.ike(), p.ipsec(),
                    c.bgp(), c.healthCheck(), c.remoteCaCertificate(), c.enableTunnelsBgp(), c.tunnels(), c.status(),
                    lifecycle, c.createdAt(), c.tags(), c.revision() + 1);
            if (!s.connections().update(updated, current.revision())) {
                throw new ProblemException(new Problem.ConcurrentChange(ResourceType.VPN_CONNECTION, connectionId));
            }
            s.openStack().putSiteConnectionAttributes(attributes);
            PlanRevisions.changedIfDifferent(s, gateway, updated, before);
        }

        /** Deletes the connection, its tags and its Neutron attributes (the store's delete takes those). */
        public void deleteConnection(Scope scope, String connectionId) {
            var gatewayId = s.connections().find(scope, connectionId).map(VpnConnection::gatewayId);
            s.tags().removeAll(ResourceType.VPN_CONNECTION, connectionId);
            s.connections().delete(scope, connectionId);
            gatewayId.ifPresent(g -> PlanRevisions.changed(s, g));
        }

        private VpnGateway gateway(Scope scope, String gatewayId) {
            return s.gateways().find(scope, gatewayId).orElseThrow(
                    () -> new ProblemException(new Problem.NotFound(ResourceType.VPN_GATEWAY, gatewayId)));
        }

        private CustomerGateway customerGateway(Scope scope, String address) {
            return s.customerGateways().findByIpAddress(scope, address).orElseGet(() -> {
                var created = new CustomerGateway(Identifiers.newId(), s.customerGateways().nextSerial(), scope,
                        "", "peer of OpenStack site connections", address, 0, "", now(), List.of(), 1);
                s.customerGateways().insert(created, "");
                return created;
            });
        }
    }
}
