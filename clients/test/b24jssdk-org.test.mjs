// An organisation built and worked through the official JS SDK over HTTPS: a department and employees
// (department.add, user.add), a webhook for each employee (b24tasks.webhook.add, this server's admin method,
// whose HTTPS URL goes straight into B24Hook.fromWebhookUrl), the seed pages' scenarios acted out by the people
// they concern (defer, delegate, disapprove with task control on), and callList paging over a few hundred tasks.
import { test, describe, before } from 'node:test'
import assert from 'node:assert/strict'
import { AjaxError, B24Hook } from '@bitrix24/b24jssdk'
import { env, runTag } from './lib/env.mjs'
import { sdkHook, openLimiter, ok } from './lib/sdk.mjs'

const noHttps = env.httpsUrl ? false : 'the server under test has no HTTPS listener (B24_HTTPS_URL unset)'
const BULK = 260

describe('an organisation through @bitrix24/b24jssdk', { skip: noHttps }, () => {
  let admin
  const people = {}

  async function employee(key, departmentId) {
    const id = await ok(admin, 'user.add', {
      EMAIL: `${key}.${runTag}@clients.b24-tasks.local`, NAME: key, LAST_NAME: `Client ${runTag}`, UF_DEPARTMENT: [departmentId]
    })
    assert.ok(Number(id) > 1, `user.add answers the new id, got ${JSON.stringify(id)}`)
    const hook = await ok(admin, 'b24tasks.webhook.add', { USER_ID: Number(id) })
    assert.match(hook.URL_HTTPS, /^https:\/\/127\.0\.0\.1:\d+\/rest\/\d+\/[^/]+\/$/)
    const sdk = B24Hook.fromWebhookUrl(hook.URL_HTTPS, { restrictionParams: openLimiter() })
    sdk.offClientSideWarning()
    people[key] = { id: Number(id), sdk }
  }

  before(async () => {
    admin = sdkHook()
    const departments = await ok(admin, 'department.get', {})
    const root = departments.find((d) => !d.PARENT)
    const dept = await ok(admin, 'department.add', {
      NAME: `Clients ${runTag}`, ...(root ? { PARENT: Number(root.ID) } : {}), UF_HEAD: Number(env.hookUser)
    })
    assert.ok(Number(dept) >= 1, `department.add answers the new id, got ${JSON.stringify(dept)}`)
    const listed = await ok(admin, 'department.get', { ID: Number(dept) })
    assert.equal(listed.length, 1)
    assert.equal(listed[0].NAME, `Clients ${runTag}`)
    for (const key of ['anna', 'boris', 'bulk']) await employee(key, Number(dept))
    const me = await ok(people.anna.sdk, 'user.current')
    assert.equal(Number(me.ID), people.anna.id)
    assert.deepEqual(me.UF_DEPARTMENT.map(Number), [Number(dept)])
  })

  async function taskFor(responsible, fields = {}) {
    const r = await ok(admin, 'tasks.task.add', { fields: { TITLE: `org ${runTag}`, RESPONSIBLE_ID: responsible, ...fields } })
    return Number(r.task.id)
  }

  test('defer: the responsible defers a pending task (tasks.task.defer seed page)', async () => {
    const id = await taskFor(people.anna.id)
    const r = await ok(people.anna.sdk, 'tasks.task.defer', { taskId: id })
    assert.equal(r.task.status, '6')
    assert.equal(r.task.responsibleId, String(people.anna.id))
  })

  test('delegate: the responsible hands the task to a colleague (tasks.task.delegate seed page)', async () => {
    const id = await taskFor(people.anna.id)
    const r = await ok(people.anna.sdk, 'tasks.task.delegate', { taskId: id, userId: people.boris.id })
    assert.equal(r.task.responsibleId, String(people.boris.id))
    assert.equal(r.task.status, '2')
    assert.ok(r.task.auditors.includes(String(people.anna.id)), 'the old responsible keeps watching')
    // the colleague now has it, and the creator still sees it
    const seen = await ok(people.boris.sdk, 'tasks.task.get', { taskId: id, select: ['ID', 'RESPONSIBLE_ID'] })
    assert.equal(seen.task.responsibleId, String(people.boris.id))
  })

  test('disapprove with task control on (tasks.task.disapprove seed page), then approve', async () => {
    const id = await taskFor(people.anna.id, { TASK_CONTROL: 'Y' })
    const done = await ok(people.anna.sdk, 'tasks.task.complete', { taskId: id })
    assert.equal(done.task.status, '4', 'the responsible\'s complete waits for the creator\'s control')
    // only the creator (or an administrator) decides: the responsible's approve is refused
    await assert.rejects(people.anna.sdk.actions.v2.call.make({ method: 'tasks.task.approve', params: { taskId: id } }), (e) => {
      assert.ok(e instanceof AjaxError)
      assert.equal(e.code, '1048582')
      assert.equal(e.status, 400)
      return true
    })
    const back = await ok(admin, 'tasks.task.disapprove', { taskId: id })
    assert.equal(back.task.status, '2', 'disapprove returns the task to the responsible')
    assert.equal((await ok(people.anna.sdk, 'tasks.task.complete', { taskId: id })).task.status, '4')
    assert.equal((await ok(admin, 'tasks.task.approve', { taskId: id })).task.status, '5')
  })

  test(`callList pages through ${BULK} tasks by id (idKey id, cursorIdKey ID, customKeyForResult tasks)`, async () => {
    const calls = Array.from({ length: BULK }, (_, i) =>
      ['tasks.task.add', { fields: { TITLE: `bulk ${i} ${runTag}`, RESPONSIBLE_ID: people.bulk.id } }])
    const made = await admin.actions.v2.batchByChunk.make({ calls, options: { isHaltOnError: true } })
    assert.equal(made.isSuccess, true, made.getErrorMessages().join('; '))
    const ids = made.getData().map((r) => Number(r.task.id))
    assert.equal(new Set(ids).size, BULK)

    const listed = await admin.actions.v2.callList.make({
      method: 'tasks.task.list',
      params: { filter: { RESPONSIBLE_ID: people.bulk.id }, select: ['ID', 'TITLE', 'RESPONSIBLE_ID'] },
      idKey: 'id', cursorIdKey: 'ID', customKeyForResult: 'tasks'
    })
    assert.equal(listed.isSuccess, true, listed.getErrorMessages().join('; '))
    const rows = listed.getData()
    assert.deepEqual(rows.map((t) => Number(t.id)), [...ids].sort((a, b) => a - b), 'every task once, in id order')
    assert.ok(rows.every((t) => t.responsibleId === String(people.bulk.id)))
    // the same list as the responsible sees it, through that person's own webhook
    const own = await people.bulk.sdk.actions.v2.callList.make({
      method: 'tasks.task.list', params: { select: ['ID'] }, idKey: 'id', cursorIdKey: 'ID', customKeyForResult: 'tasks'
    })
    assert.equal(own.getData().length, BULK)
  })
})
