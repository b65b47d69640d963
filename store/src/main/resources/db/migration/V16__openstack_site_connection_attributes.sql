-- Neutron shows every VPN connection as an IPsec site connection, whichever API made it: the
-- connection is its row in vpn_connections, and what only Neutron has lives here, keyed by the
-- connection's id. A connection made through another API has no row (Neutron's defaults, no
-- policies). peer_address is the peer as the client wrote it (an address or a DNS name), shown
-- while the connection's customer gateway is still at peer_ip, the address it resolved to.
CREATE TABLE openstack_site_connections (
    connection_id     TEXT PRIMARY KEY REFERENCES vpn_connections (id) ON DELETE CASCADE,
    description       TEXT NOT NULL,
    peer_address      TEXT NOT NULL,
    peer_ip           TEXT NOT NULL,
    mtu               BIGINT NOT NULL,
    dpd_interval      BIGINT NOT NULL,
    ikepolicy_id      TEXT,
    ipsecpolicy_id    TEXT,
    local_ep_group_id TEXT,
    peer_ep_group_id  TEXT,
    admin_state_up    INTEGER NOT NULL
);
-- A policy or endpoint group in use cannot be changed or deleted: each check is one index search.
CREATE INDEX openstack_site_connections_by_ikepolicy ON openstack_site_connections (ikepolicy_id);
CREATE INDEX openstack_site_connections_by_ipsecpolicy ON openstack_site_connections (ipsecpolicy_id);
CREATE INDEX openstack_site_connections_by_local_group ON openstack_site_connections (local_ep_group_id);
CREATE INDEX openstack_site_connections_by_peer_group ON openstack_site_connections (peer_ep_group_id);
