-- Local applications (issue 14): registration, installation, OAuth 2.0 codes and tokens, app/user options.
-- Secrets are kept as SHA-256 only: the client secret, authorization codes, access and refresh tokens.
-- The application token is kept as is: every event the app receives carries it back.

-- The portal's member_id (32 hex), made once.
CREATE TABLE app_portal (
    id         int  PRIMARY KEY CHECK (id = 1),
    member_id  text NOT NULL
);

CREATE TABLE apps (
    id                 bigserial PRIMARY KEY,
    client_id          text        NOT NULL UNIQUE,
    secret_hash        bytea       NOT NULL,
    name               text        NOT NULL,
    handler_url        text        NOT NULL,
    install_url        text,
    scopes             text[]      NOT NULL,
    api_only           boolean     NOT NULL,
    -- pending: an app with an interface until it finishes installing; installed; uninstalled (registration kept)
    state              text        NOT NULL CHECK (state IN ('pending', 'installed', 'uninstalled')),
    application_token  text,
    created_by         bigint      REFERENCES users (id) ON DELETE SET NULL,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL
);

-- Authorization codes of /oauth/authorize/: 30 s, single use.
CREATE TABLE app_codes (
    code_hash   bytea       PRIMARY KEY,
    app_id      bigint      NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
    user_id     bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz
);
CREATE INDEX app_codes_app ON app_codes (app_id);

-- One issued pair: the access token (1 h) and the refresh token (180 d by default) that renews it.
-- redeemed_at: when the refresh token was used (single-use mode refuses a second use).
CREATE TABLE app_tokens (
    id                  bigserial   PRIMARY KEY,
    app_id              bigint      NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
    user_id             bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    access_hash         bytea       NOT NULL UNIQUE,
    access_expires_at   timestamptz NOT NULL,
    refresh_hash        bytea       NOT NULL UNIQUE,
    refresh_expires_at  timestamptz NOT NULL,
    redeemed_at         timestamptz,
    created_at          timestamptz NOT NULL
);
CREATE INDEX app_tokens_app ON app_tokens (app_id);

-- app.option.*: one map per app; user.option.*: one map per (app, user). Values keep their JSON types.
CREATE TABLE app_options (
    app_id  bigint NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
    name    text   NOT NULL,
    value   jsonb  NOT NULL,
    PRIMARY KEY (app_id, name)
);

CREATE TABLE app_user_options (
    app_id   bigint NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
    user_id  bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name     text   NOT NULL,
    value    jsonb  NOT NULL,
    PRIMARY KEY (app_id, user_id, name)
);
