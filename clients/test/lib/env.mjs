// What ClientConformanceIT hands over: the servers' URLs and the administrator's credentials.
// Running `node --test` here by hand needs the same variables (see README, "Real clients").

function required(name) {
  const v = process.env[name]
  if (!v) throw new Error(`${name} is not set: run this suite through ClientConformanceIT (./mvnw -B verify) or set it by hand`)
  return v
}

export const env = {
  httpUrl: required('B24_HTTP_URL'),
  httpsUrl: process.env.B24_HTTPS_URL || null,
  limitedHttpUrl: process.env.B24_LIMITED_HTTP_URL || null,
  limitedHttpsUrl: process.env.B24_LIMITED_HTTPS_URL || null,
  // the portal of the application scenarios (a clock they move with test.clock.advance, OAuth dev sign-in)
  appsHttpUrl: process.env.B24_APPS_HTTP_URL || null,
  appsHttpsUrl: process.env.B24_APPS_HTTPS_URL || null,
  // its listener answering as oauth.bitrix.info (for clients that hard-code the OAuth host)
  appsOAuthPort: process.env.B24_APPS_OAUTH_PORT || null,
  hookUser: required('B24_HOOK_USER'),
  hookCode: required('B24_HOOK_CODE'),
  token: process.env.B24_TOKEN || null,
  // a second employee with a webhook of its own, for steps the responsible takes (complete under task control)
  peerUser: process.env.B24_PEER_USER || null,
  peerCode: process.env.B24_PEER_CODE || null,
  caFile: process.env.B24_CA_FILE || null,
  seedsDir: process.env.B24_SEEDS_DIR || null,
  // set in CI (.ci/run): a client that cannot run here fails instead of being skipped
  required: process.env.B24_CLIENTS_REQUIRED === '1'
}

/** The administrator's inbound webhook on a base URL, as a portal prints it. */
export function webhookUrl(base, user = env.hookUser, code = env.hookCode) {
  return `${base}/rest/${user}/${code}`
}

/** A unique marker for the titles of what one run of one file creates. */
export const runTag = `${process.pid.toString(36)}${Date.now().toString(36)}`
