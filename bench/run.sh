#!/usr/bin/env bash
# b24-tasks HTTP benchmark: one server on a fresh store, seeded, driven by wrk; every workload side by side with
# the server.time baseline of the same run. See the "Benchmarks" section of the README.
#
#   bench/run.sh                  1,000 users, 1,000,000 tasks, 5 s warm-up + 10 s per workload, 2 threads, 64 conns
#   bench/run.sh --quick          200 users, 10,000 tasks, 2 s + 5 s per workload
#   options: --users N --tasks T --duration 10s --warmup 5s --connections 64 --threads 2 --heap 512m
#            --workloads baseline,get,list,list-deep,list-keyset,write   (default: all that the server has methods for; write
#                                  goes last, as it changes the members the other workloads' callers rely on)
#            --jfr                 record a JFR profile of each measured workload and print its hottest frames
#            --no-save             do not write bench/results/<date>.md
#            --keep                keep the temporary data folder
#            --nice N              run the server and wrk at this niceness (e.g. -10 on a machine others share)
#            --jar PATH            benchmark this server jar instead of building server/target/b24-tasks.jar
#            --no-peer             do not run WireMock beside us (every workload is then a ratio to server.time only)
#            --peer-warmup 20s     WireMock's warm-up before its measured run (its JIT needs it)
set -euo pipefail
here=$(CDPATH='' cd -- "$(dirname -- "$0")/.." && pwd)
. "$here/bin/find-jdk.sh"

users=1000 tasks=1000000 duration=10s warmup=5s conns=64 threads=2 heap=512m
workloads="baseline,get,list,list-deep,list-keyset,write" jfr=0 save=1 keep=0 quick=0 niceness=0 jar=""
peer=1 peer_warmup=20s
# The peer: WireMock, as integrators run it in CI, from Maven Central (pinned here like the root pom pins ours).
wiremock_version=3.13.2
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 users=200 tasks=10000 duration=5s warmup=2s ;;
    --users) users=$2; shift ;;
    --tasks) tasks=$2; shift ;;
    --duration) duration=$2; shift ;;
    --warmup) warmup=$2; shift ;;
    --connections) conns=$2; shift ;;
    --threads) threads=$2; shift ;;
    --heap) heap=$2; shift ;;
    --workloads) workloads=$2; shift ;;
    --jfr) jfr=1 ;;
    --no-save) save=0 ;;
    --keep) keep=1 ;;
    --nice) niceness=$2; shift ;;
    --jar) jar=$2; shift ;;
    --no-peer) peer=0 ;;
    --peer-warmup) peer_warmup=$2; shift ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

say() { printf '%s\n' "$*" >&2; }
now_ms() { date +%s%3N; }

# --- tools -----------------------------------------------------------------------------------------------------
if ! command -v wrk >/dev/null 2>&1; then
  say "Installing wrk (Debian package) ..."
  apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
fi
command -v psql >/dev/null 2>&1 || { say "psql is needed to seed the store (apt-get install postgresql-client)"; exit 1; }

if [ -z "$jar" ] && jar="$here/server/target/b24-tasks.jar" && { [ ! -f "$jar" ] || [ -n "$(find "$here/server/src/main" "$here/server/pom.xml" "$here/pom.xml" -newer "$jar" -type f 2>/dev/null | head -n 1)" ]; }; then
  say "Building $jar ..."
  (cd "$here" && ./mvnw -B -q -o -DskipTests -pl server -am package) >&2
fi

# --- the server ------------------------------------------------------------------------------------------------
# The embedded store in a temporary data folder: it is what `b24-tasks serve` runs by default, it is private to
# this run (the shared PostgreSQL on :5432 also serves every developer's test builds), it starts with fsync and
# synchronous_commit on, and its size on disk is simply the size of the folder.
work=$(mktemp -d /tmp/b24-bench.XXXXXX)
data="$work/data"
out="$work/out"
mkdir -p "$out"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null \
  || echo 18080)
base="http://127.0.0.1:$port"
admin_code=benchadmin
pid=""
sampler=""

peer_pid=""
cleanup() {
  [ -n "$sampler" ] && kill "$sampler" 2>/dev/null || true
  [ -n "$peer_pid" ] && kill "$peer_pid" 2>/dev/null || true
  stop_server
  if [ "$keep" = 1 ]; then say "Kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

start_server() {
  local t0
  t0=$(now_ms)
  # class data sharing as ./b24-tasks runs it: the fresh start writes the archive, the restart maps it
  nice -n "$niceness" "$JAVA_HOME/bin/java" -Xms"$heap" -Xmx"$heap" -XX:+AlwaysPreTouch --enable-native-access=ALL-UNNAMED \
    -XX:SharedArchiveFile="$work/b24-tasks.jsa" -XX:+AutoCreateSharedArchive -jar "$jar" serve --data "$data" --port "$port" --tls-port -1 --rate-limit off --webhook "1:$admin_code" \
    >>"$work/server.log" 2>&1 &
  pid=$!
  # ready = the first server.time answered 200
  for _ in $(seq 1 3000); do
    if curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' -d '{}' \
        "$base/rest/1/$admin_code/server.time" 2>/dev/null | grep -q 200; then
      ready_ms=$(( $(now_ms) - t0 ))
      # CPU the JVM used to get there: steadier than wall time on a machine others are also busy on
      ready_cpu_ms=$(awk -v t="$(getconf CLK_TCK)" '{printf "%d", ($14 + $15) * 1000 / t}' "/proc/$pid/stat")
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || { say "The server died; its log:"; tail -40 "$work/server.log" >&2; exit 1; }
    sleep 0.02
  done
  say "The server did not answer within 60 s"; exit 1
}

stop_server() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  pid=""
}

# The embedded PostgreSQL: its postmaster's pid and port are the first and fourth lines of postmaster.pid.
pg_pid() { sed -n 1p "$data/pg/postmaster.pid"; }
pg_port() { sed -n 4p "$data/pg/postmaster.pid"; }
sql() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$(pg_port)" -U postgres -d postgres "$@"; }

# Peak memory: the JVM's VmHWM, and the largest sum of PSS over the postgres processes seen by a 1 s sampler
# (PSS splits shared buffers fairly between backends, so the sum is not inflated as an RSS sum would be).
pg_pss_kb() {
  local pp total=0 p v
  pp=$(pg_pid 2>/dev/null) || { echo 0; return; }
  for p in $pp $(ps -o pid= --ppid "$pp" 2>/dev/null); do
    v=$(awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup" 2>/dev/null || echo 0)
    total=$((total + ${v:-0}))
  done
  echo "$total"
}
start_sampler() {
  ( set +e; peak=0
    while :; do v=$(pg_pss_kb); if [ "${v:-0}" -gt "$peak" ]; then peak=$v; echo "$peak" >"$out/pg_peak_kb"; fi; sleep 1; done ) &
  sampler=$!
}
# Transactions committed or rolled back, and index + sequential scans of the store's tables, so far.
# And the WAL flushes (fsyncs of WAL files, PostgreSQL 18's pg_stat_io): fewer than commits means commits shared one.
pg_counters() {
  sql -At -F' ' -c "SELECT (SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = 'postgres'),
    (SELECT coalesce(sum(coalesce(idx_scan, 0) + seq_scan), 0) FROM pg_stat_user_tables),
    (SELECT coalesce(sum(fsyncs), 0) FROM pg_stat_io WHERE object = 'wal')"
}
jvm_hwm_kb() { awk '/^VmHWM:/ {print $2}' "/proc/$pid/status"; }

# CPU ticks (user + system) used so far by the server: the JVM and every process of its PostgreSQL. Per request,
# this is the cost of a call whatever else the machine is doing; 2 cores divided by it bounds the throughput.
proc_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
pg_ticks() {
  local pp p total=0
  pp=$(pg_pid 2>/dev/null || true)
  for p in $pp $( [ -n "$pp" ] && ps -o pid= --ppid "$pp" ); do total=$((total + $(proc_ticks "$p"))); done
  echo "$total"
}
ticks_per_s=$(getconf CLK_TCK)

load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# --- seed ------------------------------------------------------------------------------------------------------
say "b24-tasks benchmark: $users users, $tasks tasks, wrk -t$threads -c$conns -d$duration (warm-up $warmup), heap $heap"
say "  work folder $work, port $port"
start_server; fresh_ms=$ready_ms fresh_cpu_ms=$ready_cpu_ms
say "  fresh store: first request served ${fresh_ms} ms after exec (initdb + migrations), JVM CPU ${fresh_cpu_ms} ms"

has_tasks=$(sql -At -c "SELECT to_regclass('public.tasks') IS NOT NULL")
seed_t0=$(now_ms)
sql -v users="$users" -f "$here/bench/seed/users.sql"
if [ "$has_tasks" = t ]; then
  sql -v users="$users" -v tasks="$tasks" -f "$here/bench/seed/tasks.sql"
else
  say "  the tasks schema does not exist in this build: task workloads are skipped"
  tasks=0
fi
seed_ms=$(( $(now_ms) - seed_t0 ))
say "  seeded in ${seed_ms} ms"

# A restart on the now existing, seeded store: the start-up time integrators see every day.
stop_server
start_server; restart_ms=$ready_ms restart_cpu_ms=$ready_cpu_ms
say "  existing store: first request served ${restart_ms} ms after exec, JVM CPU ${restart_cpu_ms} ms"
start_sampler

# --- the peer --------------------------------------------------------------------------------------------------
export BENCH_LUA="$here/bench/lua" BENCH_USERS="$users" BENCH_TASKS="$tasks" BENCH_ADMIN="1/$admin_code" \
  BENCH_THREADS="$threads"
# WireMock 3 standalone answering the seed page's 6.5 KB tasks.task.defer example (the body inline in the mapping)
# with the options the issue names; timed to its first answer like us, then warmed up and measured first.
peer_line="" peer_ready_ms=""
start_peer() {
  local m2="${MAVEN_REPO:-$HOME/.m2/repository}" wjar seed root t0
  wjar="$m2/org/wiremock/wiremock-standalone/$wiremock_version/wiremock-standalone-$wiremock_version.jar"
  if [ ! -f "$wjar" ]; then
    say "Fetching WireMock $wiremock_version from Maven Central ..."
    (cd "$here" && ./mvnw -B -q dependency:get -Dartifact="org.wiremock:wiremock-standalone:$wiremock_version" \
      -Dtransitive=false) >&2 || { say "  WireMock could not be fetched: no peer in this run"; return 1; }
  fi
  seed=$(grep -l '^# Translate the task to Deferred status tasks.task.defer' "$here"/../shared/seeds/*.txt \
    "$here"/../../shared/seeds/*.txt /work/shared/seeds/*.txt 2>/dev/null | head -n 1 || true)
  root="$work/wiremock"; mkdir -p "$root/mappings" "$root/__files"
  python3 - "$seed" "$root/mappings/defer.json" <<'PY' || return 1
import json, re, sys
seed, out = sys.argv[1], sys.argv[2]
body = None
if seed:
    text = open(seed, encoding="utf-8").read()
    # the page's example answer: the first JSON block that is an envelope with a task in its result
    for block in re.findall(r"```json\n(.*?)```", text, re.S):
        try:
            v = json.loads(block)
        except ValueError:
            continue
        if isinstance(v, dict) and "result" in v:
            body = json.dumps(v, ensure_ascii=False, separators=(",", ":"))
            break
if body is None:
    sys.exit("the seed page of tasks.task.defer was not found: no peer in this run")
json.dump({"request": {"method": "POST", "urlPathPattern": "/rest/.*"},
           "response": {"status": 200, "headers": {"Content-Type": "application/json; charset=utf-8"},
                        "body": body}}, open(out, "w"))
print(len(body.encode()), file=sys.stderr)
PY
  peer_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  t0=$(now_ms)
  nice -n "$niceness" "$JAVA_HOME/bin/java" -Xms"$heap" -Xmx"$heap" -jar "$wjar" --port "$peer_port" \
    --bind-address 127.0.0.1 --root-dir "$root" --container-threads 8 --no-request-journal \
    --disable-request-logging --use-chunked-encoding never --disable-banner >"$work/wiremock.log" 2>&1 &
  peer_pid=$!
  for _ in $(seq 1 3000); do
    if curl -s -o /dev/null -w '%{http_code}' -X POST -d '{}' "http://127.0.0.1:$peer_port/rest/1/peer/tasks.task.defer" \
        2>/dev/null | grep -q 200; then
      peer_ready_ms=$(( $(now_ms) - t0 )); return 0
    fi
    kill -0 "$peer_pid" 2>/dev/null || { say "WireMock died:"; tail -20 "$work/wiremock.log" >&2; peer_pid=""; return 1; }
    sleep 0.02
  done
  return 1
}

run_peer() {
  local lua="$here/bench/lua/peer.lua" pbase="http://127.0.0.1:$peer_port"
  nice -n "$niceness" wrk -t"$threads" -c"$conns" -d"$peer_warmup" --timeout 10s -s "$lua" "$pbase" >"$out/peer.warmup.txt" 2>&1 || true
  nice -n "$niceness" wrk -t"$threads" -c"$conns" -d"$duration" --timeout 10s --latency -s "$lua" "$pbase" \
    >"$out/peer.txt" 2>&1 || true
  peer_line=$(grep '^BENCH ' "$out/peer.txt" || true)
  say "  WireMock $wiremock_version (first answer after ${peer_ready_ms} ms): $(echo "$peer_line" | awk '{print $4, $5, $7}')"
  kill "$peer_pid" 2>/dev/null || true; wait "$peer_pid" 2>/dev/null || true; peer_pid=""
}

if [ "$peer" = 1 ]; then
  if start_peer; then run_peer; else say "  no peer in this run"; fi
fi

# --- workloads -------------------------------------------------------------------------------------------------
declare -A script=( [baseline]=baseline.lua [get]=get.lua [write]=write.lua [list]=list.lua [list-deep]=list.lua
  [list-keyset]=list-keyset.lua )
declare -A title=(
  [baseline]="server.time (baseline)"
  [get]="tasks.task.get, random visible task"
  [write]="lifecycle writes (8 actions)"
  [list]="tasks.task.list, filter+order, page 1"
  [list-deep]="tasks.task.list, filter+order, page 201-401"
  [list-keyset]="tasks.task.list, SDK paging (>ID, start=-1)" )
declare -A result
ran=()

run_workload() {
  local w=$1 lua="$here/bench/lua/${script[$1]}" line
  export BENCH_DEEP=$([ "$w" = list-deep ] && echo 1 || echo 0)
  # writes warm up on the first half of the tasks and are measured on the second: each run starts from the
  # seeded statuses its script knows
  [ "$w" = write ] && export BENCH_RANGE="1-$((tasks / 2))"
  nice -n "$niceness" wrk -t"$threads" -c"$conns" -d"$warmup" --timeout 10s -s "$lua" "$base" >"$out/$w.warmup.txt" 2>&1 || true
  [ "$w" = write ] && export BENCH_RANGE="$((tasks / 2 + 1))-$tasks"
  [ "$jfr" = 1 ] && jcmd "$pid" JFR.start name="$w" settings=profile filename="$out/$w.jfr" >/dev/null
  local j0 j1 p0 p1 x0 x1
  x0=$(pg_counters)
  j0=$(proc_ticks "$pid"); p0=$(pg_ticks)
  local TIMEFORMAT='%U %S'  # the client's own CPU, from bash's time
  { time nice -n "$niceness" wrk -t"$threads" -c"$conns" -d"$duration" --timeout 10s --latency -s "$lua" "$base" \
      >"$out/$w.txt" 2>&1; } 2>"$out/$w.time" || true
  j1=$(proc_ticks "$pid"); p1=$(pg_ticks)
  sleep 1; x1=$(pg_counters)  # backends publish their statistics within a second
  unset BENCH_RANGE
  [ "$jfr" = 1 ] && jcmd "$pid" JFR.stop name="$w" >/dev/null
  line=$(grep '^BENCH ' "$out/$w.txt" || true)
  if [ -z "$line" ]; then say "  $w: wrk gave no result:"; cat "$out/$w.txt" >&2; return; fi
  # server CPU per request, in microseconds: all of it, and the JVM's and PostgreSQL's shares
  # and what 2 cores would serve if server and client had them to themselves: 2 s of CPU / (CPU per request)
  result[$w]="$line $(awk -v j=$((j1 - j0)) -v p=$((p1 - p0)) -v hz="$ticks_per_s" -v l="$line" \
      -v c="$(awk '{print $1 + $2}' "$out/$w.time" 2>/dev/null || echo 0)" -v cores="$(nproc)" 'BEGIN {
    match(l, /requests=[0-9]+/); n = substr(l, RSTART + 9, RLENGTH - 9) + 0; if (n == 0) n = 1
    server = (j + p) / hz / n; client = c / n
    printf "jvm_us=%.0f pg_us=%.0f cpu_us=%.0f wrk_us=%.0f capacity=%.0f", j * 1e6 / hz / n, p * 1e6 / hz / n,
      server * 1e6, client * 1e6, (server + client > 0 ? cores / (server + client) : 0) }')"
  # PostgreSQL's own count of what each request cost it: transactions, and index or table scans
  result[$w]="${result[$w]} $(echo "$x0 $x1" | awk -v l="$line" '{
    match(l, /requests=[0-9]+/); n = substr(l, RSTART + 9, RLENGTH - 9) + 0; if (n == 0) n = 1
    printf "xact=%.1f scans=%.1f walsync=%.2f", ($4 - $1) / n, ($5 - $2) / n, ($6 - $3) / n }')"
  ran+=("$w")
  say "  $w: $(echo "${result[$w]}" | awk '{print $4, $5, $7, $9, $10, $11, $NF}')"
}

IFS=',' read -r -a wanted <<<"$workloads"
for w in "${wanted[@]}"; do
  [ -n "${script[$w]:-}" ] || { say "unknown workload $w"; exit 2; }
  if [ "$w" != baseline ] && [ "$tasks" = 0 ]; then continue; fi
  # a workload whose method the server does not have yet is skipped, not failed
  if [ "$w" != baseline ]; then
    m=$(case $w in get) echo tasks.task.get ;; write) echo tasks.task.start ;; *) echo tasks.task.list ;; esac)
    code=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' -d '{}' \
      "$base/rest/1/$admin_code/$m")
    if [ "$code" = 404 ]; then say "  $w: skipped, the server has no $m yet"; continue; fi
  fi
  run_workload "$w"
done

# --- memory, store size ----------------------------------------------------------------------------------------
jvm_peak_kb=$(jvm_hwm_kb)
pg_peak_kb=$(cat "$out/pg_peak_kb" 2>/dev/null || echo 0)
db_bytes=$(sql -At -c "SELECT pg_database_size('postgres')")
tasks_bytes=$([ "$has_tasks" = t ] && sql -At -c "SELECT pg_total_relation_size('tasks')" || echo 0)
dir_bytes=$(du -sb "$data/pg" | awk '{print $1}')
# The disk's durable-write rate bounds durable commits: each commit waits for one WAL flush, shared at most by
# the commits of the pool's connections that wait with it.
fsync_line=""
pgtf=$(ls /usr/lib/postgresql/*/bin/pg_test_fsync 2>/dev/null | tail -n 1 || true)
if [ -n "$pgtf" ] && [ "$quick" = 0 ]; then
  fsync_line=$("$pgtf" -s 1 -f "$work/fsync.test" 2>/dev/null \
    | awk '$1 == "fdatasync" && $2 ~ /^[0-9.]+$/ {print $2, $3, "(" $4, $5 ")"; exit}' || true)
fi

# --- report ----------------------------------------------------------------------------------------------------
field() { echo "${result[$1]}" | tr ' ' '\n' | awk -F= -v k="$2" '$1 == k {print $2}'; }
ms() { awk -v u="$1" 'BEGIN { printf "%.2f", u / 1000 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "-" }'; }
mb() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }

report() {
  local b_rps b_p50 b_p99 b_cpu
  local pr_rps
  pr_rps=$(echo "$peer_line" | tr ' ' '\n' | awk -F= '$1 == "rps" {print $2}')
  if [ -n "$peer_line" ]; then
    printf '| WireMock %s, the seed page'"'"'s tasks.task.defer answer from memory (the peer) | %.0f | %s | %s | | | | | | | | | | | | | | |\n' \
      "$wiremock_version" "$pr_rps" "$(ratio "$pr_rps" "$(field baseline rps 2>/dev/null || echo 0)")" \
      "$(ms "$(echo "$peer_line" | tr ' ' '\n' | awk -F= '$1 == "p50_us" {print $2}')")"
  fi
  echo "| workload | req/s | × baseline | × WireMock | p50 ms | × baseline | p95 ms | p99 ms | × baseline | 2xx | 4xx | 5xx + errors | server CPU µs/req (JVM + PG) | × baseline | wrk CPU µs/req | req/s the cores could serve | PG transactions/req | PG scans/req | WAL flushes/req |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  b_rps=$(field baseline rps 2>/dev/null || echo 0); b_p50=$(field baseline p50_us 2>/dev/null || echo 0)
  b_p99=$(field baseline p99_us 2>/dev/null || echo 0); b_cpu=$(field baseline cpu_us 2>/dev/null || echo 0)
  for w in "${ran[@]}"; do
    local rps p50 p95 p99
    rps=$(field "$w" rps); p50=$(field "$w" p50_us); p95=$(field "$w" p95_us); p99=$(field "$w" p99_us)
    printf '| %s | %.0f | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "${title[$w]}" "$rps" \
      "$(ratio "$rps" "${b_rps:-0}")" "$(ratio "$rps" "${pr_rps:-0}")" "$(ms "$p50")" "$(ratio "$p50" "${b_p50:-0}")" "$(ms "$p95")" "$(ms "$p99")" \
      "$(ratio "$p99" "${b_p99:-0}")" "$(field "$w" s2xx)" "$(field "$w" s4xx)" \
      "$(( $(field "$w" s5xx) + $(field "$w" sother) + $(field "$w" sock_errors) ))" "$(field "$w" cpu_us) ($(field "$w" jvm_us) + $(field "$w" pg_us))" \
      "$(ratio "$(field "$w" cpu_us)" "${b_cpu:-0}")" "$(field "$w" wrk_us)" "$(field "$w" capacity)" \
      "$(field "$w" xact)" "$(field "$w" scans)" "$(field "$w" walsync)"
  done
  echo
  echo "| measure | value |"
  echo "|---|---:|"
  echo "| first request after exec, fresh store (initdb + migrations) | ${fresh_ms} ms (JVM CPU ${fresh_cpu_ms} ms) |"
  echo "| first request after exec, existing store with the seed | ${restart_ms} ms (JVM CPU ${restart_cpu_ms} ms) |"
  if [ -n "$peer_ready_ms" ]; then
    echo "| WireMock: first answer after exec | ${peer_ready_ms} ms (ours on the existing store: $(ratio "$restart_ms" "$peer_ready_ms")×) |"
  fi
  echo "| seeding $users users + $tasks tasks | ${seed_ms} ms |"
  echo "| server JVM peak RSS (VmHWM, heap fixed at $heap) | $(mb "$jvm_peak_kb") MB |"
  echo "| embedded PostgreSQL peak PSS (all its processes) | $(mb "$pg_peak_kb") MB |"
  echo "| store: data folder on disk (with WAL) | $((dir_bytes / 1048576)) MB |"
  echo "| store: database size / tasks table with indexes | $((db_bytes / 1048576)) MB / $((tasks_bytes / 1048576)) MB |"
  if [ -n "$fsync_line" ]; then echo "| the store's disk: fdatasync of one 8 kB write (pg_test_fsync) | ${fsync_line} |"; fi
}

env_block() {
  echo "- run: $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$here" rev-parse --short HEAD), jar $jar$(git -C "$here" diff --quiet HEAD -- server || echo ' (server modified)')"
  echo "- machine: $(nproc) CPUs ($(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)), client and server on the same machine; load average before the run: $load_before$([ "$niceness" != 0 ] && echo ", server and wrk at niceness $niceness")"
  echo "- JVM: $("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1), -Xms$heap -Xmx$heap; store: embedded PostgreSQL $(sql -At -c 'SHOW server_version' | cut -d' ' -f1), fsync $(sql -At -c 'SHOW fsync'), synchronous_commit $(sql -At -c 'SHOW synchronous_commit')"
  echo "- load: wrk -t$threads -c$conns -d$duration --timeout 10s --latency after a $warmup warm-up per workload, keep-alive, loopback"
  echo "- seed: $users users (+ the administrator), $tasks tasks"
}

table=$(report)
echo
env_block
echo
echo "$table"

if [ "$jfr" = 1 ]; then
  for w in "${ran[@]}"; do
    echo; echo "JFR, $w: hottest frames (top of stack, share of execution samples)"
    "$here/bench/jfr-top.sh" "$out/$w.jfr" 15
  done
fi

if [ "$save" = 1 ] && [ "$quick" = 0 ]; then
  mkdir -p "$here/bench/results"
  f="$here/bench/results/$(date -u +%Y-%m-%d).md"
  { echo "# b24-tasks benchmark, $(date -u +%Y-%m-%d)"; echo; env_block; echo; echo "$table"; } >"$f"
  say "Results written to $f"
fi
