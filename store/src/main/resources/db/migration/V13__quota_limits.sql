-- Per-account limits on how many resources of a kind an account may hold (QuotaKind, by name),
-- set by `vpnd quota set`. A kind with no row has its default (docs/security.md, "Quotas").
CREATE TABLE quota_limits (
    account_id TEXT NOT NULL REFERENCES accounts (id),
    kind       TEXT NOT NULL,
    max_count  BIGINT NOT NULL,
    PRIMARY KEY (account_id, kind)
);
