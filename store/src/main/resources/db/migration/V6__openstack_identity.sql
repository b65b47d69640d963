-- OpenStack identity: users of an account (the account is their only project; names are unique
-- as in Keystone's one Default domain) and their bearer tokens, kept as SHA-256 hashes so that any
-- node sharing the database accepts them until they expire.
CREATE TABLE openstack_users (
    id            TEXT PRIMARY KEY,
    account_id    TEXT NOT NULL REFERENCES accounts (id),
    name          TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    is_admin      INTEGER NOT NULL,
    created_at    BIGINT NOT NULL
);
CREATE INDEX openstack_users_by_account ON openstack_users (account_id);

CREATE TABLE openstack_tokens (
    token_hash TEXT PRIMARY KEY,
    user_id    TEXT NOT NULL REFERENCES openstack_users (id),
    account_id TEXT NOT NULL REFERENCES accounts (id),
    issued_at  BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX openstack_tokens_by_expiry ON openstack_tokens (expires_at);
