-- Task results (tasks.task.result.*): what the responsible reports was done, made from a comment (classic) or as
-- text (REST 3.0). Open (0) until the task is completed, then closed (1) for good, even after a renew.
CREATE TABLE task_results (
    id          bigserial   PRIMARY KEY,
    task_id     bigint      NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    comment_id  bigint      UNIQUE,
    author_id   bigint      NOT NULL,
    text        text        NOT NULL,
    status      smallint    NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz
);
CREATE INDEX task_results_task ON task_results (task_id, id);
