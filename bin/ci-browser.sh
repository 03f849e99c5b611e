#!/usr/bin/env bash
# Makes sure the web console's browser tests (ConsoleBrowserIT) can run: Debian's Chromium, and fonts for
# screenshots that look the same on every machine. Installs Debian's packages when something is missing and we
# are root; otherwise fails with a clear message, so CI never passes with those tests skipped.
set -euo pipefail
chromium_bin="${B24_CHROMIUM:-/usr/bin/chromium}"
missing=()
[ -x "$chromium_bin" ] || missing+=(chromium)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
if [ ${#missing[@]} -gt 0 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian packages for the browser tests: ${missing[*]}"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if [ ! -x "$chromium_bin" ]; then
  echo "FAIL: the console's browser tests need Chromium at $chromium_bin (Debian: apt-get install chromium)." >&2
  exit 1
fi
echo "Browser tests: $("$chromium_bin" --version 2>/dev/null | head -1)"
