package dev.vpnd.core.memory;

import dev.vpnd.core.model.CustomerGateway;
import dev.vpnd.core.model.Scope;
import dev.vpnd.core.model.Vpc;
import dev.vpnd.core.model.VpnConnection;
import dev.vpnd.core.model.VpnGateway;

/** The common columns of each resource record, for {@link MemoryTable}. */
final class Shapes {
    static final MemoryTable.Shape<Vpc> VPC = new MemoryTable.Shape<>() {
        @Override
        public String id(Vpc v) {
            return v.id();
        }

        @Override
        public Scope scope(Vpc v) {
            return v.scope();
        }

        @Override
        public long serial(Vpc v) {
            return v.serial();
        }

        @Override
        public long revision(Vpc v) {
            return v.revision();
        }

        @Override
        public String name(Vpc v) {
            return v.name();
        }

        @Override
        public Vpc withRevision(Vpc v, long revision) {
            return new Vpc(v.id(), v.serial(), v.scope(), v.name(), v.description(), v.cidrBlock(),
                    v.enableMulticast(), v.dnsServers(), v.domainName(), v.lifecycle(), v.createdAt(), v.tags(),
                    revision);
        }
    };

    static final MemoryTable.Shape<VpnGateway> GATEWAY = new MemoryTable.Shape<>() {
        @Override
        public String id(VpnGateway g) {
            return g.id();
        }

        @Override
        public Scope scope(VpnGateway g) {
            return g.scope();
        }

        @Override
        public long serial(VpnGateway g) {
            return g.serial();
        }

        @Override
        public long revision(VpnGateway g) {
            return g.revision();
        }

        @Override
        public String name(VpnGateway g) {
            return g.name();
        }

        @Override
        public VpnGateway withRevision(VpnGateway g, long revision) {
            return new VpnGateway(g.id(), g.serial(), g.scope(), g.vpcId(), g.vswitchId(), g.name(), g.description(),
                    g.bandwidthMbps(), g.networkType(), g.vpnType(), g.enableIpsec(), g.enableSsl(),
                    g.sslConnections(), g.chargeType(), g.internetIp(), g.zone(), g.asn(), g.lifecycle(),
                    g.createdAt(), g.tags(), revision);
        }
    };

    static final MemoryTable.Shape<CustomerGateway> CUSTOMER_GATEWAY = new MemoryTable.Shape<>() {
        @Override
        public String id(CustomerGateway g) {
            return g.id();
        }

        @Override
        public Scope scope(CustomerGateway g) {
            return g.scope();
        }

        @Override
        public long serial(CustomerGateway g) {
            return g.serial();
        }

        @Override
        public long revision(CustomerGateway g) {
            return g.revision();
        }

        @Override
        public String name(CustomerGateway g) {
            return g.name();
        }

        @Override
        public CustomerGateway withRevision(CustomerGateway g, long revision) {
            return new CustomerGateway(g.id(), g.serial(), g.scope(), g.name(), g.description(), g.ipAddress(),
                    g.asn(), g.authKey(), g.createdAt(), g.tags(), revision);
        }
    };

    static final MemoryTable.Shape<VpnConnection> CONNECTION = new MemoryTable.Shape<>() {
        @Override
        public String id(VpnConnection c) {
            return c.id();
        }

        @Override
        public Scope scope(VpnConnection c) {
            return c.scope();
        }

        @Override
        public long serial(VpnConnection c) {
            return c.serial();
        }

        @Override
        public long revision(VpnConnection c) {
            return c.revision();
        }

        @Override
        public String name(VpnConnection c) {
            return c.name();
        }

        @Override
        public VpnConnection withRevision(VpnConnection c, long revision) {
            return new VpnConnection(c.id(), c.serial(), c.scope(), c.vpcId(), c.gatewayId(), c.customerGatewayId(),
                    c.name(), c.securityPolicies(), c.initiation(), c.enableDpd(), c.dpdTimeoutSeconds(),
                    c.dpdAction(), c.enableNatTraversal(), c.autoConfigRoute(), c.routeType(), c.ike(), c.ipsec(),
                    c.bgp(), c.healthCheck(), c.remoteCaCertificate(), c.enableTunnelsBgp(), c.tunnels(),
                    c.status(), c.lifecycle(), c.createdAt(), c.tags(), revision);
        }
    };

    private Shapes() {
    }
}
