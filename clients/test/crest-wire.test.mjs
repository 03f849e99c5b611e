// PHP CRest's wire format, sent by PHP itself (php/crest_wire.php): form-encoded POST to {method}.json with
// PHP bracket nesting and '+' for spaces; batch with nested, doubly encoded query strings.
import { test, describe } from 'node:test'
import assert from 'node:assert/strict'
import { env, webhookUrl, runTag } from './lib/env.mjs'
import { phpMissing, crestCall, crestBatch } from './lib/php.mjs'

const missing = phpMissing()
if (missing && env.required) throw new Error(`B24_CLIENTS_REQUIRED is set, but ${missing}`)
const skip = missing
const hook = webhookUrl(env.httpUrl)

describe('CRest wire format (PHP, form-encoded POST {method}.json)', { skip }, () => {
  test('server.time, profile, user.current answer over {method}.json', () => {
    const t = crestCall(hook, 'server.time')
    assert.match(t.request.url, /\/server\.time\.json$/)
    assert.equal(t.status, 200, t.raw)
    assert.match(t.json.result, /^\d{4}-\d\d-\d\dT/)
    assert.equal(String(crestCall(hook, 'profile').json.result.ID), env.hookUser)
    assert.equal(String(crestCall(hook, 'user.current').json.result.ID), env.hookUser)
  })

  test('a form parameter binds as a string, with spaces sent as +', () => {
    const r = crestCall(hook, 'method.get', { name: 'user.current', note: 'a b' })
    assert.equal(r.request.body, 'name=user.current&note=a+b')
    assert.deepEqual(r.json.result, { isExisting: true, isAvailable: true })
  })

  test('the core task scenario with bracket form fields', () => {
    const title = `crest a&b c+d Задача ${runTag}`
    const added = crestCall(hook, 'tasks.task.add', { fields: { TITLE: title, RESPONSIBLE_ID: Number(env.hookUser), ACCOMPLICES: [Number(env.hookUser)] } })
    assert.match(added.request.body, /^fields%5BTITLE%5D=crest\+a%26b\+c%2Bd\+/, 'PHP bracket keys, + for spaces')
    assert.match(added.request.body, /fields%5BACCOMPLICES%5D%5B0%5D=1/)
    assert.equal(added.status, 200, added.raw)
    const id = added.json.result.task.id
    const got = crestCall(hook, 'tasks.task.get', { taskId: id, select: ['ID', 'TITLE', 'STATUS', 'ACCOMPLICES'] })
    assert.equal(got.json.result.task.title, title)
    assert.deepEqual(got.json.result.task.accomplices, [env.hookUser])
    for (const [method, status] of [['tasks.task.start', '3'], ['tasks.task.pause', '2'], ['tasks.task.defer', '6'], ['tasks.task.complete', '5']]) {
      const r = crestCall(hook, method, { taskId: id })
      assert.equal(r.status, 200, `${method}: ${r.raw}`)
      assert.equal(r.json.result.task.status, status, method)
    }
    // CRest returns the error envelope rather than throwing
    const refused = crestCall(hook, 'tasks.task.defer', { taskId: id })
    assert.equal(refused.status, 400)
    assert.equal(refused.json.error, '1048582')
    assert.equal(refused.json.result, undefined)
  })

  test('batch: nested query strings encoded twice, $result references, + for spaces', () => {
    const title = `crest batch x y&z ${runTag}`
    const r = crestBatch(hook, {
      add: ['tasks.task.add', { fields: { TITLE: title, RESPONSIBLE_ID: Number(env.hookUser) } }],
      start: ['tasks.task.start', { taskId: '$result[add][task][id]' }],
      get: ['tasks.task.get', { taskId: '$result[add][task][id]', select: ['ID', 'TITLE', 'STATUS'] }]
    }, 1)
    // cmd[add]=tasks.task.add?fields[TITLE]=crest+batch+... : the inner '+' itself encoded as %2B
    assert.match(r.request.body, /^cmd%5Badd%5D=tasks\.task\.add%3Ffields%255BTITLE%255D%3Dcrest%2Bbatch%2Bx%2By%2526z%2B/)
    assert.match(r.request.body, /&halt=1$/)
    assert.equal(r.status, 200, r.raw)
    const { result, result_error: errors } = r.json.result
    assert.deepEqual(errors, [])
    assert.equal(result.get.task.id, result.add.task.id)
    assert.equal(result.get.task.title, title)
    assert.equal(result.get.task.status, '3')
  })

  test('batch with halt=1 stops at the first failing command', () => {
    const r = crestBatch(hook, {
      bad: ['tasks.task.start', { taskId: -1 }],
      never: ['server.time', {}]
    }, 1)
    assert.equal(r.status, 200, r.raw)
    assert.equal(r.json.result.result_error.bad.error, '0')
    assert.equal(r.json.result.result.never, undefined)
  })

  test('a legacy positional method called with a PHP list: [id] goes on the wire as 0=id', () => {
    const id = crestCall(hook, 'tasks.task.add', { fields: { TITLE: `crest legacy ${runTag}`, RESPONSIBLE_ID: Number(env.hookUser) } }).json.result.task.id
    const r = crestCall(hook, 'task.item.defer', [Number(id)])
    assert.equal(r.request.body, `0=${id}`)
    assert.equal(r.status, 200, r.raw)
    assert.equal(r.json.result, null)
    assert.equal(crestCall(hook, 'tasks.task.get', { taskId: id, select: ['ID', 'STATUS'] }).json.result.task.status, '6')
  })

  test('an unknown method gives the error envelope with 404', () => {
    const r = crestCall(hook, 'no.such.method')
    assert.equal(r.status, 404)
    assert.equal(r.json.error, 'ERROR_METHOD_NOT_FOUND')
  })
})
