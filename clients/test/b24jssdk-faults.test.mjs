// The official JS SDK against the portal's faults on demand (b24tasks.fault.add): a forced 503 that it waits out
// and retries, and connections cut before and after the write commits, which it retries with the same
// bx24_request_id, so each task is written exactly once. The faults are narrowed to one employee made for this
// file, so the other files running at the same time on the same server see none of them.
import { test, describe, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { B24Hook } from '@bitrix24/b24jssdk'
import { env, runTag } from './lib/env.mjs'
import { sdkHook, openLimiter, ok, v2stats } from './lib/sdk.mjs'

const noHttps = env.httpsUrl ? false : 'the server under test has no HTTPS listener (B24_HTTPS_URL unset)'

describe('the JS SDK retries through faults on demand', { skip: noHttps }, () => {
  let admin
  let user
  const faults = []

  before(async () => {
    admin = sdkHook()
    const departments = await ok(admin, 'department.get', {})
    const root = departments.find((d) => !d.PARENT) ?? departments[0]
    user = Number(await ok(admin, 'user.add', {
      EMAIL: `faults.${runTag}@clients.b24-tasks.local`, NAME: 'Faults', LAST_NAME: runTag, UF_DEPARTMENT: [Number(root.ID)]
    }))
  })

  after(async () => {
    for (const id of faults) await ok(admin, 'b24tasks.fault.clear', { ID: id }).catch(() => {})
  })

  /** A fresh SDK as the employee (fresh statistics), retrying quickly after a network error. */
  async function employeeSdk() {
    const hook = await ok(admin, 'b24tasks.webhook.add', { USER_ID: user })
    const sdk = B24Hook.fromWebhookUrl(hook.URL_HTTPS, { restrictionParams: openLimiter({ maxRetries: 3, retryDelay: 50 }) })
    sdk.offClientSideWarning()
    return sdk
  }

  async function fault(fields) {
    const r = await ok(admin, 'b24tasks.fault.add', { METHOD: 'tasks.task.add', USER_ID: user, TIMES: 1, ...fields })
    faults.push(Number(r.ID))
    return Number(r.ID)
  }

  async function tasksTitled(title) {
    const r = await ok(admin, 'tasks.task.list', { filter: { TITLE: title }, select: ['ID'] })
    return r.tasks.map((t) => t.id)
  }

  async function firedOf(id) {
    const list = await ok(admin, 'b24tasks.fault.list', {})
    return Number(list.find((f) => Number(f.ID) === id).FIRED)
  }

  for (const [error, what] of [['QUERY_LIMIT_EXCEEDED', 'a forced 503'], ['CUT_BEFORE', 'a connection cut before the commit'],
    ['CUT_AFTER', 'a connection cut after the commit']]) {
    test(`${what}: the SDK retries and the task is written once`, async () => {
      const sdk = await employeeSdk()
      const id = await fault({ ERROR: error })
      const title = `fault ${error} ${runTag}`
      const r = await sdk.actions.v2.call.make({ method: 'tasks.task.add', params: { fields: { TITLE: title, RESPONSIBLE_ID: user } } })
      assert.equal(r.isSuccess, true, `the call succeeded in the end: ${r.isSuccess ? '' : r.getErrorMessages().join('; ')}`)
      assert.equal(await firedOf(id), 1, 'the fault fired once')
      assert.equal(v2stats(sdk).retries, 1, 'the SDK retried once')
      const ids = await tasksTitled(title)
      assert.deepEqual(ids, [r.getData().result.task.id], 'exactly one task, the one the SDK was answered with')
      // the journal saw both attempts, the faulted one first
      const journal = await ok(admin, 'b24tasks.journal.list', { FILTER: { METHOD: 'tasks.task.add', USER_ID: user } })
      const attempts = journal.filter((e) => JSON.stringify(e.PARAMS).includes(title))
      assert.equal(attempts.length, 2)
      assert.equal(attempts[0].STATUS, 200)
      assert.equal(attempts[1].ERROR, error)
    })
  }
})
