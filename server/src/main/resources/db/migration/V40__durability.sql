-- Replies of write calls that carried a client request id (bx24_request_id), so a retried call is applied once
-- and answered with its first result. The row is claimed and the reply stored in the same transaction as the
-- write itself: a concurrent duplicate waits on the primary key and then replays the committed reply.
CREATE TABLE request_replies (
    credential_key  text        NOT NULL,
    request_id      text        NOT NULL,
    call_hash       text        NOT NULL,
    created_at      timestamptz NOT NULL,
    reply           text,
    PRIMARY KEY (credential_key, request_id)
);
CREATE INDEX request_replies_created ON request_replies (created_at);

-- Leaky buckets shared by every node of a cluster (--rate-limit-store postgres): one row per credential.
CREATE TABLE rate_buckets (
    credential_key  text             PRIMARY KEY,
    level           double precision NOT NULL,
    updated_at      timestamptz      NOT NULL
);
