-- Custom fields of tasks (task.item.userfield.*, ENTITY_ID TASKS_TASK) and their values on tasks (fields.UF_*).
-- The portal's three built-in fields (UF_CRM_TASK, UF_MAIL_MESSAGE, UF_TASK_WEBDAV_FILES) are no rows: they have
-- fixed ids below 100 and new fields get 100 and up, so a reset (which restarts the ids) keeps them apart.
CREATE TABLE task_user_fields (
    id            bigserial   PRIMARY KEY,
    field_name    text        NOT NULL UNIQUE,
    user_type_id  text        NOT NULL,
    xml_id        text,
    sort          integer     NOT NULL DEFAULT 100,
    multiple      boolean     NOT NULL DEFAULT false,
    mandatory     boolean     NOT NULL DEFAULT false,
    show_filter   text        NOT NULL DEFAULT 'N',
    show_in_list  boolean     NOT NULL DEFAULT true,
    edit_in_list  boolean     NOT NULL DEFAULT true,
    is_searchable boolean     NOT NULL DEFAULT false,
    settings      json        NOT NULL DEFAULT '{}',
    labels        json        NOT NULL DEFAULT '{}'   -- kept as sent, in order: {"EDIT_FORM_LABEL": {"en": "…", …}, "LIST_COLUMN_LABEL": …}
);

-- One value of a field on a task (a multiple field has one row per value, in order). {@code value} is the value as
-- the answers show it; {@code num} (numbers, yes/no) and {@code at} (dates) are what filters compare.
CREATE TABLE task_user_field_values (
    task_id   bigint           NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    field_id  bigint           NOT NULL REFERENCES task_user_fields (id) ON DELETE CASCADE,
    ord       integer          NOT NULL,
    value     text             NOT NULL,
    num       double precision,
    at        timestamptz,
    PRIMARY KEY (task_id, field_id, ord)
);
CREATE INDEX task_user_field_values_field ON task_user_field_values (field_id, num, at);
