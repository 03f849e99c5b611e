#!/usr/bin/env bash
# Event delivery benchmark, read from the server's own delivery log:
#  1. N changes (batches of 50 tasks.task.add from 4 clients) with a handler that answers at once: the lag from the
#     change's commit to the handler's answer (p50/p99), and events per second end to end (bound by the writes);
#  2. a backlog of M events committed to the outbox in one transaction: how fast the node drains it (delivery alone).
#
#   bench/events.sh [--events N] [--backlog M] [--jar server/target/b24-tasks.jar] [--port 19200] [--handler-port 19201]
#
# Needs a PostgreSQL on 127.0.0.1:5432 (user postgres), python3, curl, psql. Makes and drops its own database.
set -euo pipefail
cd "$(dirname "$0")/.."
EVENTS=2000
BACKLOG=5000
JAR=server/target/b24-tasks.jar
PORT=19200
HPORT=19201
while [ $# -gt 0 ]; do
  case "$1" in
    --events) EVENTS=$2; shift 2 ;;
    --backlog) BACKLOG=$2; shift 2 ;;
    --jar) JAR=$2; shift 2 ;;
    --port) PORT=$2; shift 2 ;;
    --handler-port) HPORT=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
. bin/find-jdk.sh
JAVA="$JAVA_HOME/bin/java"
DB=bench_events_$$
WORK=$(mktemp -d)
psql -q -h 127.0.0.1 -U postgres -c "CREATE DATABASE $DB" postgres
cleanup() {
  [ -n "${SERVER:-}" ] && kill "$SERVER" 2>/dev/null || true
  [ -n "${HANDLER:-}" ] && kill "$HANDLER" 2>/dev/null || true
  wait 2>/dev/null || true
  psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" postgres || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# the handler: answers 200 at once, as a well-behaved integration does
python3 - "$HPORT" <<'PY' &
import sys
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler
class H(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(200); self.send_header("Content-Length", "2"); self.end_headers(); self.wfile.write(b"ok")
    def log_message(self, *a): pass
ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
PY
HANDLER=$!

"$JAVA" -Xmx512m -jar "$JAR" serve --data "$WORK/data" --port "$PORT" --tls-port -1 --webhook 1:benchcode \
  --rate-limit off --database "jdbc:postgresql://127.0.0.1:5432/$DB?user=postgres" >"$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.2; done
BASE="http://127.0.0.1:$PORT/rest/1/benchcode"
curl -sf "$BASE/b24tasks.outgoing.add" -d "url=http://127.0.0.1:$HPORT/h&events[]=ONTASKADD" >/dev/null

# the changes: batches of 50 tasks.task.add, 4 clients at once
BATCHES=$(( (EVENTS + 49) / 50 ))
body() { local b=$1 q=""; for i in $(seq 0 49); do q="$q&cmd[t$i]=tasks.task.add%3Ffields%5BTITLE%5D%3Db$b-$i%26fields%5BRESPONSIBLE_ID%5D%3D1"; done; echo "halt=0$q"; }
seq 1 "$BATCHES" | xargs -P 4 -I{} sh -c "curl -sf '$BASE/batch' -d '$(body 0 | sed "s/b0-/b{}-/g")' >/dev/null"
TOTAL=$(( BATCHES * 50 ))
for _ in $(seq 1 1200); do
  N=$(psql -qtA -h 127.0.0.1 -U postgres -c "SELECT count(*) FROM event_deliveries WHERE outcome='delivered'" "$DB")
  [ "$N" -ge "$TOTAL" ] && break
  sleep 0.1
done
echo "1. $TOTAL changes through the REST API:"
psql -q -h 127.0.0.1 -U postgres "$DB" <<SQL
\pset footer off
SELECT count(*) AS delivered,
       round(count(*) / greatest(extract(epoch FROM max(attempted_at) - min(enqueued_at)), 0.001)) AS events_per_s,
       round(extract(epoch FROM percentile_cont(0.5) WITHIN GROUP (ORDER BY attempted_at - enqueued_at)) * 1000) AS lag_p50_ms,
       round(extract(epoch FROM percentile_cont(0.99) WITHIN GROUP (ORDER BY attempted_at - enqueued_at)) * 1000) AS lag_p99_ms,
       round(avg(duration_ms), 1) AS post_avg_ms
FROM event_deliveries WHERE outcome = 'delivered';
SQL

echo "2. a backlog of $BACKLOG events committed at once:"
MARK=$(psql -qtA -h 127.0.0.1 -U postgres -c "SELECT coalesce(max(id), 0) FROM event_deliveries" "$DB")
psql -q -h 127.0.0.1 -U postgres "$DB" <<SQL
INSERT INTO event_outbox (event_id, event_name, handler_id, handler, app_id, auth_user_id, send_tokens,
    application_token, session_ttl, data, created_at, next_attempt_at)
SELECT nextval('event_ids'), 'ONTASKADD', h.id, h.handler, 0, 1, false, o.application_token, 6,
    json_build_object('FIELDS_BEFORE', 'undefined', 'FIELDS_AFTER', json_build_object('ID', g),
        'IS_ACCESSIBLE_BEFORE', 'N', 'IS_ACCESSIBLE_AFTER', 'undefined'), now(), now()
FROM generate_series(1, $BACKLOG) g, event_handlers h JOIN outgoing_webhooks o ON o.id = h.outgoing_id;
SQL
for _ in $(seq 1 3000); do
  N=$(psql -qtA -h 127.0.0.1 -U postgres -c "SELECT count(*) FROM event_deliveries WHERE id > $MARK AND outcome='delivered'" "$DB")
  [ "$N" -ge "$BACKLOG" ] && break
  sleep 0.1
done
psql -q -h 127.0.0.1 -U postgres "$DB" <<SQL
\pset footer off
SELECT count(*) AS delivered,
       round(count(*) / greatest(extract(epoch FROM max(attempted_at) - min(enqueued_at)), 0.001)) AS events_per_s,
       round(avg(duration_ms), 1) AS post_avg_ms
FROM event_deliveries WHERE id > $MARK AND outcome = 'delivered';
SQL
