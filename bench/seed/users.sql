-- bench/run.sh: :users people (ids 2 .. users+1, the administrator is 1), each with a webhook "bench<id>" of
-- every scope, written straight into the store (a benchmark tool may; the server's code never does this).
INSERT INTO users (login, email, name, last_name, work_position)
SELECT 'user' || g, 'user' || g || '@bench.local', 'User', 'No' || g, 'Engineer'
FROM generate_series(1, :users) g;

INSERT INTO webhooks (user_id, code_hash, scopes, title)
SELECT id, sha256(convert_to('bench' || id, 'UTF8')),
       ARRAY['task', 'user', 'user_brief', 'user_basic', 'department', 'sonet_group', 'b24tasks'], 'bench'
FROM users WHERE id > 1;
ANALYZE users;
ANALYZE webhooks;
