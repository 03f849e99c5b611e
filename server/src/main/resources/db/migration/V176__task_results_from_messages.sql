-- A result made from a task chat message (tasks.task.result.addfromchatmessage): the message it came from; one
-- open result per message (a closed one does not stop a new one after a renew).
ALTER TABLE task_results ADD COLUMN message_id bigint;
CREATE UNIQUE INDEX task_results_open_message ON task_results (message_id) WHERE message_id IS NOT NULL AND status = 0;
