#!/usr/bin/env bash
# Makes sure the real-client suite can run: node (20+) and npm, php with its curl extension. Installs Debian's
# packages when something is missing and we are root; otherwise fails with a clear message, so CI never passes
# with that suite skipped.
set -euo pipefail
have_node() { command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 \
  && [ "$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)" -ge 20 ]; }
have_php() { command -v php >/dev/null 2>&1 && php -r 'exit(function_exists("curl_init") ? 0 : 1);' >/dev/null 2>&1; }
missing=()
have_node || missing+=(nodejs npm)
have_php || missing+=(php-cli php-curl)
if [ ${#missing[@]} -gt 0 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian packages for the real-client suite: ${missing[*]}"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if ! have_node; then
  echo "FAIL: the real-client suite (clients/) needs Node.js 20 or newer with npm on the PATH; found node=$(command -v node || echo none) npm=$(command -v npm || echo none)." >&2
  echo "      Install them (Debian: apt-get install nodejs npm) and run again." >&2
  exit 1
fi
if ! have_php; then
  echo "FAIL: the real-client suite (clients/) needs PHP with the curl extension for the CRest wire-format client." >&2
  echo "      Install them (Debian: apt-get install php-cli php-curl) and run again." >&2
  exit 1
fi
echo "Real clients: node $(node --version), npm $(npm --version), $(php -r 'echo "php ", PHP_VERSION;')"
