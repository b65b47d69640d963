-- Neutron shows every VPN gateway as a VPN service, whichever API made it: the service is its row
-- in vpn_gateways (its router is the gateway's VPC), and what only Neutron has lives here, keyed by
-- the gateway's id. A gateway made through another API has no row (no subnet, administratively up).
CREATE TABLE openstack_vpn_services (
    gateway_id     TEXT PRIMARY KEY REFERENCES vpn_gateways (id) ON DELETE CASCADE,
    subnet_id      TEXT,
    flavor_id      TEXT,
    external_v6_ip TEXT,
    admin_state_up INTEGER NOT NULL
);
-- A router with a service cannot go, nor a subnet a legacy service uses leave it: an admin may make
-- a project's service on another project's router, so the router's gateways are found by VPC
-- alone, then checked against their attributes by primary key.
CREATE INDEX vpn_gateways_by_vpc_id ON vpn_gateways (vpc_id);
