// The official JS SDK, built exactly as its docs say: B24Hook.fromWebhookUrl on the portal's HTTPS webhook URL.
// The only setting is the limiter: opened up for bulk work (clients-and-peers.md §1.6), else defaults.
import { B24Hook, ParamsFactory, ApiVersion } from '@bitrix24/b24jssdk'
import { env, webhookUrl } from './env.mjs'

/** Limiter settings that never make the SDK wait on its own. */
export function openLimiter(overrides = {}) {
  const d = ParamsFactory.getDefault()
  return {
    ...d,
    rateLimit: { burstLimit: 1e9, drainRate: 1e9, adaptiveEnabled: false },
    adaptiveConfig: { ...d.adaptiveConfig, enabled: false },
    ...overrides
  }
}

export function sdkHook(base = env.httpsUrl, restrictionParams = openLimiter()) {
  const b24 = B24Hook.fromWebhookUrl(webhookUrl(base), { restrictionParams })
  b24.offClientSideWarning()
  return b24
}

export function v2stats(b24) {
  return b24.getHttpClient(ApiVersion.v2).getStats()
}

/** `call.make` that insists on success and gives back `result`. */
export async function ok(b24, method, params = {}) {
  const r = await b24.actions.v2.call.make({ method, params })
  if (!r.isSuccess) throw new Error(`${method} failed: ${r.getErrorMessages().join('; ')}`)
  return r.getData().result
}
