#!/usr/bin/env bash
# Runs the Windows batch scripts (b24-tasks.cmd, mvnw.cmd's hook, bin\find-jdk.cmd) under Wine's cmd.exe, with
# fake JDK folders (a bin\javac.exe and a "release" file each) and stubs for what Wine lacks or what would be slow:
# PowerShell (the freshness check), the Maven wrapper (the build) and java.exe. It checks the JDK rules (JAVA_HOME
# when it is 21+, else the newest 21+ in the install folders, never a JRE or an older JDK, a clear failure when there
# is none) and the launcher's flow (build when the jar is missing or stale, with the shell launcher's command; no
# build when it is fresh; a failed build stops it; java.exe of the JDK found). Wine's `where` is a stub, so "the javac on the PATH" is not
# exercised here, and neither is PowerShell itself: LaunchersTest reads those lines. Installs Debian's wine64 when
# it is missing and we are root.
set -euo pipefail
cd "$(dirname "$0")/.."
wine=$(command -v wine64 || { [ -x /usr/lib/wine/wine64 ] && echo /usr/lib/wine/wine64; } || true)
if [ -z "$wine" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's wine64 to run the Windows scripts"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wine64) >/dev/null
  wine=$(command -v wine64 || { [ -x /usr/lib/wine/wine64 ] && echo /usr/lib/wine/wine64; } || true)
fi
[ -n "$wine" ] || { echo "FAIL: the Windows script check needs Wine (Debian: apt-get install wine64)" >&2; exit 1; }

scratch=$(mktemp -d "${TMPDIR:-/tmp}/b24-wincmd.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
export WINEPREFIX="$scratch/wine" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
unset JAVA_HOME
"$wine" cmd /c exit 0 >/dev/null 2>&1 || true   # makes the Wine prefix
pf="$WINEPREFIX/drive_c/Program Files"
win() { printf 'Z:%s' "${1//\//\\}"; }
# a fake JDK: its java.exe is Wine's whoami.exe renamed (it ignores its arguments and prints the user), so a run shows
whoami=$("$wine" whoami 2>/dev/null | tr -d '\r')
fake_jdk() { # folder, version, [jre]
  mkdir -p "$1/bin"; cp "$WINEPREFIX/drive_c/windows/system32/whoami.exe" "$1/bin/java.exe"
  [ "${3:-}" = jre ] || : > "$1/bin/javac.exe"
  printf 'IMPLEMENTOR="test"\r\nJAVA_VERSION="%s"\r\n' "$2" > "$1/release"
}
failed=0
expect() { # what, expected, got
  if [ "$2" = "$3" ]; then echo "ok   $1"; else echo "FAIL $1: expected [$2], got [$3]" >&2; failed=1; fi
}
# run FILE.cmd with the environment given before it; prints "rc=N" last
run() { env "$@" 2>&1 | tr -d '\r'; }

# ---- bin\find-jdk.cmd ----
repo="$scratch/repo"; mkdir -p "$repo/bin" "$scratch/stubs"
cp bin/find-jdk.cmd "$repo/bin/"
printf '@CALL "%%~dp0bin\\find-jdk.cmd"\r\n@ECHO rc=%%ERRORLEVEL%% JAVA_HOME=%%JAVA_HOME%%\r\n' > "$repo/probe.cmd"
probe() { run "$@" "$wine" cmd /c "$(win "$repo/probe.cmd")" | grep -E '^rc=|needs a JDK' | tr '\n' ' ' | sed 's/ $//'; }
fake_jdk "$pf/Java/jdk-17" 17.0.10
fake_jdk "$pf/Java/jre1.8.0_392" 1.8.0_392
fake_jdk "$pf/Java/jre-23" 23.0.1 jre
expect "no JDK 21+ anywhere: a clear failure" \
  "b24-tasks needs a JDK 21 or newer; none found (JAVA_HOME, PATH, C:\\Program Files). Install one and set JAVA_HOME. rc=1 JAVA_HOME=" \
  "$(probe)"
fake_jdk "$pf/Eclipse Adoptium/jdk-21.0.5.11-hotspot" 21.0.5
fake_jdk "$pf/Java/jdk-25" 25.0.1
expect "JAVA_HOME unset: the newest JDK 21+ in the install folders" 'rc=0 JAVA_HOME=C:\Program Files\Java\jdk-25' "$(probe)"
expect "JAVA_HOME a JDK 17: passed over" 'rc=0 JAVA_HOME=C:\Program Files\Java\jdk-25' \
  "$(probe 'JAVA_HOME=C:\Program Files\Java\jdk-17')"
expect "JAVA_HOME a JRE 23 (no javac): passed over" 'rc=0 JAVA_HOME=C:\Program Files\Java\jdk-25' \
  "$(probe 'JAVA_HOME=C:\Program Files\Java\jre-23')"
expect "JAVA_HOME a JDK 21: kept" 'rc=0 JAVA_HOME=C:\Program Files\Eclipse Adoptium\jdk-21.0.5.11-hotspot' \
  "$(probe 'JAVA_HOME=C:\Program Files\Eclipse Adoptium\jdk-21.0.5.11-hotspot')"

# ---- mvnw.cmd: the hook runs before the wrapper's PowerShell part, and stops it when there is no JDK ----
cp mvnw.cmd "$repo/"
mv "$pf/Java/jdk-25" "$scratch/jdk-25"; mv "$pf/Eclipse Adoptium" "$scratch/adoptium"
got=$(run "$wine" cmd /c "$(win "$repo/mvnw.cmd")" -v; echo "rc=$?")
expect "mvnw.cmd without a JDK 21+: our message, exit 1, no Maven" "needs a JDK|rc=1" \
  "$(grep -o 'needs a JDK\|rc=[0-9]*\|Cannot start maven' <<<"$got" | tr '\n' '|' | sed 's/|$//')"
mv "$scratch/jdk-25" "$pf/Java/jdk-25"; mv "$scratch/adoptium" "$pf/Eclipse Adoptium"

# ---- b24-tasks.cmd: when it builds, with what, and what a failed build does ----
cp b24-tasks.cmd "$repo/"
printf '@ECHO mvnw %%*>> "%%~dp0calls.txt"\r\n@EXIT /B 3\r\n' > "$repo/mvnw.cmd"
printf '@EXIT /B %%B24_TEST_STALE%%\r\n' > "$scratch/stubs/powershell.cmd"
launch() { # prints the exit code; the output goes to $scratch/out.txt
  rm -f "$repo/calls.txt"
  set +e; env WINEPATH="$(win "$scratch/stubs")" "$@" "$wine" cmd /c "$(win "$repo/b24-tasks.cmd")" serve --port 0 \
    2>/dev/null | tr -d '\r' > "$scratch/out.txt"; echo "${PIPESTATUS[0]}"; set -e
}
ran_java() { grep -qxF "$whoami" "$scratch/out.txt" && echo "java ran" || echo "no java"; }
build=$(sed -n 's|.*\./mvnw \(-B -q -DskipTests -pl server -am package\).*|\1|p' b24-tasks)
calls() { [ -f "$repo/calls.txt" ] && tr -d '\r' < "$repo/calls.txt" | sed 's/ *$//' || true; }
# (the build stub exits 3; Wine's CALL turns any non-zero exit of a batch file into 1, Windows keeps it)
failure() { [ "$1" != 0 ] && echo "failed" || echo "exit 0"; }
rc=$(launch B24_TEST_STALE=0)
expect "no jar: builds with the shell launcher's command; a failed build fails the launcher, no java runs" \
  "failed|mvnw $build|no java" "$(failure "$rc")|$(calls)|$(ran_java)"
mkdir -p "$repo/server/target"; : > "$repo/server/target/b24-tasks.jar"
rc=$(launch B24_TEST_STALE=1)
expect "a stale jar: builds" "failed|mvnw $build|no java" "$(failure "$rc")|$(calls)|$(ran_java)"
rc=$(launch B24_TEST_STALE=0)
expect "a fresh jar: no build, runs the JDK's java.exe" "0||java ran" "$rc|$(calls)|$(ran_java)"
mv "$pf/Java/jdk-25" "$scratch/jdk-25"; mv "$pf/Eclipse Adoptium" "$scratch/adoptium"
rc=$(launch B24_TEST_STALE=1)
expect "no JDK 21+: exit 1 before any build" "1||no java" "$rc|$(calls)|$(ran_java)"

[ $failed = 0 ] && echo "Windows scripts under Wine: every check passed" || { echo "Windows scripts under Wine: FAILED" >&2; exit 1; }
