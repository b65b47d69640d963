-- Neutron resources as the OpenStack API shows them (networks, subnets, routers, ports, IKE and
-- IPsec policies, endpoint groups, VPN services, IPsec site connections): one JSON document each,
-- owned by the Neutron dialect. Routers, VPN services and site connections also have a canonical
-- row of the same id (vpcs, vpn_gateways, vpn_connections), written in the same transaction.
CREATE TABLE openstack_resources (
    kind       TEXT NOT NULL,
    id         TEXT NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    attributes TEXT NOT NULL,
    PRIMARY KEY (kind, id)
);
CREATE INDEX openstack_resources_by_project ON openstack_resources (account_id, kind);
