-- Signature nonces, shared by every node on one database (replay protection across nodes).
CREATE TABLE signature_nonces (
    key_id     TEXT NOT NULL,
    nonce      TEXT NOT NULL,
    expires_at BIGINT NOT NULL,
    PRIMARY KEY (key_id, nonce)
);
CREATE INDEX signature_nonces_by_expiry ON signature_nonces (expires_at);
