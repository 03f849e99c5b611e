// REST 3.0 through the official JS SDK, unmodified, over HTTPS: actions.v3.call / batch / callList against
// /rest/api/, re-creating the assertions of the SDK's own integration tests (reference/bitrix-events-and-v3.md §B.9).
import { test, describe, before } from 'node:test'
import assert from 'node:assert/strict'
import { B24Hook } from '@bitrix24/b24jssdk'
import { env, runTag, webhookUrl } from './lib/env.mjs'
import { sdkHook, openLimiter } from './lib/sdk.mjs'

const noHttps = env.httpsUrl ? false : 'the server under test has no HTTPS listener (B24_HTTPS_URL unset)'

describe('REST 3.0 through @bitrix24/b24jssdk actions.v3', { skip: noHttps }, () => {
  let b24
  let taskId
  let hiddenId

  async function v3(method, params) {
    return b24.actions.v3.call.make({ method, params })
  }

  async function addTask(title, as = b24, responsible = Number(env.hookUser)) {
    const r = await as.actions.v3.call.make({
      method: 'tasks.task.add',
      params: { fields: { title: `${title} ${runTag}`, creatorId: Number(env.hookUser), responsibleId: responsible } }
    })
    assert.equal(r.isSuccess, true, r.getErrorMessages().join('; '))
    const id = r.getData().result.item.id
    assert.equal(typeof id, 'number', 'REST 3.0 ids are numbers')
    return id
  }

  before(async () => {
    b24 = sdkHook()
    taskId = await addTask('v3 task')
    hiddenId = await addTask('v3 hidden from the peer')
  })

  test('a classic-only method on /rest/api/ is not found (actions-v3-call: server.time)', async () => {
    const r = await v3('server.time', {})
    assert.equal(r.isSuccess, false)
    assert.match(r.getErrorMessages().join(' '), /not found|не найден|METHODNOTFOUND/i)
  })

  test('tasks.task.get with select: item.id and item.title, the time block with operating fields', async () => {
    const r = await v3('tasks.task.get', { id: taskId, select: ['id', 'title'] })
    assert.equal(r.isSuccess, true, r.getErrorMessages().join('; '))
    const data = r.getData()
    assert.equal(data.result.item.id, taskId)
    assert.equal(data.result.item.title, `v3 task ${runTag}`)
    assert.ok(data.time.operating >= 0)
    assert.ok(data.time.operating_reset_at > 0)
  })

  test('a missing task is the soft ENTITYNOTFOUND error, not a throw', async () => {
    const r = await v3('tasks.task.get', { id: -1 })
    assert.equal(r.isSuccess, false)
    assert.ok([...r.getErrors()].some((e) => String(e.code).includes('ENTITYNOTFOUNDEXCEPTION')), r.getErrorMessages().join('; '))
  })

  test('a task the caller may not see is ENTITYNOTFOUND too (actions-v3-call: task 3)', { skip: env.peerUser ? false : 'no peer webhook' }, async () => {
    const peer = B24Hook.fromWebhookUrl(webhookUrl(env.httpsUrl, env.peerUser, env.peerCode), { restrictionParams: openLimiter() })
    peer.offClientSideWarning()
    const r = await peer.actions.v3.call.make({ method: 'tasks.task.get', params: { id: hiddenId } })
    assert.equal(r.isSuccess, false)
    assert.ok([...r.getErrors()].some((e) => String(e.code).includes('ENTITYNOTFOUNDEXCEPTION')), r.getErrorMessages().join('; '))
    assert.equal(r.getData(), undefined)
  })

  test('batch in the array form: get then update, each row successful, one time block', async () => {
    const r = await b24.actions.v3.batch.make({
      calls: [
        { method: 'tasks.task.get', params: { id: taskId, select: ['id', 'title'] } },
        { method: 'tasks.task.update', params: { id: taskId, fields: { title: `v3 task ${runTag}` } } }
      ],
      options: { isHaltOnError: true, returnAjaxResult: true }
    })
    assert.equal(r.isSuccess, true, r.getErrorMessages().join('; '))
    const rows = r.getData()
    assert.equal(rows.length, 2)
    assert.equal(rows[0].getData().result.item.id, taskId)
    assert.ok(rows[1].getData().result.result)
    assert.ok(rows[0].getData().time.operating_reset_at > 0)
  })

  test('batch in the named form keeps the names', async () => {
    const r = await b24.actions.v3.batch.make({
      calls: {
        Task: { method: 'tasks.task.get', params: { id: taskId, select: ['id'] } },
        List: { method: 'tasks.task.list', params: { filter: [['id', '=', taskId]], select: ['id', 'title'] } }
      },
      options: { isHaltOnError: true, returnAjaxResult: true }
    })
    assert.equal(r.isSuccess, true, r.getErrorMessages().join('; '))
    const data = r.getData()
    assert.equal(data.Task.getData().result.item.id, taskId)
    assert.equal(data.List.getData().result.items[0].id, taskId)
  })

  test('a failing batch reports exactly one error (all or nothing)', async () => {
    const r = await b24.actions.v3.batch.make({
      calls: [
        { method: 'tasks.task.get', params: { id: taskId } },
        { method: 'tasks.task.get', params: { id: -1 } },
        { method: 'tasks.task.get', params: { id: taskId } }
      ],
      options: { isHaltOnError: true }
    })
    assert.equal(r.isSuccess, false)
    assert.equal(r.getErrorMessages().length, 1, r.getErrorMessages().join(' | '))
  })

  test('callList pages through tasks.task.list by id ([id, >, cursor], page 0)', async () => {
    const ids = []
    for (let i = 0; i < 5; i++) ids.push(await addTask(`v3 list ${i}`))
    const r = await b24.actions.v3.callList.make({
      method: 'tasks.task.list',
      params: { filter: [['id', '>=', ids[0]], ['id', '<=', ids[4]]], select: ['id', 'title'] },
      idKey: 'id',
      customKeyForResult: 'items',
      limit: 2
    })
    assert.equal(r.isSuccess, true, r.getErrorMessages().join('; '))
    assert.deepEqual(r.getData().map((t) => t.id), ids)
  })

  test('a validation error carries its field path (b24phpsdk TaskAddValidationTest)', async () => {
    const r = await v3('tasks.task.add', { fields: { title: 'x', creatorId: 1, responsibleId: -1 } })
    assert.equal(r.isSuccess, false)
    const e = [...r.getErrors()][0]
    assert.match(String(e.code), /VALIDATION_REQUESTVALIDATIONEXCEPTION/)
  })
  test('the task chat: send (b24phpsdk TaskChatTest: result.result), read the ids with im.*, make a result', async () => {
    const sent = await v3('tasks.task.chat.message.send', { fields: { taskId, text: 'Hello world' } })
    assert.equal(sent.isSuccess, true, sent.getErrorMessages().join('; '))
    assert.ok(sent.getData().result.result)
    const got = await v3('tasks.task.get', { id: taskId, select: ['id', 'chat.id'] })
    const chatId = got.getData().result.item.chat.id
    assert.equal(typeof chatId, 'number')
    const read = await b24.actions.v2.call.make({ method: 'im.dialog.messages.get', params: { DIALOG_ID: `chat${chatId}` } })
    assert.equal(read.isSuccess, true, read.getErrorMessages().join('; '))
    const message = read.getData().result.messages[0]
    assert.equal(message.text, 'Hello world')
    const made = await v3('tasks.task.result.addfromchatmessage', { fields: { messageId: message.id } })
    assert.equal(made.isSuccess, true, made.getErrorMessages().join('; '))
    assert.equal(made.getData().result.item.messageId, message.id)
    const fields = await v3('tasks.task.chat.message.field.list', {})
    assert.deepEqual(fields.getData().result.items.map((f) => f.name), ['id', 'taskId', 'text'])
  })
})
