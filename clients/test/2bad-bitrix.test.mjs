// @2bad/bitrix 2.5.1, unmodified, over plain HTTP: every call is a GET with a qs-encoded query string,
// batch is GET batch?cmd[name]=method%3Fquery. The client throws on any error envelope and keeps its own
// fixed 2-requests-per-second queue, so this file stays short.
import { test, describe, before } from 'node:test'
import assert from 'node:assert/strict'
import { Bitrix } from '@2bad/bitrix'
import { env, webhookUrl, runTag } from './lib/env.mjs'

describe('@2bad/bitrix over HTTP (GET with query strings)', () => {
  let bx
  before(() => { bx = Bitrix(webhookUrl(env.httpUrl)) })

  test('server.time, profile and user.current', async () => {
    const t = await bx.call('server.time', {})
    assert.match(t.result, /^\d{4}-\d\d-\d\dT/)
    assert.equal(typeof t.time.operating, 'number')
    const p = await bx.call('profile', {})
    assert.equal(String(p.result.ID), env.hookUser)
    const me = await bx.call('user.current', {})
    assert.equal(String(me.result.ID), env.hookUser)
  })

  test('method.get with a query-string parameter', async () => {
    const r = await bx.call('method.get', { name: 'user.current' })
    assert.deepEqual(r.result, { isExisting: true, isAvailable: true })
  })

  test('the core task scenario: add, get, start, pause, defer, complete, and a refused transition', async () => {
    const title = `2bad core a&b c+d ${runTag}`
    const added = await bx.call('tasks.task.add', { fields: { TITLE: title, RESPONSIBLE_ID: env.hookUser } })
    const id = added.result.task.id
    assert.equal(typeof id, 'string')
    const got = await bx.call('tasks.task.get', { taskId: id, select: ['ID', 'TITLE', 'STATUS'] })
    assert.equal(got.result.task.title, title, 'the title survives the query string')
    assert.equal(got.result.task.status, '2')
    assert.equal((await bx.call('tasks.task.start', { taskId: id })).result.task.status, '3')
    assert.equal((await bx.call('tasks.task.pause', { taskId: id })).result.task.status, '2')
    // current era: defer only from new or pending (bitrix-task-semantics.md §2.3)
    assert.equal((await bx.call('tasks.task.defer', { taskId: id })).result.task.status, '6')
    assert.equal((await bx.call('tasks.task.complete', { taskId: id })).result.task.status, '5')
    // a 400 envelope: got throws its HTTPError (the client loses the Bitrix code, a known trait of it)
    await assert.rejects(bx.call('tasks.task.defer', { taskId: id }), /400|Bad Request/)
  })

  test('batch as GET batch?cmd[name]=method%3Fquery with $result references', async () => {
    const title = `2bad batch ${runTag}`
    const r = await bx.batch({
      add: { method: 'tasks.task.add', params: { fields: { TITLE: title, RESPONSIBLE_ID: env.hookUser } } },
      start: { method: 'tasks.task.start', params: { taskId: '$result[add][task][id]' } },
      get: { method: 'tasks.task.get', params: { taskId: '$result[add][task][id]', select: ['ID', 'TITLE', 'STATUS'] } }
    })
    const { result, result_error: errors } = r.result
    assert.deepEqual(errors, [], 'no command failed')
    assert.equal(result.get.task.id, result.add.task.id)
    assert.equal(result.get.task.title, title)
    assert.equal(result.get.task.status, '3')
  })

  test('an unknown method is an HTTP error the client throws', async () => {
    await assert.rejects(bx.call('no.such.method', {}), /404|Not Found/)
  })
})
