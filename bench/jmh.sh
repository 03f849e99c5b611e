#!/bin/sh
# JMH micro-benchmarks of the hot pure paths (parameter decoding, task view, task rules).
#   bench/jmh.sh                 short iterations (2 x 1 s warm-up, 3 x 1 s measured, 1 fork): about 10 s a benchmark
#   bench/jmh.sh --long          the iterations written on the classes (longer, steadier)
#   bench/jmh.sh ParamDecoder    only benchmarks matching a regex; any other JMH option is passed on (-prof gc, -h)
set -eu
here=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
. "$here/bin/find-jdk.sh"
short="-wi 2 -w 1s -i 3 -r 1s -f 1"
if [ "${1:-}" = "--long" ]; then short=""; shift; fi
cp_file="$here/bench/target/jmh.classpath"
# compile (not package): the reactor then resolves the server to its classes folder, no fat jar is needed
(cd "$here" && ./mvnw -B -q -o -pl bench -am -DskipTests compile dependency:build-classpath \
  -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime) >&2
cp="$here/bench/target/classes:$here/server/target/classes:$(cat "$cp_file")"
# shellcheck disable=SC2086
exec "$JAVA_HOME/bin/java" -Xms1g -Xmx1g --enable-native-access=ALL-UNNAMED -cp "$cp" org.openjdk.jmh.Main $short "$@"
