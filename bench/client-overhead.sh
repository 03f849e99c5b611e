#!/usr/bin/env bash
# Client CPU per request of the Java client (client/), beside wrk's, against one b24-tasks server on a fresh
# embedded store. Sequential calls on one connection: wrk -t1 -c1, a bare java.net.http + Jackson loop, and the
# Bitrix24 client (rate limit off). The figure that matters is the client's CPU per request next to the bare loop's
# (its own overhead) and wrk's (the floor of any HTTP client); wall times only say how busy the machine was.
#
#   bench/client-overhead.sh                 5 s per measurement (warm-ups of 5 s, each Java loop in two
#                                            alternating halves): about 30 s of load, plus the build
#   bench/client-overhead.sh --duration 10   seconds per measurement
#   bench/client-overhead.sh --method tasks.task.get --params '{"taskId":1}'   (a task is made first)
set -euo pipefail
here=$(CDPATH='' cd -- "$(dirname -- "$0")/.." && pwd)
. "$here/bin/find-jdk.sh"
duration=5 method=server.time params='{}'
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration=$2; shift ;;
    --method) method=$2; shift ;;
    --params) params=$2; shift ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
say() { printf '%s\n' "$*" >&2; }
command -v wrk >/dev/null 2>&1 || { say "wrk is needed (apt-get install wrk)"; exit 1; }

jar="$here/server/target/b24-tasks.jar"
cp_file="$here/client/target/client-overhead.classpath"
say "Building the server jar and the client ..."
# The measuring main lives with the client's tests (client/src/test/java/dev/b24tasks/client/bench), so the
# benchmark module, which JMH builds alone, does not depend on the client; the last module written wins the file.
(cd "$here" && ./mvnw -B -q -o -DskipTests -pl server,client -am package dependency:build-classpath \
  -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test) >&2
cp="$here/client/target/test-classes:$here/client/target/classes:$(cat "$cp_file")"

work=$(mktemp -d /tmp/b24-client-bench.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
code=benchclient
pid=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill "$pid"; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
"$JAVA_HOME/bin/java" -Xms256m -Xmx256m --enable-native-access=ALL-UNNAMED -jar "$jar" serve --data "$work/data" \
  --port "$port" --tls-port -1 --rate-limit off --webhook "1:$code" >"$work/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 3000); do
  curl -s -o /dev/null -X POST -H 'Content-Type: application/json' -d '{}' "$base/rest/1/$code/server.time" && break
  kill -0 "$pid" 2>/dev/null || { tail -30 "$work/server.log" >&2; exit 1; }
  sleep 0.02
done
hook="$base/rest/1/$code/"
if [ "$method" = tasks.task.get ]; then
  curl -s -X POST -H 'Content-Type: application/json' -d '{"fields":{"TITLE":"bench","RESPONSIBLE_ID":1}}' \
    "${hook}tasks.task.add" >/dev/null
fi

say "wrk -t1 -c1, ${duration} s, $method ..."
cat >"$work/one.lua" <<LUA
wrk.method = "POST"
wrk.body = '$params'
wrk.headers["Content-Type"] = "application/json"
LUA
python3 - "$work/one.lua" "${hook}${method}" "$duration" <<'PY'
import re, resource, subprocess, sys
lua, url, d = sys.argv[1], sys.argv[2], sys.argv[3]
subprocess.run(["wrk", "-t1", "-c1", "-d1s", "-s", lua, url], capture_output=True, check=True)  # warm-up
r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
out = subprocess.run(["wrk", "-t1", "-c1", f"-d{d}s", "-s", lua, url], capture_output=True, text=True, check=True).stdout
r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
n = int(re.search(r"(\d+) requests in", out).group(1))
cpu = (r1.ru_utime + r1.ru_stime - r0.ru_utime - r0.ru_stime) * 1e6 / n
print(f"{'wrk (C, -t1 -c1)':30s} {n:8d} requests  {cpu:7.1f} us CPU/request  {float(d) * 1e6 / n:7.1f} us wall/request")
PY
"$JAVA_HOME/bin/java" -Xms256m -Xmx256m -XX:+UseSerialGC -cp "$cp" dev.b24tasks.client.bench.ClientOverhead \
  "$hook" "$duration" "$method" "$params"
