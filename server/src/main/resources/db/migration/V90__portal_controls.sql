-- The portal made for tests (issue 16): a shared clock, faults on demand, the request journal, named snapshots.
-- They live in a schema of their own, so everything that works from the catalog of the portal's schema (reset,
-- backup, snapshots themselves) leaves them alone without a list of exceptions.
CREATE SCHEMA IF NOT EXISTS b24_portal;

-- One row, read once per REST call by every node: the clock, and counters that tell a node to reload its faults
-- or to drop its caches (a snapshot restore or a reset bumps generation).
CREATE TABLE b24_portal.state (
    id              smallint    PRIMARY KEY CHECK (id = 1),
    clock_fixed     timestamptz,
    clock_offset_ms bigint      NOT NULL DEFAULT 0,
    generation      bigint      NOT NULL DEFAULT 0,
    faults_version  bigint      NOT NULL DEFAULT 0
);
INSERT INTO b24_portal.state (id) VALUES (1);

CREATE TABLE b24_portal.faults (
    id              bigserial        PRIMARY KEY,
    method_pattern  text             NOT NULL,
    user_id         bigint,
    error           text,
    latency_ms      integer          NOT NULL DEFAULT 0,
    times           integer,
    probability     double precision NOT NULL DEFAULT 1,
    seed            bigint           NOT NULL DEFAULT 0,
    seen            bigint           NOT NULL DEFAULT 0,
    fired           bigint           NOT NULL DEFAULT 0,
    created_at      timestamptz      NOT NULL
);

-- Unlogged: a debugging aid written on every call; no WAL, so a crash may lose it, and that is fine.
CREATE UNLOGGED TABLE b24_portal.journal (
    id              bigserial   PRIMARY KEY,
    at              timestamptz NOT NULL,
    logged_at       timestamptz NOT NULL DEFAULT now(),
    node            text        NOT NULL,
    credential_kind text,
    credential_id   bigint,
    user_id         bigint,
    method          text        NOT NULL,
    params          text,
    status          integer     NOT NULL,
    error           text,
    duration_us     bigint      NOT NULL,
    answer          text
);
CREATE INDEX journal_logged_at ON b24_portal.journal (logged_at);

-- Each snapshot's rows are copies of the portal's tables in a schema of their own, b24_snap_<id>.
CREATE TABLE b24_portal.snapshots (
    id              bigserial   PRIMARY KEY,
    name            text        NOT NULL UNIQUE,
    created_at      timestamptz NOT NULL,
    schema_version  text        NOT NULL,
    tables          text[]      NOT NULL,
    sequences       text        NOT NULL,
    row_count       bigint      NOT NULL
);
