-- The peer: WireMock answering the seed page's tasks.task.defer example from memory, the stub integrators would
-- otherwise point their CI at. Same request shape as ours (a webhook POST with a JSON body).
package.path = (os.getenv("BENCH_LUA") or ".") .. "/?.lua;" .. package.path
local b = require("common")
b.install()
local req
request = function()
  req = req or b.post("1/peer", "tasks.task.defer", '{"taskId":8017}')
  return req
end
