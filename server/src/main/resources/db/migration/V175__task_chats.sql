-- The task chat of the new task card (tasks.task.chat.message.send, im.dialog.messages.get with DIALOG_ID
-- chat{CHAT_ID}): one chat per task, made with the task (and here for the tasks that exist already), removed with
-- it; its messages with their authors, texts and dates. Message ids are this table's own, as the portal's are the
-- messenger's.
CREATE TABLE task_chats (
    id          bigserial   PRIMARY KEY,
    task_id     bigint      NOT NULL UNIQUE REFERENCES tasks (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL
);
INSERT INTO task_chats (task_id, created_at) SELECT id, created_date FROM tasks ORDER BY id;

CREATE TABLE task_chat_messages (
    id          bigserial   PRIMARY KEY,
    chat_id     bigint      NOT NULL REFERENCES task_chats (id) ON DELETE CASCADE,
    author_id   bigint      NOT NULL,
    text        text        NOT NULL,
    created_at  timestamptz NOT NULL
);
CREATE INDEX task_chat_messages_chat ON task_chat_messages (chat_id, id);
