// Runs php/crest_wire.php (CRest's wire format: form-encoded POST to {method}.json) with Debian's PHP.
import { execFileSync, spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import path from 'node:path'

const script = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'php', 'crest_wire.php')

/** Why PHP cannot run here, or false. */
export function phpMissing() {
  const r = spawnSync('php', ['-r', 'exit(function_exists("curl_init") ? 0 : 3);'], { encoding: 'utf8' })
  if (r.error) return 'php is not on the PATH (Debian: apt-get install php-cli php-curl; .ci/run installs them)'
  if (r.status === 3) return 'php has no curl extension (Debian: apt-get install php-curl)'
  if (r.status !== 0) return `php -r failed: ${r.stderr}`
  return false
}

function run(args) {
  const out = execFileSync('php', [script, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  const o = JSON.parse(out)
  let json = null
  try { json = JSON.parse(o.raw) } catch { /* left null: the test shows o.raw */ }
  return { request: o.request, status: o.status, raw: o.raw, json }
}

export const crestCall = (webhook, method, params = {}) => run(['call', webhook, method, JSON.stringify(params)])
export const crestBatch = (webhook, commands, halt = 0) => run(['batch', webhook, String(halt), JSON.stringify(commands)])
