-- A customer gateway's address is unique in its account and region (Alibaba's
-- InvalidIpAddress.AlreadyExist); the index makes it hold when nodes create at the same time.
DROP INDEX customer_gateways_by_ip;
CREATE UNIQUE INDEX customer_gateways_by_ip ON customer_gateways (account_id, region, ip_address);
