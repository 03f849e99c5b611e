-- The task chat of the new task card (tasks.task.chat.message.send, im.dialog.messages.get with DIALOG_ID
-- chat{CHAT_ID}): one chat per task, made with the task (and here for the tasks that exist already), removed with
-- it; its messages with their authors, texts and dates. Message ids are this table's own, as the portal's are the
-- messenger's.
CREATE TABLE task_chats (
    id          bigserial   PRIMARY KEY,
    task_id     bigint      NOT NULL UNIQUE REFERENCES tasks (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL
);
-- Chat ids are a number space of their own, as on a portal: starting at 1001 they never equal the ids of the first
-- tasks, so a client that passes a task id where a chat id belongs (DIALOG_ID chat{taskId}) is caught here too.
ALTER SEQUENCE task_chats_id_seq START WITH 1001 RESTART WITH 1001;
INSERT INTO task_chats (task_id, created_at) SELECT id, created_date FROM tasks ORDER BY id;

CREATE TABLE task_chat_messages (
    id          bigserial   PRIMARY KEY,
    chat_id     bigint      NOT NULL REFERENCES task_chats (id) ON DELETE CASCADE,
    author_id   bigint      NOT NULL,
    text        text        NOT NULL,
    created_at  timestamptz NOT NULL
);
CREATE INDEX task_chat_messages_chat ON task_chat_messages (chat_id, id);
