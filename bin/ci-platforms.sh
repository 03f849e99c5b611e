#!/usr/bin/env bash
# The build test of the embedded PostgreSQL's platforms (README, "Two commands"). For each platform it checks
#  1. that the Maven profile activated by that OS and architecture picks that platform's zonky binaries, and that
#     they resolve (Maven's OS activation reads os.name/os.arch, which -D sets for the check), and
#  2. that the jar built with -Dpg.platform=NAME holds exactly that platform's PostgreSQL archive,
# and then that -Dpg.platform=all holds all five. It builds in a scratch copy of the tree, so server/target stays as
# it was. Run by .ci/run; about three minutes when the artifacts are in ~/.m2 (the two macOS ones are ~70 MB each).
#   bin/ci-platforms.sh [NAME...]      (default: every platform, then all)
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/find-jdk.sh
# platform | os.name | os.arch | archive in the binaries jar
table="linux-amd64|Linux|amd64|postgres-linux-x86_64.txz
linux-arm64v8|Linux|aarch64|postgres-linux-arm_64.txz
darwin-arm64v8|Mac OS X|aarch64|postgres-darwin-arm_64.txz
darwin-amd64|Mac OS X|x86_64|postgres-darwin-x86_64.txz
windows-amd64|Windows 11|amd64|postgres-windows-x86_64.txz"
wanted=("$@")
[ ${#wanted[@]} -gt 0 ] || wanted=(linux-amd64 linux-arm64v8 darwin-arm64v8 darwin-amd64 windows-amd64 all)

scratch=$(mktemp -d "${TMPDIR:-/tmp}/b24-platforms.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
tar --exclude=./server/target --exclude=./bench/target --exclude=./data --exclude=./.git --exclude='*/node_modules' \
  -cf - . | tar -xf - -C "$scratch"
mvn() { (cd "$scratch" && ./mvnw -B -q "$@"); }
archives() { unzip -Z1 "$scratch/server/target/b24-tasks.jar" | grep -E '^postgres-.*\.txz$' | sort | tr '\n' ' '; }
failed=0
check() { # what, expected, got
  if [ "$2" = "$3" ]; then echo "ok   $1: $3"; else echo "FAIL $1: expected '$2', got '$3'" >&2; failed=1; fi
}
for name in "${wanted[@]}"; do
  if [ "$name" = all ]; then
    mvn -pl server -am package -DskipTests -Dmaven.compiler.useIncrementalCompilation=false -Dpg.platform=all
    check "jar built with -Dpg.platform=all" "$(cut -d'|' -f4 <<<"$table" | sort | tr '\n' ' ')" "$(archives)"
    continue
  fi
  row=$(grep "^$name|" <<<"$table") || { echo "unknown platform $name" >&2; exit 2; }
  IFS='|' read -r _ osname osarch archive <<<"$row"
  # 1. the profile that this OS and architecture activate, and what it resolves (downloads it if needed)
  mvn -pl server dependency:resolve "-Dos.name=$osname" "-Dos.arch=$osarch" -DincludeGroupIds=io.zonky.test.postgres \
    -DoutputFile="$scratch/deps-$name.txt" -DoutputAbsoluteArtifactFilename=false
  got=$(grep -o 'embedded-postgres-binaries-[a-z0-9-]*:jar:[0-9.]*' "$scratch/deps-$name.txt" | sort | tr '\n' ' ')
  check "$osname/$osarch resolves" "embedded-postgres-binaries-$name:jar:$(sed -n 's:.*<zonky.binaries.version>\(.*\)</zonky.binaries.version>.*:\1:p' pom.xml) " "$got"
  # 2. the jar for that platform
  mvn -pl server -am package -DskipTests -Dmaven.compiler.useIncrementalCompilation=false "-Dpg.platform=$name"
  check "jar built with -Dpg.platform=$name" "$archive " "$(archives)"
done
[ $failed = 0 ] && echo "Embedded PostgreSQL platforms: every check passed" || { echo "Embedded PostgreSQL platforms: FAILED" >&2; exit 1; }
