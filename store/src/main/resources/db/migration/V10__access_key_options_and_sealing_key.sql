-- Access keys can be disabled (a disabled key signs nothing, as if it did not exist) and can hide
-- pre-shared keys from the answers they get (an auditor's read-only key).
ALTER TABLE access_keys ADD COLUMN enabled INTEGER NOT NULL DEFAULT 1;
ALTER TABLE access_keys ADD COLUMN hide_secrets INTEGER NOT NULL DEFAULT 0;

-- The id of the key that seals this database's secrets (access key secrets, pre-shared keys,
-- password hashes: see SecretCipher). One row; a node whose key ring does not hold this key refuses
-- to start rather than seal new secrets with a key the other nodes do not have.
CREATE TABLE sealing_key (
    singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
    key_id    TEXT NOT NULL
);
