-- c'. tasks.task.list the way the SDKs page through everything: start=-1 (no total counted) and a ">ID" filter
-- from the last id seen, ordered by ID, as the administrator over the whole table.
package.path = (os.getenv("BENCH_LUA") or ".") .. "/?.lua;" .. package.path
local b = require("common")
b.install()
local select = '"select":["ID","TITLE","STATUS","RESPONSIBLE_ID","CREATED_BY","DEADLINE","CHANGED_DATE"]'
request = function()
  return b.post(b.admin, "tasks.task.list", '{"filter":{">ID":' .. b.random_task() .. ',"REAL_STATUS":2},'
    .. '"order":{"ID":"asc"},' .. select .. ',"start":-1}')
end
