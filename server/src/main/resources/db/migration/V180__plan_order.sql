-- The order inside each user's "My plan" (task.stages.movetask before / after; the task list's SORTING order
-- when the filter names no GROUP_ID): one place per user and task, smaller first, whatever stage the task is in
-- (the portal keeps one personal order per user). Rows placed before: newest task first.
ALTER TABLE task_plan_stages ADD COLUMN sort bigint;
UPDATE task_plan_stages p SET sort = o.n
  FROM (SELECT user_id, task_id, row_number() OVER (PARTITION BY user_id ORDER BY task_id DESC) AS n
          FROM task_plan_stages) o
 WHERE p.user_id = o.user_id AND p.task_id = o.task_id;
ALTER TABLE task_plan_stages ALTER COLUMN sort SET NOT NULL;
CREATE INDEX task_plan_stages_order ON task_plan_stages (user_id, sort, task_id);
CREATE INDEX task_plan_stages_task ON task_plan_stages (task_id);
