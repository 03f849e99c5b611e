-- Elapsed-time records of tasks (task.elapseditem.*). Their sum is the task's timeSpentInLogs, kept by the
-- tasks feature through its service. task_id refers to the task without a foreign key, on purpose.
CREATE TABLE elapsed_items (
    id            bigserial   PRIMARY KEY,
    task_id       bigint      NOT NULL,
    user_id       bigint      NOT NULL,
    comment_text  text        NOT NULL DEFAULT '',
    seconds       bigint      NOT NULL CHECK (seconds >= 0),
    source        smallint    NOT NULL DEFAULT 2,
    created_date  timestamptz NOT NULL,
    date_start    timestamptz,
    date_stop     timestamptz
);
CREATE INDEX elapsed_items_task ON elapsed_items (task_id, id);
