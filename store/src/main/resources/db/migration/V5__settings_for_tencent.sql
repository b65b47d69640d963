-- Settings the Tencent Cloud dialect reads and writes, in canonical form:
-- * a connection's traffic selectors as groups "L1,L2>R1,R2;L3>R3" (each local CIDR of a group
--   with each remote CIDR of it): Tencent's SecurityPolicyDatabases pair one local CIDR with its
--   own remote list, which two flat lists cannot keep;
-- * who starts negotiation (IMMEDIATE, ON_TRAFFIC, PASSIVE), replacing effect_immediately;
-- * DPD timeout and action, route type, the peer's BGP address, IPsec SA lifetime in kilobytes, health-check probe
--   interval and timeout in milliseconds (interval was whole seconds);
-- * the VPC a connection's gateway belongs to (gateways never move), for vpc-id filters;
-- * a gateway's zone and BGP ASN, a VPC's multicast, DNS servers and domain name.
ALTER TABLE vpn_connections ADD COLUMN security_policies TEXT;
UPDATE vpn_connections SET security_policies =
    CASE WHEN COALESCE(local_subnets, '') = '' AND COALESCE(remote_subnets, '') = '' THEN ''
         ELSE COALESCE(local_subnets, '') || '>' || COALESCE(remote_subnets, '') END;
ALTER TABLE vpn_connections DROP COLUMN local_subnets;
ALTER TABLE vpn_connections DROP COLUMN remote_subnets;

ALTER TABLE vpn_connections ADD COLUMN initiation TEXT;
UPDATE vpn_connections SET initiation = CASE WHEN effect_immediately = 1 THEN 'IMMEDIATE' ELSE 'ON_TRAFFIC' END;
ALTER TABLE vpn_connections DROP COLUMN effect_immediately;

ALTER TABLE vpn_connections ADD COLUMN dpd_timeout_seconds INTEGER;
ALTER TABLE vpn_connections ADD COLUMN dpd_action TEXT;
UPDATE vpn_connections SET dpd_timeout_seconds = 30, dpd_action = 'CLEAR';
ALTER TABLE vpn_connections ADD COLUMN route_type TEXT;
UPDATE vpn_connections SET route_type = 'STATIC';
ALTER TABLE vpn_connections ADD COLUMN bgp_remote_ip TEXT;
UPDATE vpn_connections SET bgp_remote_ip = '' WHERE bgp_enabled IS NOT NULL;
ALTER TABLE vpn_tunnels ADD COLUMN bgp_remote_ip TEXT;
UPDATE vpn_tunnels SET bgp_remote_ip = '' WHERE bgp_enabled IS NOT NULL;
ALTER TABLE vpn_connections ADD COLUMN ipsec_lifetime_kilobytes BIGINT;
UPDATE vpn_connections SET ipsec_lifetime_kilobytes = 0 WHERE ipsec_lifetime IS NOT NULL;
ALTER TABLE vpn_tunnels ADD COLUMN ipsec_lifetime_kilobytes BIGINT;
UPDATE vpn_tunnels SET ipsec_lifetime_kilobytes = 0 WHERE ipsec_lifetime IS NOT NULL;

ALTER TABLE vpn_connections ADD COLUMN hc_interval_millis INTEGER;
ALTER TABLE vpn_connections ADD COLUMN hc_timeout_millis INTEGER;
UPDATE vpn_connections SET hc_interval_millis = hc_interval_seconds * 1000, hc_timeout_millis = 1000
    WHERE hc_enabled IS NOT NULL;
ALTER TABLE vpn_connections DROP COLUMN hc_interval_seconds;

ALTER TABLE vpn_connections ADD COLUMN vpc_id TEXT;
UPDATE vpn_connections SET vpc_id = (SELECT g.vpc_id FROM vpn_gateways g WHERE g.id = vpn_connections.gateway_id);

ALTER TABLE vpn_gateways ADD COLUMN zone_name TEXT;
ALTER TABLE vpn_gateways ADD COLUMN asn BIGINT;
UPDATE vpn_gateways SET zone_name = '', asn = 0;

ALTER TABLE vpcs ADD COLUMN enable_multicast INTEGER;
ALTER TABLE vpcs ADD COLUMN dns_servers TEXT;
ALTER TABLE vpcs ADD COLUMN domain_name TEXT;
UPDATE vpcs SET enable_multicast = 0, dns_servers = '', domain_name = '';

CREATE INDEX vpn_connections_by_vpc ON vpn_connections (account_id, region, vpc_id, seq);
