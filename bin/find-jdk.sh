# Sourced by ./mvnw, ./b24-tasks and .ci/run: make sure JAVA_HOME names a JDK 21 or newer.
# The default `java` on some machines is 17; a newer JDK usually sits beside it under /usr/lib/jvm.
b24_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}
b24_find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    v=$(b24_java_major "$JAVA_HOME"); [ "${v:-0}" -ge 21 ] && return 0
  fi
  if command -v javac >/dev/null 2>&1; then
    home=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    v=$(b24_java_major "$home"); if [ "${v:-0}" -ge 21 ]; then export JAVA_HOME="$home"; return 0; fi
  fi
  best=""; bestv=0
  # Linux packages and tarballs, SDKMAN, and on macOS the installers' and Homebrew's folders
  for home in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* \
      /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/Library/Java/JavaVirtualMachines/*/Contents/Home \
      /opt/homebrew/opt/openjdk*/libexec/openjdk.jdk/Contents/Home /usr/local/opt/openjdk*/libexec/openjdk.jdk/Contents/Home; do
    [ -x "$home/bin/javac" ] || continue
    v=$(b24_java_major "$home")
    if [ "${v:-0}" -ge 21 ] && [ "${v:-0}" -gt "$bestv" ]; then best=$home; bestv=$v; fi
  done
  if [ -n "$best" ]; then export JAVA_HOME="$best"; return 0; fi
  echo "b24-tasks needs a JDK 21 or newer; none found (JAVA_HOME, PATH, /usr/lib/jvm, /Library/Java/JavaVirtualMachines). Install one and set JAVA_HOME." >&2
  return 1
}
b24_find_jdk || exit 1
export PATH="$JAVA_HOME/bin:$PATH"
