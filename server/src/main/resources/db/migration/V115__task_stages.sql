-- Kanban stages (task.stages.*): a workgroup's board (entity_type G, entity_id = group id) and each user's
-- "My plan" (U, entity_id = user id). title '' means the default title of system_type, shown in the caller's
-- language; system_type NEW marks the first stage, WORK / FINISH the untitled defaults of a group board.
CREATE TABLE task_stages (
    id           bigserial   PRIMARY KEY,
    entity_type  char(1)     NOT NULL CHECK (entity_type IN ('G', 'U')),
    entity_id    bigint      NOT NULL,
    title        text        NOT NULL DEFAULT '',
    sort         integer     NOT NULL,
    color        text        NOT NULL DEFAULT '',
    system_type  text
);
CREATE INDEX task_stages_entity ON task_stages (entity_type, entity_id, sort);

-- Where a task stands in a user's "My plan" (a group board keeps its stage in the task's STAGE_ID).
CREATE TABLE task_plan_stages (
    user_id   bigint NOT NULL,
    task_id   bigint NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    stage_id  bigint NOT NULL REFERENCES task_stages (id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, task_id)
);
CREATE INDEX task_plan_stages_stage ON task_plan_stages (stage_id);
