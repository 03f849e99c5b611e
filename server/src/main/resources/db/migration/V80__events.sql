-- Events (event.bind & co, outgoing webhooks, the outbox, the delivery log, offline events).
-- app_id and user ids refer to other features without foreign keys: features reach each other through services.

-- Outgoing webhooks (the portal's UI feature): a URL, an application token, and one handler row per event.
CREATE TABLE outgoing_webhooks (
    id                 bigserial   PRIMARY KEY,
    handler            text        NOT NULL,
    application_token  text        NOT NULL,
    title              text        NOT NULL DEFAULT '',
    created_at         timestamptz NOT NULL
);

-- b_rest_event: one bound handler. app_id 0 = an outgoing webhook's row. Offline rows have handler ''.
CREATE TABLE event_handlers (
    id                bigserial   PRIMARY KEY,
    app_id            bigint      NOT NULL,
    event_name        text        NOT NULL,
    handler           text        NOT NULL DEFAULT '',
    user_id           bigint      NOT NULL DEFAULT 0,
    connector_id      text        NOT NULL DEFAULT '',
    offline           boolean     NOT NULL DEFAULT false,
    min_timeout       integer,
    last_notified_at  timestamptz,
    outgoing_id       bigint      REFERENCES outgoing_webhooks (id) ON DELETE CASCADE,
    created_at        timestamptz NOT NULL
);
-- EventTable::checkUniq
CREATE UNIQUE INDEX event_handlers_uniq
    ON event_handlers (app_id, event_name, handler, user_id, connector_id, coalesce(outgoing_id, 0));
CREATE INDEX event_handlers_event ON event_handlers (event_name);

-- The outbox: one row per (event, handler), written in the transaction of the change that fired it, deleted by
-- the node that delivered it. Everything delivery needs is copied here, so unbinding later does not lose it.
CREATE SEQUENCE event_ids;
CREATE TABLE event_outbox (
    id                 bigserial   PRIMARY KEY,
    event_id           bigint      NOT NULL,
    event_name         text        NOT NULL,
    handler_id         bigint      NOT NULL,
    handler            text        NOT NULL,
    app_id             bigint      NOT NULL,
    auth_user_id       bigint      NOT NULL,
    send_tokens        boolean     NOT NULL,
    application_token  text,
    session_ttl        integer     NOT NULL,
    data               json        NOT NULL,
    created_at         timestamptz NOT NULL,
    next_attempt_at    timestamptz NOT NULL,
    attempts           integer     NOT NULL DEFAULT 0,
    -- identical events for one handler within one hit are merged (Rest\Event\Buffer)
    merge_key          text        UNIQUE
);
CREATE INDEX event_outbox_due ON event_outbox (next_attempt_at, id);

-- json, not jsonb: the portal's key order (FIELDS_BEFORE, FIELDS_AFTER, ...) is part of the wire format.
-- One row per delivery attempt, kept for a bounded time (b24tasks.event.log / b24tasks.event.redeliver).
CREATE TABLE event_deliveries (
    id            bigserial   PRIMARY KEY,
    event_id      bigint      NOT NULL,
    event_name    text        NOT NULL,
    handler_id    bigint      NOT NULL,
    handler       text        NOT NULL,
    app_id        bigint      NOT NULL,
    auth_user_id  bigint      NOT NULL,
    data          json        NOT NULL,
    enqueued_at   timestamptz NOT NULL,
    attempted_at  timestamptz NOT NULL,
    attempt       integer     NOT NULL,
    http_status   integer,
    duration_ms   integer     NOT NULL,
    answer        text        NOT NULL DEFAULT '',
    error         text,
    outcome       text        NOT NULL,
    node          text        NOT NULL DEFAULT '',
    merge_key     text
);
CREATE INDEX event_deliveries_merge ON event_deliveries (merge_key) WHERE merge_key IS NOT NULL;
CREATE INDEX event_deliveries_event ON event_deliveries (event_id, id);
CREATE INDEX event_deliveries_at ON event_deliveries (attempted_at);

-- b_rest_event_offline
CREATE TABLE event_offline (
    id                bigserial   PRIMARY KEY,
    timestamp_x       timestamptz NOT NULL,
    message_id        text        NOT NULL,
    app_id            bigint      NOT NULL,
    event_name        text        NOT NULL,
    event_data        json        NOT NULL,
    event_additional  json        NOT NULL,
    process_id        text        NOT NULL DEFAULT '',
    connector_id      text        NOT NULL DEFAULT '',
    error             boolean     NOT NULL DEFAULT false
);
-- the MERGE key of EventOfflineTable::callEvent
CREATE UNIQUE INDEX event_offline_merge ON event_offline (app_id, connector_id, message_id, process_id);
CREATE INDEX event_offline_process ON event_offline (app_id, process_id);

-- Loop guard: the event-session TTL carried by the access tokens handed out with deliveries (SHA-256 hex of the
-- token: an app's tokens share one credential key, so the key cannot tell a handler's call-back from the app).
CREATE TABLE event_sessions (
    token_hash      text        PRIMARY KEY,
    ttl             integer     NOT NULL,
    created_at      timestamptz NOT NULL
);
CREATE INDEX event_sessions_created ON event_sessions (created_at);
