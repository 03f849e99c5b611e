-- Gantt links between tasks (task.dependence.add / delete, task.item.getdependson): task_id depends on
-- depends_on_id with one of four link types (0 start-start, 1 start-finish, 2 finish-start, 3 finish-finish).
CREATE TABLE task_dependencies (
    task_id        bigint      NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    depends_on_id  bigint      NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    link_type      smallint    NOT NULL CHECK (link_type BETWEEN 0 AND 3),
    created_by     bigint      NOT NULL,
    created_at     timestamptz NOT NULL,
    PRIMARY KEY (task_id, depends_on_id)
);
CREATE INDEX task_dependencies_on ON task_dependencies (depends_on_id);
