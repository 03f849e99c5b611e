-- Tasks and their lifecycle (feature "tasks"). Columns follow the Bitrix24 fields of the same names.

CREATE TABLE tasks (
    id                      bigserial PRIMARY KEY,
    parent_id               bigint,
    title                   text         NOT NULL,
    description             text         NOT NULL DEFAULT '',
    mark                    text,
    priority                smallint     NOT NULL DEFAULT 1,
    status                  smallint     NOT NULL DEFAULT 2,
    multitask               boolean      NOT NULL DEFAULT false,
    replicate               boolean      NOT NULL DEFAULT false,
    group_id                bigint       NOT NULL DEFAULT 0,
    stage_id                bigint       NOT NULL DEFAULT 0,
    created_by              bigint       NOT NULL,
    created_date            timestamptz  NOT NULL,
    responsible_id          bigint       NOT NULL,
    changed_by              bigint       NOT NULL,
    changed_date            timestamptz  NOT NULL,
    status_changed_by       bigint,
    status_changed_date     timestamptz,
    closed_by               bigint,
    closed_date             timestamptz,
    activity_date           timestamptz  NOT NULL,
    date_start              timestamptz,
    deadline                timestamptz,
    start_date_plan         timestamptz,
    end_date_plan           timestamptz,
    guid                    text         NOT NULL,
    xml_id                  text,
    comments_count          integer,
    service_comments_count  integer,
    allow_change_deadline   boolean      NOT NULL DEFAULT false,
    allow_time_tracking     boolean      NOT NULL DEFAULT false,
    task_control            boolean      NOT NULL DEFAULT false,
    add_in_report           boolean      NOT NULL DEFAULT false,
    time_estimate           bigint       NOT NULL DEFAULT 0,
    time_spent_in_logs      bigint,
    match_work_time         boolean      NOT NULL DEFAULT false,
    site_id                 text         NOT NULL DEFAULT 's1',
    outlook_version         integer      NOT NULL DEFAULT 1,
    sorting                 double precision,
    duration_plan           bigint,
    duration_fact           bigint,
    duration_type           text         NOT NULL DEFAULT 'days',
    decline_reason          text
);
-- The list's usual orders and filters; visibility goes through task_members.
CREATE INDEX tasks_status ON tasks (status, id);
CREATE INDEX tasks_deadline ON tasks (deadline, id);
CREATE INDEX tasks_created_date ON tasks (created_date, id);
CREATE INDEX tasks_changed_date ON tasks (changed_date, id);
CREATE INDEX tasks_responsible ON tasks (responsible_id, id);
CREATE INDEX tasks_created_by ON tasks (created_by, id);
CREATE INDEX tasks_group ON tasks (group_id, id) WHERE group_id > 0;
CREATE INDEX tasks_parent ON tasks (parent_id) WHERE parent_id IS NOT NULL;

-- Who plays which part: O originator (creator), R responsible, A accomplice, U auditor. position keeps the
-- order accomplices and auditors were given in.
CREATE TABLE task_members (
    task_id   bigint   NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    user_id   bigint   NOT NULL,
    role      char(1)  NOT NULL CHECK (role IN ('O', 'R', 'A', 'U')),
    position  integer  NOT NULL DEFAULT 0,
    PRIMARY KEY (task_id, role, user_id)
);
CREATE INDEX task_members_user ON task_members (user_id, task_id);

-- The change log behind tasks.task.history.list (b_tasks_log).
CREATE TABLE task_history (
    id            bigserial    PRIMARY KEY,
    task_id       bigint       NOT NULL,
    user_id       bigint       NOT NULL,
    created_date  timestamptz  NOT NULL,
    field         text         NOT NULL,
    from_value    text,
    to_value      text
);
CREATE INDEX task_history_task ON task_history (task_id, id);

-- Per-user flags.
CREATE TABLE task_favorites (
    user_id  bigint NOT NULL,
    task_id  bigint NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, task_id)
);
CREATE TABLE task_mutes (
    user_id  bigint NOT NULL,
    task_id  bigint NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, task_id)
);
-- Who has opened the task (the "not viewed" meta-status -2 is the absence of a row).
CREATE TABLE task_views (
    user_id      bigint      NOT NULL,
    task_id      bigint      NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    viewed_date  timestamptz NOT NULL,
    PRIMARY KEY (user_id, task_id)
);
CREATE INDEX task_favorites_task ON task_favorites (task_id);
CREATE INDEX task_mutes_task ON task_mutes (task_id);
CREATE INDEX task_views_task ON task_views (task_id);
