// @2bad/bitrix 2.5.1, unmodified, over plain HTTP: every call is a GET with a qs-encoded query string,
// batch is GET batch?cmd[name]=method%3Fquery. The client throws on any error envelope and keeps its own
// fixed 2-requests-per-second queue, so this file stays short.
import { test, describe, before } from 'node:test'
import assert from 'node:assert/strict'
import { Bitrix } from '@2bad/bitrix'
import { env, webhookUrl } from './lib/env.mjs'

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

  test('an unknown method is an HTTP error the client throws', async () => {
    await assert.rejects(bx.call('no.such.method', {}), /404|Not Found/)
  })
})
