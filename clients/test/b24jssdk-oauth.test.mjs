// @bitrix24/b24jssdk 2.2.0's B24OAuth, unmodified, as an application server uses it: an administrator registers
// an API-only app whose install URL is a small HTTP server here; the portal posts ONAPPINSTALL there; the SDK is
// built from that auth block (as the SDK's recipe does) and calls REST over HTTPS; the portal's clock is moved on
// an hour; the SDK's next call gets 401 expired_token, refreshes at server_endpoint's /oauth/token/ by itself and
// goes on. Nothing about this server is configured in the SDK: it follows the endpoints in the auth block.
import { test, describe, before, after } from 'node:test'
import assert from 'node:assert/strict'
import http from 'node:http'
import { B24OAuth } from '@bitrix24/b24jssdk'
import { env, webhookUrl, runTag } from './lib/env.mjs'
import { postJson } from './lib/raw.mjs'
import { openLimiter } from './lib/sdk.mjs'

const skip = env.appsHttpsUrl ? false : 'no application portal (B24_APPS_HTTPS_URL unset)'

/** The application's install handler: resolves with the first form-encoded POST it receives. */
function installReceiver () {
  let deliver
  const received = new Promise((resolve) => { deliver = resolve })
  const server = http.createServer((req, res) => {
    let body = ''
    req.on('data', (c) => { body += c })
    req.on('end', () => {
      deliver({ path: req.url, contentType: req.headers['content-type'], form: new URLSearchParams(body) })
      res.end()
    })
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    resolve({ server, received, url: (p) => `http://127.0.0.1:${server.address().port}${p}` })
  }))
}

const admin = (method, params) => postJson(`${webhookUrl(env.appsHttpUrl)}/${method}`, params)

describe('@bitrix24/b24jssdk B24OAuth: install, call, expire, refresh, call again', { skip }, () => {
  let receiver
  let registered
  let auth

  before(async () => {
    receiver = await installReceiver()
    const r = await admin('b24tasks.app.add', {
      NAME: `jssdk-oauth-${runTag}`, HANDLER: receiver.url('/handler'), INSTALL: receiver.url('/install'),
      SCOPE: ['task', 'user'], API_ONLY: 'Y'
    })
    assert.equal(r.status, 200, r.text)
    registered = r.json.result
    const install = await receiver.received
    assert.equal(install.path, '/install')
    assert.match(install.contentType, /^application\/x-www-form-urlencoded/)
    assert.equal(install.form.get('event'), 'ONAPPINSTALL')
    auth = Object.fromEntries([...install.form].filter(([k]) => k.startsWith('auth[')).map(([k, v]) => [k.slice(5, -1), v]))
  })

  after(() => receiver?.server.close())

  test('the SDK built from the ONAPPINSTALL auth block calls, refreshes on expired_token and calls again', async () => {
    assert.equal(auth.client_endpoint, `${env.appsHttpsUrl}/rest/`)
    const b24 = new B24OAuth({
      applicationToken: auth.application_token,
      userId: Number(auth.user_id),
      memberId: auth.member_id,
      accessToken: auth.access_token,
      refreshToken: auth.refresh_token,
      expires: Number(auth.expires),
      expiresIn: Number(auth.expires_in),
      scope: auth.scope,
      domain: auth.domain,
      clientEndpoint: auth.client_endpoint,
      serverEndpoint: auth.server_endpoint,
      status: auth.status
    }, { clientId: registered.CLIENT_ID, clientSecret: registered.CLIENT_SECRET }, { restrictionParams: openLimiter() })
    b24.offClientSideWarning()
    const refreshed = []
    b24.setCallbackRefreshAuth(async ({ authData }) => { refreshed.push(authData) })

    const added = await b24.actions.v2.call.make({
      method: 'tasks.task.add', params: { fields: { TITLE: `app task ${runTag}`, RESPONSIBLE_ID: 1 } }
    })
    assert.equal(added.isSuccess, true, added.getErrorMessages().join('; '))
    const taskId = added.getData().result.task.id
    const info = await b24.actions.v2.call.make({ method: 'app.info' })
    assert.equal(info.getData().result.CODE, registered.CLIENT_ID)
    assert.equal(refreshed.length, 0)

    // An hour passes on the portal: the token is expired there (the SDK's own clock has not moved).
    const moved = await admin('test.clock.advance', { seconds: 3600 })
    assert.equal(moved.status, 200, moved.text)

    const got = await b24.actions.v2.call.make({ method: 'tasks.task.get', params: { taskId } })
    assert.equal(got.isSuccess, true, got.getErrorMessages().join('; '))
    assert.equal(got.getData().result.task.title, `app task ${runTag}`)
    assert.equal(refreshed.length, 1, 'the SDK refreshed once')
    assert.notEqual(refreshed[0].access_token, auth.access_token)
    assert.equal(refreshed[0].expires, moved.json.result + 3600)

    // Single-use: the refresh token the SDK spent is refused now, with the OAuth server's body.
    const reuse = await fetch(`${env.appsHttpUrl}/oauth/token/`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token', client_id: registered.CLIENT_ID, client_secret: registered.CLIENT_SECRET,
        refresh_token: auth.refresh_token
      })
    })
    assert.equal(reuse.status, 400)
    assert.deepEqual(await reuse.json(), { error: 'invalid_grant' })
  })
})
