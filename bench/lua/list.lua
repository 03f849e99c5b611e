-- c. tasks.task.list over the whole table, as the administrator (who sees every task): a status filter that
-- matches 40% of the seeded tasks, ordered by deadline, with the select an integrator's sync job sends.
-- BENCH_DEEP=1 asks for a deep page instead of the first: start 10,000 to 20,000 (pages 201 to 401).
package.path = (os.getenv("BENCH_LUA") or ".") .. "/?.lua;" .. package.path
local b = require("common")
b.install()
local deep = os.getenv("BENCH_DEEP") == "1"
local select = '"select":["ID","TITLE","STATUS","RESPONSIBLE_ID","CREATED_BY","DEADLINE","CHANGED_DATE"]'
request = function()
  local start = deep and 50 * math.random(200, 400) or 0
  return b.post(b.admin, "tasks.task.list", '{"filter":{"REAL_STATUS":2},"order":{"DEADLINE":"asc","ID":"asc"},'
    .. select .. ',"start":' .. start .. '}')
end
