-- REST 3.0 Idempotency-Key (reference/bitrix-events-and-v3.md §B.6): the first successful answer of a writing call,
-- kept 24 hours per (credential, user, method, key). The key is stored as a SHA-256 of those four; the request body
-- as its hash, so the same key with another body can be refused (422).
CREATE TABLE v3_idempotency (
    key_hash    text        PRIMARY KEY,
    body_hash   text        NOT NULL,
    created_at  timestamptz NOT NULL,
    answer      bytea
);
CREATE INDEX v3_idempotency_created ON v3_idempotency (created_at);
