#!/bin/sh
# Summarises a JFR recording's CPU samples: the hottest top-of-stack frames, and the hottest b24-tasks frames
# (the first dev.b24tasks frame of each sample), each with its share of all execution samples.
#   bench/jfr-top.sh recording.jfr [N]
set -eu
f=$1; n=${2:-15}
here=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
. "$here/bin/find-jdk.sh"
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
"$JAVA_HOME/bin/jfr" print --events jdk.ExecutionSample --stack-depth 64 "$f" | awk '
  /stackTrace = \[/ { inside = 1; depth = 0; ours = ""; next }
  inside && /^[[:space:]]*\]/ { inside = 0; print "TOP\t" top; if (ours != "") print "OURS\t" ours; next }
  inside {
    line = $0; sub(/^[[:space:]]+/, "", line); sub(/[[:space:]]+line:.*/, "", line)
    if (line == "...") next
    if (depth == 0) top = line
    if (ours == "" && line ~ /^dev\.b24tasks\./) ours = line
    depth++
  }' >"$tmp"
total=$(grep -c '^TOP' "$tmp" || true)
echo "  $total execution samples"
for kind in TOP OURS; do
  [ "$kind" = TOP ] && echo "  top of stack:" || echo "  first b24-tasks frame on the stack:"
  grep "^$kind" "$tmp" | cut -f2 | sort | uniq -c | sort -rn | head -n "$n" \
    | awk -v t="$total" '{ c = $1; $1 = ""; printf "    %5.1f%%  %s\n", 100 * c / t, substr($0, 2) }'
done
