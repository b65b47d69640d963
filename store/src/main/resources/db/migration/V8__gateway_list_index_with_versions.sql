-- A list of one gateway's connections reads only the ids and revisions of its page (the rest comes
-- from the record cache when it has that version): with both in the index, the page is read from
-- the index alone, without a lookup of each row.
DROP INDEX vpn_connections_by_gateway;
CREATE INDEX vpn_connections_by_gateway ON vpn_connections (account_id, region, gateway_id, seq, id, revision);
