-- tasks.task.pin / unpin: the task is pinned at the top of the user's list (isPinned).
CREATE TABLE task_pins (
    user_id  bigint NOT NULL,
    task_id  bigint NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, task_id)
);
CREATE INDEX task_pins_task ON task_pins (task_id);
