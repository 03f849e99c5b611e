-- Task comments (task.commentitem.*). task_id refers to the tasks feature's task without a foreign key:
-- features reach each other through services only.
CREATE TABLE task_comments (
    id            bigserial   PRIMARY KEY,
    task_id       bigint      NOT NULL,
    author_id     bigint      NOT NULL,
    post_message  text        NOT NULL,
    post_date     timestamptz NOT NULL,
    updated_at    timestamptz
);
CREATE INDEX task_comments_task ON task_comments (task_id, id);

-- The newest comment each user has seen per task: newCommentsCount counts others' comments after it.
CREATE TABLE task_comment_reads (
    task_id          bigint NOT NULL,
    user_id          bigint NOT NULL,
    last_comment_id  bigint NOT NULL,
    PRIMARY KEY (task_id, user_id)
);
