-- The directory: departments (who manages whom) and workgroups (who may do what with a group's tasks).

ALTER TABLE users ADD COLUMN is_extranet boolean NOT NULL DEFAULT false;
CREATE INDEX users_email_lower ON users (lower(email));

-- Company structure. A department's head manages everyone in it and in every department below it.
CREATE TABLE departments (
    id         bigserial PRIMARY KEY,
    name       text   NOT NULL,
    sort       int    NOT NULL DEFAULT 500,
    parent_id  bigint REFERENCES departments (id),
    head_id    bigint REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX departments_parent ON departments (parent_id);
CREATE INDEX departments_head ON departments (head_id);

-- Every portal has its root department (Bitrix24 allows exactly one top-level department).
INSERT INTO departments (id, name, sort) VALUES (1, 'Company', 500);
SELECT setval('departments_id_seq', 1);

-- UF_DEPARTMENT: the departments a user belongs to, in the order they were given.
CREATE TABLE user_departments (
    user_id        bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    department_id  bigint NOT NULL REFERENCES departments (id) ON DELETE CASCADE,
    position       int    NOT NULL,
    PRIMARY KEY (user_id, department_id)
);
CREATE INDEX user_departments_department ON user_departments (department_id, user_id);

-- Workgroups and projects (socialnetwork groups).
CREATE TABLE workgroups (
    id              bigserial PRIMARY KEY,
    name            text        NOT NULL,
    description     text,
    keywords        text,
    visible         boolean     NOT NULL DEFAULT true,
    opened          boolean     NOT NULL DEFAULT false,
    closed          boolean     NOT NULL DEFAULT false,
    project         boolean     NOT NULL DEFAULT false,
    initiate_perms  char(1)     NOT NULL DEFAULT 'K',
    owner_id        bigint      NOT NULL REFERENCES users (id),
    image           text,
    tasks_enabled   boolean     NOT NULL DEFAULT true,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    activity_at     timestamptz NOT NULL
);

-- Roles: A owner, E moderator, K member.
CREATE TABLE workgroup_members (
    group_id  bigint  NOT NULL REFERENCES workgroups (id) ON DELETE CASCADE,
    user_id   bigint  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role      char(1) NOT NULL CHECK (role IN ('A', 'E', 'K')),
    PRIMARY KEY (group_id, user_id)
);
CREATE INDEX workgroup_members_user ON workgroup_members (user_id);

-- Overrides of the tasks feature's default permissions: the least role that may perform an operation
-- (A owner, E moderators, K members, L every employee). No row: Bitrix24's default applies.
CREATE TABLE workgroup_task_perms (
    group_id   bigint  NOT NULL REFERENCES workgroups (id) ON DELETE CASCADE,
    operation  text    NOT NULL,
    role       char(1) NOT NULL CHECK (role IN ('A', 'E', 'K', 'L')),
    PRIMARY KEY (group_id, operation)
);
