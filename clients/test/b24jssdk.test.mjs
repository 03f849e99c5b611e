// @bitrix24/b24jssdk 2.2.0, unmodified, over HTTPS: the server's self-signed certificate is trusted through
// NODE_EXTRA_CA_CERTS and nothing else; the webhook URL is the one the portal prints.
import { test, describe, before } from 'node:test'
import assert from 'node:assert/strict'
import { AjaxError, AjaxResult } from '@bitrix24/b24jssdk'
import { env } from './lib/env.mjs'
import { sdkHook, ok } from './lib/sdk.mjs'

const noHttps = env.httpsUrl ? false : 'the server under test has no HTTPS listener (B24_HTTPS_URL unset)'

describe('@bitrix24/b24jssdk over HTTPS', { skip: noHttps }, () => {
  let b24
  before(() => { b24 = sdkHook() })

  test('server.time answers an ISO date and a time block the SDK accepts', async () => {
    const r = await b24.actions.v2.call.make({ method: 'server.time' })
    assert.ok(r instanceof AjaxResult)
    assert.equal(r.isSuccess, true)
    const { result, time } = r.getData()
    assert.match(result, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/)
    assert.equal(typeof time.operating, 'number')
    assert.ok(time.operating >= 0)
    assert.ok(Number.isInteger(time.operating_reset_at) && time.operating_reset_at > time.start)
  })

  test('profile and user.current describe the webhook\'s user', async () => {
    const profile = await ok(b24, 'profile')
    assert.equal(String(profile.ID), env.hookUser)
    assert.equal(profile.ADMIN, true)
    const me = await ok(b24, 'user.current')
    assert.equal(String(me.ID), env.hookUser)
    assert.equal(me.ACTIVE, true)
  })

  test('method.get tells which methods exist', async () => {
    assert.deepEqual(await ok(b24, 'method.get', { name: 'server.time' }), { isExisting: true, isAvailable: true })
    const none = await ok(b24, 'method.get', { name: 'no.such.method' })
    assert.equal(none.isExisting, false)
  })

  test('an unknown method throws AjaxError ERROR_METHOD_NOT_FOUND with status 404', async () => {
    await assert.rejects(b24.actions.v2.call.make({ method: 'no.such.method' }), (e) => {
      assert.ok(e instanceof AjaxError, `expected AjaxError, got ${e?.constructor?.name}: ${e?.message}`)
      assert.equal(e.code, 'ERROR_METHOD_NOT_FOUND')
      assert.equal(e.status, 404)
      return true
    })
  })
})
