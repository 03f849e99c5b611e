// Plain HTTP calls for the few steps no client covers (acting through an access token, reading raw envelopes).

/** POSTs JSON to `${base}/rest/${path}` and returns {status, json}. */
export async function postJson(url, body) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body ?? {})
  })
  const text = await res.text()
  let json = null
  try { json = JSON.parse(text) } catch { /* not JSON: the caller sees json === null and the text */ }
  return { status: res.status, json, text }
}

/** Calls `method` as the holder of an OAuth-style access token (`auth` in the JSON body). */
export function callWithToken(base, token, method, params = {}) {
  return postJson(`${base}/rest/${method}`, { ...params, auth: token })
}
