// The seed pages' curl examples (seed-curl.mjs), webhook and OAuth forms, replayed with curl itself over HTTPS
// (the server's certificate trusted through CURL_CA_BUNDLE) with only the host, user, webhook code, token and ids
// substituted. Each must give the page's documented success shape.
import { test, describe } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { spawnSync } from 'node:child_process'
import { env, webhookUrl, runTag } from './lib/env.mjs'
import { postJson } from './lib/raw.mjs'
import { seedCurls, seedTaskKeys } from './seed-curl.mjs'

const missing = !env.httpsUrl ? 'the server under test has no HTTPS listener (B24_HTTPS_URL unset)'
  : !env.token ? 'no access token for the OAuth form (B24_TOKEN unset)'
    : !env.peerUser ? 'no second user (B24_PEER_USER unset)' : false
if (missing && env.required) throw new Error(`B24_CLIENTS_REQUIRED is set, but ${missing}`)

/** Splits a shell command line as sh would for these examples: quotes, and backslash-newline continuations. */
export function shellWords(line) {
  const words = []
  let cur = null
  for (let i = 0; i < line.length; i++) {
    const c = line[i]
    if (c === '\\' && line[i + 1] === '\n') { i++; continue }
    if (/\s/.test(c)) { if (cur !== null) { words.push(cur); cur = null } continue }
    cur ??= ''
    if (c === "'") { const j = line.indexOf("'", i + 1); cur += line.slice(i + 1, j); i = j; continue }
    if (c === '"') {
      let j = i + 1
      for (; line[j] !== '"'; j++) cur += line[j] === '\\' && '"\\$`'.includes(line[j + 1]) ? line[++j] : line[j]
      i = j
      continue
    }
    if (c === '\\') { cur += line[++i]; continue }
    cur += c
  }
  if (cur !== null) words.push(cur)
  return words
}

/** curl's arguments with the placeholders replaced; ids in the JSON body replaced by name. */
function substitute(words, ids) {
  const out = []
  for (let i = 0; i < words.length; i++) {
    let w = words[i]
    if (words[i - 1] === '-d') {
      const body = JSON.parse(w)
      for (const k of Object.keys(body)) {
        if (body[k] === '**put_access_token_here**') body[k] = env.token
        else if (k in ids) body[k] = ids[k]
      }
      w = JSON.stringify(body)
    } else if (w.startsWith('https://**put_your_bitrix24_address**')) {
      w = w.replace('https://**put_your_bitrix24_address**', env.httpsUrl)
        .replace('**put_your_user_id_here**', env.hookUser)
        .replace(/\*\*put_your_webb?hook_here\*\*/, env.hookCode)
    }
    assert.ok(!w.includes('**'), `placeholder left in ${w}`)
    out.push(w)
  }
  return out
}

/** Runs the curl command line; answers {status, json}. */
function runCurl(words) {
  assert.equal(words[0], 'curl')
  const r = spawnSync('curl', ['-sS', '-w', '\n%{http_code}', ...words.slice(1)], {
    encoding: 'utf8', env: { ...process.env, CURL_CA_BUNDLE: env.caFile ?? '' }
  })
  if (r.error) throw r.error
  assert.equal(r.status, 0, `curl failed: ${r.stderr}`)
  const cut = r.stdout.lastIndexOf('\n')
  return { status: Number(r.stdout.slice(cut + 1)), json: JSON.parse(r.stdout.slice(0, cut)), text: r.stdout }
}

const admin = (method, params) => postJson(`${webhookUrl(env.httpUrl)}/${method}`, params)
const peer = (method, params) => postJson(`${webhookUrl(env.httpUrl, env.peerUser, env.peerCode)}/${method}`, params)

async function newTask(title, fields = {}) {
  const r = await admin('tasks.task.add', { fields: { TITLE: `${title} ${runTag}`, RESPONSIBLE_ID: Number(env.hookUser), ...fields } })
  assert.equal(r.status, 200, r.text)
  return Number(r.json.result.task.id)
}

async function statusOf(id) {
  const r = await admin('tasks.task.get', { taskId: id, select: ['ID', 'STATUS', 'RESPONSIBLE_ID'] })
  return r.json.result.task
}

/** What each page's scenario needs before its curl line runs, and what must hold after it. */
const scenarios = {
  'tasks.task.defer': {
    prepare: async () => ({ taskId: await newTask('seed defer') }),
    check: (res) => assert.equal(res.result.task.status, '6')
  },
  'task.item.defer': {
    prepare: async () => ({ TASKID: await newTask('seed item defer') }),
    check: async (res, ids) => assert.equal((await statusOf(ids.TASKID)).status, '6')
  },
  'tasks.task.delegate': {
    prepare: async () => ({ taskId: await newTask('seed delegate'), userId: Number(env.peerUser) }),
    check: (res) => {
      assert.equal(res.result.task.responsibleId, String(env.peerUser))
      assert.equal(res.result.task.status, '2')
    }
  },
  'tasks.task.disapprove': {
    // task control on: the responsible (the second user) completes, the task waits for the creator's control
    prepare: async () => {
      const id = await newTask('seed disapprove', { RESPONSIBLE_ID: Number(env.peerUser), TASK_CONTROL: 'Y' })
      const done = await peer('tasks.task.complete', { taskId: id })
      assert.equal(done.status, 200, done.text)
      assert.equal(done.json.result.task.status, '4', 'complete by the responsible under task control gives 4')
      return { taskId: id }
    },
    check: (res) => assert.equal(res.result.task.status, '2')
  }
}

describe('the seed pages\' curl examples, replayed', { skip: missing }, () => {
  test('the copies still match the seed files', { skip: !env.seedsDir && 'seed files not found (B24_SEEDS_DIR unset)' }, () => {
    const squash = (s) => s.replace(/\s+/g, ' ')
    for (const s of seedCurls) {
      const text = fs.readFileSync(path.join(env.seedsDir, s.file), 'utf8')
      assert.ok(squash(text).includes(squash(s.curl)), `${s.file} no longer holds:\n${s.curl}`)
      if (s.resultKeys) {
        const example = JSON.parse(text.match(/```json\n([\s\S]*?)\n```/)[1])
        assert.deepEqual(Object.keys(example.result), s.resultKeys, `${s.file}: keys of the example's result`)
        assert.deepEqual(Object.keys(example.result.task), seedTaskKeys, `${s.file}: keys of the example's task`)
      }
    }
  })

  for (const seed of seedCurls) {
    test(`${seed.method} (${seed.form}) from ${seed.file}`, async () => {
      const ids = await scenarios[seed.method].prepare()
      const words = substitute(shellWords(seed.curl), ids)
      const res = runCurl(words)
      assert.equal(res.status, 200, res.text)
      assert.equal(res.json.error, undefined, res.text)
      assert.ok('time' in res.json, 'the time block is top-level')
      if ('result' in seed) {
        assert.deepEqual(res.json.result, seed.result)
      } else {
        for (const k of seed.resultKeys.filter((k) => k !== 'time')) assert.ok(k in res.json.result, `result.${k}`)
        const missingKeys = seedTaskKeys.filter((k) => !(k in res.json.result.task))
        assert.deepEqual(missingKeys, [], 'every key of the page\'s task example is in our task')
      }
      await scenarios[seed.method].check(res.json, ids)
    })
  }
})
