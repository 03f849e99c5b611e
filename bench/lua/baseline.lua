-- d. Baseline: server.time, the ceiling of the HTTP stack (routing, auth, dispatch, envelope; no store work).
package.path = (os.getenv("BENCH_LUA") or ".") .. "/?.lua;" .. package.path
local b = require("common")
b.install()
local req -- built on first use: wrk knows the Host header only once the threads are set up
request = function()
  req = req or b.post(b.admin, "server.time", "{}")
  return req
end
