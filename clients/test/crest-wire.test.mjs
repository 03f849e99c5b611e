// PHP CRest's wire format, sent by PHP itself (php/crest_wire.php): form-encoded POST to {method}.json with
// PHP bracket nesting and '+' for spaces; batch with nested, doubly encoded query strings.
import { test, describe } from 'node:test'
import assert from 'node:assert/strict'
import { env, webhookUrl } from './lib/env.mjs'
import { phpMissing, crestCall } from './lib/php.mjs'

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

  test('an unknown method gives the error envelope with 404', () => {
    const r = crestCall(hook, 'no.such.method')
    assert.equal(r.status, 404)
    assert.equal(r.json.error, 'ERROR_METHOD_NOT_FOUND')
  })
})
