-- Shared by every workload script: the seed layout, status counting and the one result line run.sh parses.
-- Each wrk thread runs its own Lua state; setup() keeps a handle on each so done() can add their counters up.
local M = {}

M.users = tonumber(os.getenv("BENCH_USERS") or "1")   -- non-admin users, ids 2 .. users+1
M.tasks = tonumber(os.getenv("BENCH_TASKS") or "0")   -- task ids 1 .. tasks
M.admin = os.getenv("BENCH_ADMIN") or "1/benchadmin"  -- user/code of the administrator's webhook

-- The seed layout (bench/seed/tasks.sql writes it; keep the two in step).
function M.responsible(i) return 2 + (i % M.users) end
function M.creator(i) return 2 + ((i + 1) % M.users) end
function M.hook(u) return u .. "/bench" .. u end
local seeded_status = { 2, 2, 2, 3, 3, 4, 5, 6, 2, 3 }
function M.status(i) return seeded_status[i % 10 + 1] end
function M.task_control(i) return i % 2 == 0 end

-- A uniformly random task id in [lo, hi]; BENCH_RANGE="lo-hi" narrows it (the write warm-up and measurement
-- use different halves, so each starts from the seeded state it knows).
local lo, hi = (os.getenv("BENCH_RANGE") or ""):match("^(%d+)-(%d+)$")
M.lo, M.hi = tonumber(lo) or 1, tonumber(hi) or M.tasks
function M.random_task() return math.random(M.lo, M.hi) end

local json_headers = { ["Content-Type"] = "application/json" }

function M.post(hook, method, body)
  return wrk.format("POST", "/rest/" .. hook .. "/" .. method, json_headers, body)
end

local threads = {}

function M.setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function M.init(args)
  s2, s4, s5, other = 0, 0, 0, 0
  math.randomseed(os.time() * 1000 + (tid or 0) * 7919)
end

function M.response(status, headers, body)
  if status >= 200 and status < 300 then s2 = s2 + 1
  elseif status >= 400 and status < 500 then s4 = s4 + 1
  elseif status >= 500 then s5 = s5 + 1
  else other = other + 1 end
end

function M.done(summary, latency, requests)
  local c2, c4, c5, co = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    c2 = c2 + (t:get("s2") or 0)
    c4 = c4 + (t:get("s4") or 0)
    c5 = c5 + (t:get("s5") or 0)
    co = co + (t:get("other") or 0)
  end
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d duration_us=%d rps=%.1f p50_us=%d p95_us=%d p99_us=%d max_us=%d "
      .. "s2xx=%d s4xx=%d s5xx=%d sother=%d sock_errors=%d\n",
    summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max,
    c2, c4, c5, co, e.connect + e.read + e.write + e.timeout))
end

-- Installs the shared callbacks as wrk's globals; a script then only defines request().
function M.install()
  setup, init, response, done = M.setup, M.init, M.response, M.done
end

return M
