-- Checklist items of tasks (task.checklistitem.*, the task object's checklist / checkListTree).
-- A root item (parent_id 0) is a checklist; its title is the checklist's name. task_id refers to the tasks
-- feature's task, on purpose without a foreign key: features reach each other through services only.
CREATE TABLE checklist_items (
    id            bigserial   PRIMARY KEY,
    task_id       bigint      NOT NULL,
    parent_id     bigint      NOT NULL DEFAULT 0,
    created_by    bigint      NOT NULL,
    title         text        NOT NULL,
    sort_index    integer     NOT NULL DEFAULT 0,
    is_complete   boolean     NOT NULL DEFAULT false,
    is_important  boolean     NOT NULL DEFAULT false,
    toggled_by    bigint,
    toggled_date  timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX checklist_items_task ON checklist_items (task_id, parent_id, sort_index, id);

-- People named on an item: type 'A' (accomplice) or 'U' (auditor), as MEMBERS sends them.
CREATE TABLE checklist_item_members (
    item_id  bigint  NOT NULL REFERENCES checklist_items (id) ON DELETE CASCADE,
    user_id  bigint  NOT NULL,
    type     char(1) NOT NULL CHECK (type IN ('A', 'U')),
    PRIMARY KEY (item_id, user_id)
);
