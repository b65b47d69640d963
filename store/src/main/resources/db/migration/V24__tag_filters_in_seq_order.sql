-- Tag filters list newest first (docs/design.md, "Storage"). Each tag row carries its resource's
-- insertion order (resource_seq, set when the tag is written), so a list filtered by tags walks the
-- first filter's range of an index in that order and stops after the page, instead of finding every
-- match, reading each match's row for its seq and sorting them all.
ALTER TABLE tags ADD COLUMN resource_seq BIGINT NOT NULL DEFAULT 0;
UPDATE tags SET resource_seq = COALESCE((SELECT r.seq FROM vpcs r WHERE r.id = tags.resource_id), 0)
WHERE resource_type = 'VPC';
UPDATE tags SET resource_seq = COALESCE((SELECT r.seq FROM vpn_gateways r WHERE r.id = tags.resource_id), 0)
WHERE resource_type = 'VPN_GATEWAY';
UPDATE tags SET resource_seq = COALESCE((SELECT r.seq FROM customer_gateways r WHERE r.id = tags.resource_id), 0)
WHERE resource_type = 'CUSTOMER_GATEWAY';
UPDATE tags SET resource_seq = COALESCE((SELECT r.seq FROM vpn_connections r WHERE r.id = tags.resource_id), 0)
WHERE resource_type = 'VPN_CONNECTION';
CREATE INDEX tags_by_value_in_seq_order ON tags (resource_type, tag_key, tag_value, account_id, region, resource_seq);
CREATE INDEX tags_by_key_in_seq_order ON tags (resource_type, tag_key, account_id, region, resource_seq);

-- A number per scope and resource type that every transaction changing which resources carry which
-- tags there moves on (JdbcTagStore): a total of a tag filter counted in a snapshot holds for every
-- snapshot that reads the same number, so a node may keep it (TagFilterTotals).
CREATE TABLE tag_generations (
    account_id    TEXT NOT NULL,
    region        TEXT NOT NULL,
    resource_type TEXT NOT NULL,
    generation    BIGINT NOT NULL,
    PRIMARY KEY (account_id, region, resource_type)
);
INSERT INTO tag_generations (account_id, region, resource_type, generation)
SELECT DISTINCT account_id, region, resource_type, 0 FROM tags;
