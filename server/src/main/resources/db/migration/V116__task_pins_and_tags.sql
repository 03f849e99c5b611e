-- tasks.task.pin / unpin: the task is pinned at the top of the user's list (isPinned).
CREATE TABLE task_pins (
    user_id  bigint NOT NULL,
    task_id  bigint NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, task_id)
);
CREATE INDEX task_pins_task ON task_pins (task_id);

-- Tags (TAGS, task.item.gettags): a label belongs to a group (group tasks) or to a user (her tasks outside
-- groups), as b_tasks_label does; a task carries labels.
CREATE TABLE task_labels (
    id        bigserial PRIMARY KEY,
    user_id   bigint    NOT NULL,
    group_id  bigint    NOT NULL,
    name      text      NOT NULL,
    UNIQUE (user_id, group_id, name)
);
CREATE TABLE task_label_links (
    task_id   bigint NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    label_id  bigint NOT NULL REFERENCES task_labels (id) ON DELETE CASCADE,
    PRIMARY KEY (task_id, label_id)
);
CREATE INDEX task_label_links_label ON task_label_links (label_id);
CREATE INDEX task_labels_name ON task_labels (name);
