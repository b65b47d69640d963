-- As V23, in the order PostgreSQL lists by: ids compared by code point, whatever the database's
-- collation (NeutronListSql sorts by "id" COLLATE "C").
CREATE INDEX vpn_connections_in_code_point_order ON vpn_connections (account_id, region, id COLLATE "C");
CREATE INDEX vpn_gateways_in_code_point_order ON vpn_gateways (account_id, region, id COLLATE "C");
