-- A resource's serial, the number Tencent's ids encode and its legacy API shows, was its insertion
-- order (seq), so any tenant could count the others' creations. Serials now have a column of their
-- own, drawn at random for new resources (ResourceTable.nextSerial); seq stays the insertion order.
-- Existing resources keep the serial they had, so their ids do not change.
ALTER TABLE vpcs ADD COLUMN serial BIGINT;
UPDATE vpcs SET serial = seq;
CREATE UNIQUE INDEX vpcs_by_serial ON vpcs (serial);

ALTER TABLE vpn_gateways ADD COLUMN serial BIGINT;
UPDATE vpn_gateways SET serial = seq;
CREATE UNIQUE INDEX vpn_gateways_by_serial ON vpn_gateways (serial);

ALTER TABLE customer_gateways ADD COLUMN serial BIGINT;
UPDATE customer_gateways SET serial = seq;
CREATE UNIQUE INDEX customer_gateways_by_serial ON customer_gateways (serial);

ALTER TABLE vpn_connections ADD COLUMN serial BIGINT;
UPDATE vpn_connections SET serial = seq;
CREATE UNIQUE INDEX vpn_connections_by_serial ON vpn_connections (serial);
