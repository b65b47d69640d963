-- vpnd schema, portable to SQLite and PostgreSQL: TEXT, BIGINT and INTEGER columns only, booleans as
-- INTEGER 0/1, instants as epoch milliseconds, enums by name, lists as comma-joined text, tags in
-- their own table. Resource tables get their insertion order (seq) from seq_counters, one row per
-- table, bumped in the inserting transaction (neither AUTOINCREMENT nor IDENTITY is portable).

CREATE TABLE seq_counters (
    name       TEXT PRIMARY KEY,
    last_value BIGINT NOT NULL
);
INSERT INTO seq_counters (name, last_value) VALUES ('vpcs', 0);
INSERT INTO seq_counters (name, last_value) VALUES ('vpn_gateways', 0);
INSERT INTO seq_counters (name, last_value) VALUES ('customer_gateways', 0);
INSERT INTO seq_counters (name, last_value) VALUES ('vpn_connections', 0);

CREATE TABLE accounts (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL
);

CREATE TABLE access_keys (
    id         TEXT PRIMARY KEY,
    secret     TEXT NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    read_only  INTEGER NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX access_keys_by_account ON access_keys (account_id, created_at);

CREATE TABLE vpcs (
    id            TEXT PRIMARY KEY,
    account_id    TEXT NOT NULL,
    region        TEXT NOT NULL,
    seq           BIGINT NOT NULL,
    client_token  TEXT NOT NULL,
    revision      BIGINT NOT NULL,
    created_at    BIGINT NOT NULL,
    pending_state TEXT,
    ready_at      BIGINT,
    name          TEXT,
    description   TEXT,
    cidr_block    TEXT
);
CREATE UNIQUE INDEX vpcs_by_seq ON vpcs (account_id, region, seq);
CREATE UNIQUE INDEX vpcs_by_client_token ON vpcs (account_id, region, client_token) WHERE client_token <> '';

CREATE TABLE vpn_gateways (
    id              TEXT PRIMARY KEY,
    account_id      TEXT NOT NULL,
    region          TEXT NOT NULL,
    seq             BIGINT NOT NULL,
    client_token    TEXT NOT NULL,
    revision        BIGINT NOT NULL,
    created_at      BIGINT NOT NULL,
    pending_state   TEXT,
    ready_at        BIGINT,
    vpc_id          TEXT,
    vswitch_id      TEXT,
    name            TEXT,
    description     TEXT,
    bandwidth_mbps  INTEGER,
    network_type    TEXT,
    vpn_type        TEXT,
    enable_ipsec    INTEGER,
    enable_ssl      INTEGER,
    ssl_connections INTEGER,
    charge_type     TEXT,
    internet_ip     TEXT
);
CREATE UNIQUE INDEX vpn_gateways_by_seq ON vpn_gateways (account_id, region, seq);
CREATE UNIQUE INDEX vpn_gateways_by_client_token ON vpn_gateways (account_id, region, client_token)
    WHERE client_token <> '';
CREATE INDEX vpn_gateways_by_vpc ON vpn_gateways (account_id, region, vpc_id);

CREATE TABLE customer_gateways (
    id           TEXT PRIMARY KEY,
    account_id   TEXT NOT NULL,
    region       TEXT NOT NULL,
    seq          BIGINT NOT NULL,
    client_token TEXT NOT NULL,
    revision     BIGINT NOT NULL,
    created_at   BIGINT NOT NULL,
    name         TEXT,
    description  TEXT,
    ip_address   TEXT,
    asn          BIGINT,
    auth_key     TEXT
);
CREATE UNIQUE INDEX customer_gateways_by_seq ON customer_gateways (account_id, region, seq);
CREATE UNIQUE INDEX customer_gateways_by_client_token ON customer_gateways (account_id, region, client_token)
    WHERE client_token <> '';
CREATE INDEX customer_gateways_by_ip ON customer_gateways (account_id, region, ip_address);

-- IKE (ike_*), IPsec (ipsec_*) and BGP (bgp_*) settings are flat columns, the same in vpn_tunnels.
-- A NULL ike_lifetime, ipsec_lifetime, bgp_enabled or hc_enabled means the whole setting is absent.
CREATE TABLE vpn_connections (
    id                    TEXT PRIMARY KEY,
    account_id            TEXT NOT NULL,
    region                TEXT NOT NULL,
    seq                   BIGINT NOT NULL,
    client_token          TEXT NOT NULL,
    revision              BIGINT NOT NULL,
    created_at            BIGINT NOT NULL,
    pending_state         TEXT,
    ready_at              BIGINT,
    gateway_id            TEXT,
    customer_gateway_id   TEXT,
    name                  TEXT,
    local_subnets         TEXT,
    remote_subnets        TEXT,
    effect_immediately    INTEGER,
    enable_dpd            INTEGER,
    enable_nat_traversal  INTEGER,
    auto_config_route     INTEGER,
    ike_version           TEXT,
    ike_mode              TEXT,
    ike_encryption        TEXT,
    ike_integrity         TEXT,
    ike_dh_group          TEXT,
    ike_lifetime          BIGINT,
    ike_local_id          TEXT,
    ike_remote_id         TEXT,
    ike_psk               TEXT,
    ipsec_encryption      TEXT,
    ipsec_integrity       TEXT,
    ipsec_pfs             TEXT,
    ipsec_lifetime        BIGINT,
    bgp_enabled           INTEGER,
    bgp_local_asn         BIGINT,
    bgp_tunnel_cidr       TEXT,
    bgp_local_ip          TEXT,
    bgp_auth_key          TEXT,
    hc_enabled            INTEGER,
    hc_destination_ip     TEXT,
    hc_source_ip          TEXT,
    hc_interval_seconds   INTEGER,
    hc_retries            INTEGER,
    hc_policy             TEXT,
    remote_ca_certificate TEXT,
    enable_tunnels_bgp    INTEGER,
    status                TEXT
);
CREATE UNIQUE INDEX vpn_connections_by_seq ON vpn_connections (account_id, region, seq);
CREATE UNIQUE INDEX vpn_connections_by_client_token ON vpn_connections (account_id, region, client_token)
    WHERE client_token <> '';
CREATE INDEX vpn_connections_by_gateway ON vpn_connections (account_id, region, gateway_id, seq);
CREATE INDEX vpn_connections_by_customer_gateway ON vpn_connections (account_id, region, customer_gateway_id);

CREATE TABLE vpn_tunnels (
    connection_id         TEXT NOT NULL REFERENCES vpn_connections (id) ON DELETE CASCADE,
    tunnel_index          INTEGER NOT NULL,
    id                    TEXT NOT NULL,
    role                  TEXT,
    customer_gateway_id   TEXT,
    enable_dpd            INTEGER,
    enable_nat_traversal  INTEGER,
    remote_ca_certificate TEXT,
    ike_version           TEXT,
    ike_mode              TEXT,
    ike_encryption        TEXT,
    ike_integrity         TEXT,
    ike_dh_group          TEXT,
    ike_lifetime          BIGINT,
    ike_local_id          TEXT,
    ike_remote_id         TEXT,
    ike_psk               TEXT,
    ipsec_encryption      TEXT,
    ipsec_integrity       TEXT,
    ipsec_pfs             TEXT,
    ipsec_lifetime        BIGINT,
    bgp_enabled           INTEGER,
    bgp_local_asn         BIGINT,
    bgp_tunnel_cidr       TEXT,
    bgp_local_ip          TEXT,
    bgp_auth_key          TEXT,
    internet_ip           TEXT,
    zone_name             TEXT,
    status                TEXT,
    PRIMARY KEY (connection_id, tunnel_index)
);
CREATE INDEX vpn_tunnels_by_customer_gateway ON vpn_tunnels (customer_gateway_id, connection_id);

-- Tags of every resource type; resource_type is the ResourceType name.
CREATE TABLE tags (
    resource_type TEXT NOT NULL,
    resource_id   TEXT NOT NULL,
    account_id    TEXT NOT NULL,
    region        TEXT NOT NULL,
    tag_key       TEXT NOT NULL,
    tag_value     TEXT NOT NULL,
    PRIMARY KEY (resource_type, resource_id, tag_key)
);
CREATE INDEX tags_by_key_value ON tags (resource_type, tag_key, tag_value);
CREATE INDEX tags_by_scope ON tags (account_id, region, resource_type);
