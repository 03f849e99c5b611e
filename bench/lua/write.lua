-- b. Writes: the lifecycle mix. Each call is a transition the rules allow from the task's current status, as
-- this thread knows it (the seeded status, then what each 2xx answer says), so nearly every call is a real,
-- durable transition; the few refused ones (two calls racing on one task) are counted as 4xx by common.lua.
--   pending 2:     start, defer, complete (responsible), delegate (creator)
--   in progress 3: pause, complete (responsible), delegate (creator)
--   supposedly 4:  approve, disapprove (creator), renew (responsible), delegate (creator)
--   completed 5:   renew (responsible)
--   deferred 6:    renew, complete (responsible), delegate (creator)
package.path = (os.getenv("BENCH_LUA") or ".") .. "/?.lua;" .. package.path
local b = require("common")
b.install()

local threads_n = tonumber(os.getenv("BENCH_THREADS") or "1")
local status, resp = {}, {}   -- what this thread has learned: task id -> status, responsible

local R, C = "R", "C"
local moves = {
  [2] = { { "tasks.task.start", R }, { "tasks.task.defer", R }, { "tasks.task.complete", R }, { "delegate", C } },
  [3] = { { "tasks.task.pause", R }, { "tasks.task.complete", R }, { "delegate", C } },
  [4] = { { "tasks.task.approve", C }, { "tasks.task.disapprove", C }, { "tasks.task.renew", R }, { "delegate", C } },
  [5] = { { "tasks.task.renew", R } },
  [6] = { { "tasks.task.renew", R }, { "tasks.task.complete", R }, { "delegate", C } },
}

-- This thread's tasks only (id % threads == its index), so two threads never race on one task.
local function pick()
  local i
  repeat i = b.random_task() until i % threads_n == (tid or 1) - 1
  return i
end

request = function()
  local i = pick()
  local s = status[i] or b.status(i)
  local options = moves[s]
  local m = options[math.random(#options)]
  -- delegation changes members and adds auditors: keep it to about one call in twenty
  if m[1] == "delegate" and math.random(4) > 1 then m = options[1] end
  local r = resp[i] or b.responsible(i)
  local caller = m[2] == R and r or b.creator(i)
  if m[1] == "delegate" then
    local to
    repeat to = 2 + math.random(0, b.users - 1) until to ~= r and to ~= b.creator(i)
    return b.post(b.hook(caller), "tasks.task.delegate", '{"taskId":' .. i .. ',"userId":' .. to .. '}')
  end
  return b.post(b.hook(caller), m[1], '{"taskId":' .. i .. '}')
end

local count = b.response
response = function(code, headers, body)
  count(code, headers, body)
  if code == 200 then
    local id = tonumber(body:match('"id":"(%d+)"'))
    if id then
      status[id] = tonumber(body:match('"status":"(%d+)"'))
      resp[id] = tonumber(body:match('"responsibleId":"(%d+)"'))
    end
  end
end
