// CRest's application mode (php/crest_app.php puts CRest 1.36's bytes on the wire): ONAPPINSTALL to the app's
// install.php saves the auth block; calls go to client_endpoint; after an hour on the portal's clock a call gets
// expired_token and the client refreshes at the hard-coded https://oauth.bitrix.info/oauth/token/, which the
// OAuth listener answers (the host mapped to it, its certificate trusted), then retries.
import { test, describe, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { spawn, execFileSync } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { env, webhookUrl, runTag } from './lib/env.mjs'
import { postJson } from './lib/raw.mjs'
import { phpMissing } from './lib/php.mjs'

const script = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'php', 'crest_app.php')
const missing = phpMissing()
const skip = !env.appsHttpsUrl || !env.appsOAuthPort
  ? 'no application portal with an OAuth listener (B24_APPS_HTTPS_URL, B24_APPS_OAUTH_PORT unset)'
  : missing && !env.required ? missing : false

const admin = (method, params) => postJson(`${webhookUrl(env.appsHttpUrl)}/${method}`, params)

function freePort () {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)) })
  })
}

async function until (what, check) {
  for (let i = 0; i < 600; i++) {
    if (check()) return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`timed out waiting for ${what}`)
}

describe('CRest application mode: install, call, expire, refresh at oauth.bitrix.info, call again', { skip }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crest-app-'))
  const settings = path.join(dir, 'settings.json')
  let php
  let registered
  let childEnv

  before(async () => {
    const port = await freePort()
    childEnv = { ...process.env, CREST_SETTINGS: settings }
    php = spawn('php', ['-S', `127.0.0.1:${port}`, script], { env: childEnv, stdio: 'ignore' })
    const install = `http://127.0.0.1:${port}/install.php`
    await until('php -S to listen', () => {
      try { execFileSync('php', ['-r', `exit(@fsockopen('127.0.0.1', ${port}) ? 0 : 1);`]); return true } catch { return false }
    })
    const r = await admin('b24tasks.app.add', {
      NAME: `crest-app-${runTag}`, HANDLER: `http://127.0.0.1:${port}/index.php`, INSTALL: install,
      SCOPE: 'task,user', API_ONLY: 'Y'
    })
    assert.equal(r.status, 200, r.text)
    registered = r.json.result
    childEnv.CREST_CLIENT_ID = registered.CLIENT_ID
    childEnv.CREST_CLIENT_SECRET = registered.CLIENT_SECRET
    childEnv.B24_OAUTH_CONNECT_TO = `127.0.0.1:${env.appsOAuthPort}`
    await until('ONAPPINSTALL to reach install.php', () => fs.existsSync(settings))
  })

  after(() => {
    php?.kill()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  const crest = (method, params) => JSON.parse(execFileSync('php', [script, 'call', method, JSON.stringify(params)],
    { env: childEnv, encoding: 'utf8' }))

  test('CRest calls with the installed tokens, refreshes on expired_token at the public OAuth host, retries', async () => {
    const saved = JSON.parse(fs.readFileSync(settings, 'utf8'))
    assert.equal(saved.client_endpoint, `${env.appsHttpsUrl}/rest/`)
    assert.ok(saved.application_token)

    const added = crest('tasks.task.add', { fields: { TITLE: `crest app ${runTag}`, RESPONSIBLE_ID: 1 } })
    assert.equal(added.refreshed, false)
    assert.ok(added.answer.result?.task?.id, JSON.stringify(added))
    const taskId = added.answer.result.task.id

    const moved = await admin('test.clock.advance', { seconds: 3600 })
    assert.equal(moved.status, 200, moved.text)

    const got = crest('tasks.task.get', { taskId })
    assert.equal(got.refreshed, true, JSON.stringify(got))
    assert.deepEqual(got.requests.map((r) => [r.url.replace(/\/rest\/.*/, '/rest/…'), r.status]), [
      [`${env.appsHttpsUrl}/rest/…`, 401],
      ['https://oauth.bitrix.info/oauth/token/', 200],
      [`${env.appsHttpsUrl}/rest/…`, 200]
    ])
    assert.equal(got.answer.result.task.title, `crest app ${runTag}`)
    const after = JSON.parse(fs.readFileSync(settings, 'utf8'))
    assert.notEqual(after.access_token, saved.access_token)
    assert.equal(after.domain, 'oauth.bitrix.info')
    assert.equal(after.server_endpoint, 'https://oauth.bitrix.info/rest/')
    assert.equal(after.application_token, saved.application_token, 'CRest keeps the old application_token')
  })
})
