-- bench/run.sh: :tasks tasks (ids 1 .. tasks) among the :users people of users.sql, written straight into the
-- tasks feature's tables. The layout is a formula of the id, and bench/lua/common.lua computes the same one:
--   responsible = 2 + id % users, creator = 2 + (id + 1) % users (never the same person),
--   status by id % 10: 2 2 2 3 3 4 5 6 2 3, task control on even ids, deadlines from 20 days ago to 40 ahead.
-- Both members have opened their tasks (task_views), so reading one is a pure read, as on a portal in use.
-- Bulk-load speed: the secondary indexes are dropped and rebuilt from their own definitions afterwards, and the
-- foreign-key triggers are off for this session (the rows are consistent by construction).
SET synchronous_commit = off;
SET maintenance_work_mem = '256MB';
SET session_replication_role = replica;
BEGIN;
CREATE TEMP TABLE seed_indexes ON COMMIT DROP AS
SELECT i.indexname, i.indexdef FROM pg_indexes i
WHERE i.schemaname = 'public' AND i.tablename IN ('tasks', 'task_members', 'task_views')
  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname);
DO $$ DECLARE r record; BEGIN
  FOR r IN SELECT indexname FROM seed_indexes LOOP EXECUTE 'DROP INDEX ' || quote_ident(r.indexname); END LOOP;
END $$;
INSERT INTO tasks (id, title, description, priority, status, created_by, created_date, responsible_id, changed_by,
                   changed_date, status_changed_by, status_changed_date, activity_date, date_start, deadline, guid,
                   task_control, allow_change_deadline)
SELECT i, 'Task ' || i, 'Seeded for the benchmark', CASE WHEN i % 7 = 0 THEN 2 ELSE 1 END,
       (ARRAY[2, 2, 2, 3, 3, 4, 5, 6, 2, 3])[i % 10 + 1],
       2 + (i + 1) % :users, created, 2 + i % :users, 2 + (i + 1) % :users, created, 2 + i % :users, created,
       created, CASE WHEN i % 10 IN (3, 4, 9) THEN created END, now() + ((i % 60) - 20) * interval '1 day',
       '{' || md5(i::text)::uuid || '}', i % 2 = 0, true
FROM (SELECT i, now() - (i % 365) * interval '1 day' - (i % 86400) * interval '1 second' AS created
      FROM generate_series(1, :tasks) i) s;
\o /dev/null
SELECT setval('tasks_id_seq', :tasks);
\o

INSERT INTO task_members (task_id, user_id, role, position)
SELECT i, 2 + (i + 1) % :users, 'O', 0 FROM generate_series(1, :tasks) i
UNION ALL
SELECT i, 2 + i % :users, 'R', 0 FROM generate_series(1, :tasks) i;

INSERT INTO task_views (user_id, task_id, viewed_date)
SELECT 2 + (i + 1) % :users, i, now() FROM generate_series(1, :tasks) i
UNION ALL
SELECT 2 + i % :users, i, now() FROM generate_series(1, :tasks) i;
DO $$ DECLARE r record; BEGIN
  FOR r IN SELECT indexdef FROM seed_indexes LOOP EXECUTE r.indexdef; END LOOP;
END $$;
COMMIT;
-- What autovacuum would have done on a store in use: statistics, and the visibility map index-only scans need.
VACUUM ANALYZE tasks;
VACUUM ANALYZE task_members;
VACUUM ANALYZE task_views;
