-- How many connections each gateway has, and each scope (gateway_id ''), kept by every insert and
-- delete of a connection in the same transaction. A list's exact TotalCount then costs one row
-- instead of a walk over every matching index entry: a hundred for a gateway's first page, the
-- whole region for an unfiltered list.
CREATE TABLE vpn_connection_counts (
    account_id  TEXT NOT NULL,
    region      TEXT NOT NULL,
    gateway_id  TEXT NOT NULL,
    connections BIGINT NOT NULL,
    PRIMARY KEY (account_id, region, gateway_id)
);

INSERT INTO vpn_connection_counts (account_id, region, gateway_id, connections)
SELECT account_id, region, gateway_id, COUNT(*) FROM vpn_connections GROUP BY account_id, region, gateway_id;

INSERT INTO vpn_connection_counts (account_id, region, gateway_id, connections)
SELECT account_id, region, '', COUNT(*) FROM vpn_connections GROUP BY account_id, region;
