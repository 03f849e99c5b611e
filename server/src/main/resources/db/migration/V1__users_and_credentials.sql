-- The people calls run as, and the credentials they call with.
-- The directory feature extends users (departments, workgroups) in later migrations.

CREATE TABLE users (
    id               bigserial PRIMARY KEY,
    active           boolean      NOT NULL DEFAULT true,
    is_admin         boolean      NOT NULL DEFAULT false,
    login            text         NOT NULL DEFAULT '',
    email            text         NOT NULL DEFAULT '',
    name             text         NOT NULL DEFAULT '',
    last_name        text         NOT NULL DEFAULT '',
    second_name      text         NOT NULL DEFAULT '',
    work_position    text         NOT NULL DEFAULT '',
    personal_photo   text,
    personal_gender  text         NOT NULL DEFAULT '',
    time_zone        text,
    date_register    timestamptz  NOT NULL DEFAULT now(),
    last_login       timestamptz
);

-- Inbound webhooks: /rest/{user_id}/{code}/{method}. Only the SHA-256 of the code is kept.
CREATE TABLE webhooks (
    id          bigserial PRIMARY KEY,
    user_id     bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash   bytea       NOT NULL,
    scopes      text[]      NOT NULL,
    title       text,
    expires_at  timestamptz,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhooks_user ON webhooks (user_id);

-- OAuth-style access tokens: /rest/{method}?auth=TOKEN. Only the SHA-256 of the token is kept.
CREATE TABLE access_tokens (
    id          bigserial PRIMARY KEY,
    user_id     bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash  bytea       NOT NULL UNIQUE,
    scopes      text[]      NOT NULL,
    expires_at  timestamptz NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
