-- a. Reads: tasks.task.get of a random task, called by its responsible (who may see it and has opened it).
package.path = (os.getenv("BENCH_LUA") or ".") .. "/?.lua;" .. package.path
local b = require("common")
b.install()
request = function()
  local i = b.random_task()
  return b.post(b.hook(b.responsible(i)), "tasks.task.get", '{"taskId":' .. i .. '}')
end
