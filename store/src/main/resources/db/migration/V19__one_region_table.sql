-- One region table for every dialect (docs/design.md, "Regions"): a resource's region column holds
-- the id of its region in that table, no longer the name the dialect that created it gave the
-- region. Rows written before hold a dialect's name (Neutron's RegionOne, Alibaba's cn-hangzhou,
-- Tencent's ap-guangzhou, ...); each becomes the id vpnd's default table gives that name, so that
-- what one dialect created is found through the others. A name the default table does not hold
-- stays as it is (v19_region_ids maps it to itself).
CREATE TABLE v19_region_ids (
    name TEXT PRIMARY KEY,
    id   TEXT NOT NULL
);
INSERT INTO v19_region_ids (name, id) VALUES
    ('RegionOne', 'default'), ('cn-hangzhou', 'default'), ('ap-guangzhou', 'default'),
    ('cn-shanghai', 'shanghai'), ('ap-shanghai', 'shanghai'), ('cn-beijing', 'beijing'),
    ('ap-beijing', 'beijing'), ('cn-nanjing', 'nanjing'), ('ap-nanjing', 'nanjing'),
    ('cn-chengdu', 'chengdu'), ('ap-chengdu', 'chengdu'), ('cn-hongkong', 'hongkong'),
    ('ap-hongkong', 'hongkong'), ('ap-southeast-1', 'singapore'), ('ap-singapore', 'singapore'),
    ('ap-northeast-1', 'tokyo'), ('ap-tokyo', 'tokyo'), ('ap-northeast-2', 'seoul'), ('ap-seoul', 'seoul'),
    ('ap-southeast-5', 'jakarta'), ('ap-jakarta', 'jakarta'), ('ap-southeast-7', 'bangkok'),
    ('ap-bangkok', 'bangkok'), ('us-west-1', 'silicon-valley'), ('na-siliconvalley', 'silicon-valley'),
    ('us-east-1', 'virginia'), ('na-ashburn', 'virginia'), ('eu-central-1', 'frankfurt'),
    ('eu-frankfurt', 'frankfurt'), ('cn-qingdao', 'qingdao'), ('cn-zhangjiakou', 'zhangjiakou'),
    ('cn-huhehaote', 'hohhot'), ('cn-wulanchabu', 'ulanqab'), ('cn-fuzhou', 'fuzhou'),
    ('cn-shenzhen', 'shenzhen'), ('cn-heyuan', 'heyuan'), ('cn-guangzhou', 'guangzhou'),
    ('ap-southeast-3', 'kuala-lumpur'), ('ap-southeast-6', 'manila'), ('eu-west-1', 'london'),
    ('me-east-1', 'dubai'), ('me-central-1', 'riyadh'), ('ap-chongqing', 'chongqing'),
    ('ap-mumbai', 'mumbai'), ('ap-taipei', 'taipei'), ('ap-shanghai-fsi', 'shanghai-finance'),
    ('ap-shenzhen-fsi', 'shenzhen-finance'), ('ap-beijing-fsi', 'beijing-finance'), ('na-toronto', 'toronto'),
    ('sa-saopaulo', 'sao-paulo'), ('eu-moscow', 'moscow');
INSERT INTO v19_region_ids (name, id)
SELECT region, region FROM (SELECT region FROM vpcs UNION SELECT region FROM vpn_gateways
        UNION SELECT region FROM customer_gateways UNION SELECT region FROM vpn_connections) stored_regions
WHERE region NOT IN (SELECT name FROM v19_region_ids);

-- Regions that were apart become one (RegionOne, cn-hangzhou and ap-guangzhou are all "default"),
-- and what was unique in each must stay unique in the one. An address has one customer gateway per
-- account and region: the oldest of them is kept, the connections and tunnels of the others move
-- to it, and the others go, with their tags.
CREATE TABLE v19_customer_gateway_merges (
    duplicate_id TEXT PRIMARY KEY,
    kept_id      TEXT NOT NULL
);
INSERT INTO v19_customer_gateway_merges (duplicate_id, kept_id)
SELECT d.id, k.id
FROM customer_gateways d
JOIN v19_region_ids dm ON dm.name = d.region
JOIN (SELECT g.account_id, m.id AS region_id, g.ip_address, MIN(g.seq) AS seq
        FROM customer_gateways g JOIN v19_region_ids m ON m.name = g.region
        WHERE g.ip_address IS NOT NULL
        GROUP BY g.account_id, m.id, g.ip_address) oldest
    ON oldest.account_id = d.account_id AND oldest.region_id = dm.id AND oldest.ip_address = d.ip_address
JOIN customer_gateways k ON k.account_id = oldest.account_id AND k.seq = oldest.seq
WHERE d.seq > oldest.seq;
UPDATE vpn_connections SET revision = revision + 1
WHERE customer_gateway_id IN (SELECT duplicate_id FROM v19_customer_gateway_merges)
    OR id IN (SELECT t.connection_id FROM vpn_tunnels t
        WHERE t.customer_gateway_id IN (SELECT duplicate_id FROM v19_customer_gateway_merges));
UPDATE vpn_connections SET customer_gateway_id = (SELECT g.kept_id FROM v19_customer_gateway_merges g
        WHERE g.duplicate_id = vpn_connections.customer_gateway_id)
WHERE customer_gateway_id IN (SELECT duplicate_id FROM v19_customer_gateway_merges);
UPDATE vpn_tunnels SET customer_gateway_id = (SELECT g.kept_id FROM v19_customer_gateway_merges g
        WHERE g.duplicate_id = vpn_tunnels.customer_gateway_id)
WHERE customer_gateway_id IN (SELECT duplicate_id FROM v19_customer_gateway_merges);
DELETE FROM tags WHERE resource_type = 'CUSTOMER_GATEWAY'
    AND resource_id IN (SELECT duplicate_id FROM v19_customer_gateway_merges);
DELETE FROM customer_gateways WHERE id IN (SELECT duplicate_id FROM v19_customer_gateway_merges);
DROP TABLE v19_customer_gateway_merges;

-- A ClientToken is unique per account and region: where rows of a kind now share one, the oldest
-- keeps it (a retry of its create still finds it) and the others lose it.
UPDATE vpcs SET client_token = ''
WHERE client_token <> '' AND seq NOT IN (SELECT MIN(r.seq)
        FROM vpcs r JOIN v19_region_ids m ON m.name = r.region
        WHERE r.client_token <> '' GROUP BY r.account_id, m.id, r.client_token);
UPDATE vpn_gateways SET client_token = ''
WHERE client_token <> '' AND seq NOT IN (SELECT MIN(r.seq)
        FROM vpn_gateways r JOIN v19_region_ids m ON m.name = r.region
        WHERE r.client_token <> '' GROUP BY r.account_id, m.id, r.client_token);
UPDATE customer_gateways SET client_token = ''
WHERE client_token <> '' AND seq NOT IN (SELECT MIN(r.seq)
        FROM customer_gateways r JOIN v19_region_ids m ON m.name = r.region
        WHERE r.client_token <> '' GROUP BY r.account_id, m.id, r.client_token);
UPDATE vpn_connections SET client_token = ''
WHERE client_token <> '' AND seq NOT IN (SELECT MIN(r.seq)
        FROM vpn_connections r JOIN v19_region_ids m ON m.name = r.region
        WHERE r.client_token <> '' GROUP BY r.account_id, m.id, r.client_token);

-- The rewrite. A record's revision moves with its region, as with any change of what is stored.
UPDATE vpcs SET revision = revision + 1,
        region = (SELECT m.id FROM v19_region_ids m WHERE m.name = vpcs.region)
WHERE region IN (SELECT name FROM v19_region_ids WHERE id <> name);
UPDATE vpn_gateways SET revision = revision + 1,
        region = (SELECT m.id FROM v19_region_ids m WHERE m.name = vpn_gateways.region)
WHERE region IN (SELECT name FROM v19_region_ids WHERE id <> name);
UPDATE customer_gateways SET revision = revision + 1,
        region = (SELECT m.id FROM v19_region_ids m WHERE m.name = customer_gateways.region)
WHERE region IN (SELECT name FROM v19_region_ids WHERE id <> name);
UPDATE vpn_connections SET revision = revision + 1,
        region = (SELECT m.id FROM v19_region_ids m WHERE m.name = vpn_connections.region)
WHERE region IN (SELECT name FROM v19_region_ids WHERE id <> name);
UPDATE tags SET region = (SELECT m.id FROM v19_region_ids m WHERE m.name = tags.region)
WHERE region IN (SELECT name FROM v19_region_ids WHERE id <> name);

-- The kept totals (V9), counted again from the rows: regions that became one share one total.
DELETE FROM vpn_connection_counts;
INSERT INTO vpn_connection_counts (account_id, region, gateway_id, connections)
SELECT account_id, region, gateway_id, COUNT(*) FROM vpn_connections GROUP BY account_id, region, gateway_id;
INSERT INTO vpn_connection_counts (account_id, region, gateway_id, connections)
SELECT account_id, region, '', COUNT(*) FROM vpn_connections GROUP BY account_id, region;

DROP TABLE v19_region_ids;
