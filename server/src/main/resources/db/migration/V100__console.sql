-- The web console (console/): passwords, sessions, sign-in links, throttling, per-user choices.
-- Everything a node needs to accept a session lives here, so every node of a cluster accepts it.

-- A user's console password: a bcrypt hash (salt and cost inside the string).
CREATE TABLE console_passwords (
    user_id     bigint      PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    hash        text        NOT NULL,
    changed_at  timestamptz NOT NULL
);

-- Signed-in browsers. The cookie holds a random token; only its SHA-256 is kept. csrf is the session's
-- anti-forgery token, sent back by every changing request.
CREATE TABLE console_sessions (
    token_hash  bytea       PRIMARY KEY,
    user_id     bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf        text        NOT NULL,
    created_at  timestamptz NOT NULL,
    seen_at     timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL
);
CREATE INDEX console_sessions_user ON console_sessions (user_id);
CREATE INDEX console_sessions_expiry ON console_sessions (expires_at);

-- One-time sign-in links (the administrator's first start). Only the SHA-256 of the link's token is kept.
CREATE TABLE console_signin_links (
    token_hash  bytea       PRIMARY KEY,
    user_id     bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL
);

-- Failed sign-ins, per e-mail address and per client address, for throttling.
CREATE TABLE console_signin_failures (
    id      bigserial   PRIMARY KEY,
    subject text        NOT NULL,
    at      timestamptz NOT NULL
);
CREATE INDEX console_signin_failures_subject ON console_signin_failures (subject, at);

-- What a user chose for the console (language; empty: the server's --language).
CREATE TABLE console_preferences (
    user_id   bigint PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    language  text   NOT NULL DEFAULT ''
);
