// The SDK paces itself by the `time` block of every answer (time.operating, time.operating_reset_at) and
// backs off on 429 OPERATION_TIME_LIMIT. These tests check that our answers drive that machinery: the values
// reach the SDK's operating limiter, and a server whose per-method budget is spent makes the SDK back off.
import { test, describe } from 'node:test'
import assert from 'node:assert/strict'
import { AjaxError, ApiVersion, ParamsFactory } from '@bitrix24/b24jssdk'
import { env } from './lib/env.mjs'
import { sdkHook, openLimiter, v2stats } from './lib/sdk.mjs'

const noHttps = env.httpsUrl ? false : 'the server under test has no HTTPS listener (B24_HTTPS_URL unset)'
const noLimited = env.limitedHttpsUrl ? false : 'no operating-limited server over HTTPS (B24_LIMITED_HTTPS_URL unset)'

describe('the SDK\'s operating limiter reads our time block', { skip: noHttps }, () => {
  test('time.operating of every answer lands in the SDK\'s per-method statistics', async () => {
    // A budget so small that any reported operating time counts as "heavy" in the SDK's books; the delayer is
    // off, and the blocking threshold (max(1 s, limit - 5 s)) stays out of reach, so nothing waits.
    const b24 = sdkHook(env.httpsUrl, openLimiter({
      operatingLimit: { windowMs: 600_000, limitMs: 1e-6, heavyPercent: 80 }
    }))
    const times = []
    for (let i = 0; i < 3; i++) {
      const r = await b24.actions.v2.call.make({ method: 'user.current' })
      assert.equal(r.isSuccess, true)
      times.push(r.getData().time)
    }
    for (const t of times) {
      assert.equal(typeof t.operating, 'number')
      assert.ok(t.operating > 0, `time.operating should count the call's own processing, got ${t.operating}`)
      assert.ok(Number.isInteger(t.operating_reset_at), `operating_reset_at is whole unix seconds: ${t.operating_reset_at}`)
      assert.ok(t.operating_reset_at > t.start && t.operating_reset_at <= Math.ceil(t.start) + 600,
        `operating_reset_at ${t.operating_reset_at} should fall within ten minutes after start ${t.start}`)
    }
    // operating accumulates per method within the window
    assert.ok(times[2].operating >= times[0].operating)
    const stats = v2stats(b24)
    assert.equal(stats.heavyRequestCount, 3, 'each answer\'s time.operating was read by the operating limiter')
    assert.equal(stats.operatingStats['user.current'], Number.parseFloat(times[2].operating.toFixed(2)))
    assert.equal(stats.limitHits, 0)
  })
})

describe('the SDK backs off when the server refuses with 429 OPERATION_TIME_LIMIT', { skip: noLimited }, () => {
  // That server's per-method budget is 1e-9 s: the first call of a method completes, every later one is refused.
  test('without retries the refusal surfaces as AjaxError OPERATION_TIME_LIMIT, status 429', async () => {
    const b24 = sdkHook(env.limitedHttpsUrl, openLimiter({ maxRetries: 1 }))
    const first = await b24.actions.v2.call.make({ method: 'server.time' })
    assert.equal(first.isSuccess, true)
    await assert.rejects(b24.actions.v2.call.make({ method: 'server.time' }), (e) => {
      assert.ok(e instanceof AjaxError, `expected AjaxError, got ${e?.constructor?.name}: ${e?.message}`)
      assert.equal(e.code, 'OPERATION_TIME_LIMIT')
      assert.equal(e.status, 429)
      return true
    })
    // the budget is per method: another method still runs
    const other = await b24.actions.v2.call.make({ method: 'profile' })
    assert.equal(other.isSuccess, true)
  })

  test('with the default retry policy the SDK waits and retries once, then gives up', async () => {
    // ParamsFactory.getDefault() keeps its limiter; maxRetries 2 bounds the wait to one back-off
    // (the SDK's own rule: at least 10 s after a 429).
    const b24 = sdkHook(env.limitedHttpsUrl, { ...ParamsFactory.getDefault(), maxRetries: 2 })
    const first = await b24.actions.v2.call.make({ method: 'user.current' })
    assert.equal(first.isSuccess, true)
    await assert.rejects(b24.actions.v2.call.make({ method: 'user.current' }), (e) => {
      assert.equal(e.code, 'OPERATION_TIME_LIMIT')
      assert.equal(e.status, 429)
      return true
    })
    const stats = b24.getHttpClient(ApiVersion.v2).getStats()
    assert.equal(stats.retries, 1, 'one retry after the back-off')
    assert.ok(stats.limitHits >= 1, 'the back-off counts as a limit hit')
    assert.equal(stats.errorCounts['user.current'], 2, 'both attempts were refused')
  })
})
