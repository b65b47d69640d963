-- The data plane (docs/agent-protocol.md): agents beside IPsec daemons hold tokens for gateways,
-- fetch each gateway's plan by revision and report what their daemon observes.

-- A token is shown once; only the SHA-256 digest of the whole token is kept, found by its public
-- id (the part before the dot) and compared in constant time. Its gateways carry their scope, as a
-- token may name gateways of any account.
CREATE TABLE agent_tokens (
    id         TEXT PRIMARY KEY,
    digest     TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE TABLE agent_token_gateways (
    token_id   TEXT NOT NULL REFERENCES agent_tokens (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    gateway_id TEXT NOT NULL,
    account_id TEXT NOT NULL,
    region     TEXT NOT NULL,
    PRIMARY KEY (token_id, position)
);

-- Plan revisions come from one counter row, locked by the drawing transaction until it commits, so
-- they become visible in the order they were drawn (a native sequence would not: a later number can
-- commit first). It starts at 1, so no plan answer is revision 0, which an agent would re-ask at once.
INSERT INTO seq_counters (name, last_value) VALUES ('plan_revisions', 1);
CREATE TABLE plan_revisions (
    gateway_id TEXT PRIMARY KEY,
    revision   BIGINT NOT NULL
);
-- The revision at which a connection last changed: pending until its agent applies it.
CREATE TABLE connection_plan_revisions (
    connection_id TEXT PRIMARY KEY,
    revision      BIGINT NOT NULL
);

-- The agent of each gateway as last heard from; heard_at is the later of hello_at and reported_at,
-- so the check for silent agents is one index range.
CREATE TABLE agent_presences (
    gateway_id       TEXT PRIMARY KEY,
    agent            TEXT NOT NULL,
    daemon           TEXT NOT NULL,
    hello_at         BIGINT NOT NULL,
    reported_at      BIGINT,
    heard_at         BIGINT NOT NULL,
    applied_revision BIGINT NOT NULL,
    silent           INTEGER NOT NULL
);
CREATE INDEX agent_presences_by_heard_at ON agent_presences (silent, heard_at);

-- The last report on each tunnel (index 0: a single-tunnel connection's one tunnel).
CREATE TABLE tunnel_observations (
    connection_id    TEXT NOT NULL,
    tunnel_index     INTEGER NOT NULL,
    gateway_id       TEXT NOT NULL,
    ike_state        TEXT NOT NULL,
    child_state      TEXT NOT NULL,
    bytes_in         BIGINT NOT NULL,
    bytes_out        BIGINT NOT NULL,
    packets_in       BIGINT NOT NULL,
    packets_out      BIGINT NOT NULL,
    config_error     TEXT,
    applied_revision BIGINT NOT NULL,
    reported_at      BIGINT NOT NULL,
    PRIMARY KEY (connection_id, tunnel_index)
);
CREATE INDEX tunnel_observations_by_gateway ON tunnel_observations (gateway_id);

-- When each connection (index 0) and tunnel changed status; each keeps its latest 50, numbered by seq.
CREATE TABLE status_transitions (
    connection_id TEXT NOT NULL,
    tunnel_index  INTEGER NOT NULL,
    seq           BIGINT NOT NULL,
    status        TEXT NOT NULL,
    at            BIGINT NOT NULL,
    PRIMARY KEY (connection_id, tunnel_index, seq)
);
