-- Neutron lists a project's VPN services and site connections in id order, paged by a marker id
-- (docs/design.md, "Storage"). Without an index in that order the planner reads every row of the
-- account through another index and sorts them all for each page; with it a page reads its rows.
-- PostgreSQL orders ids by code point (COLLATE "C"): its index is in db/postgresql, V23_1.
CREATE INDEX vpn_connections_in_id_order ON vpn_connections (account_id, region, id);
CREATE INDEX vpn_gateways_in_id_order ON vpn_gateways (account_id, region, id);
