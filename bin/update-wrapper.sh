#!/bin/sh
# Regenerates the Maven wrapper (mvnw, mvnw.cmd, .mvn/wrapper/) and puts back the b24-tasks hook that makes both
# find a JDK 21 or newer first (bin/find-jdk.sh, bin/find-jdk.cmd). Use this instead of a bare `mvn wrapper:wrapper`,
# which drops the hook; LaunchersTest fails when a wrapper script lacks it.
#   bin/update-wrapper.sh [MAVEN_VERSION]     (default: the version in .mvn/wrapper/maven-wrapper.properties)
set -eu
cd "$(dirname "$0")/.."
plugin=3.3.4
maven=${1:-$(sed -n 's|^distributionUrl=.*/apache-maven-\([0-9][0-9.]*\)-bin\.zip$|\1|p' .mvn/wrapper/maven-wrapper.properties)}
./mvnw -B -q -N "org.apache.maven.plugins:maven-wrapper-plugin:$plugin:wrapper" -Dmaven="$maven" -Dtype=only-script
chmod +x mvnw
# mvnw: source bin/find-jdk.sh before the wrapper's own code
if ! grep -q 'bin/find-jdk.sh' mvnw; then
  awk '/^set -euf$/ && !done {
    print "# b24-tasks: pick a JDK 21+ when the default java is older (see bin/find-jdk.sh)."
    print "b24_dir=$(CDPATH= cd -- \"$(dirname -- \"$0\")\" && pwd)"
    print "if [ -f \"$b24_dir/bin/find-jdk.sh\" ]; then . \"$b24_dir/bin/find-jdk.sh\"; fi"
    done = 1
  } { print }' mvnw > mvnw.tmp && cat mvnw.tmp > mvnw && rm mvnw.tmp
fi
# mvnw.cmd (CRLF): call bin\find-jdk.cmd in its batch part, before it starts PowerShell
if ! grep -q 'bin\\find-jdk.cmd' mvnw.cmd; then
  awk '/^@SET __MVNW_PSMODULEP_SAVE=/ && !done {
    printf "@REM b24-tasks: pick a JDK 21+ when JAVA_HOME is older or unset (see bin\\find-jdk.cmd).\r\n"
    printf "@CALL \"%%~dp0bin\\find-jdk.cmd\"\r\n"
    printf "@IF ERRORLEVEL 1 EXIT /B 1\r\n"
    done = 1
  } { print }' mvnw.cmd > mvnw.cmd.tmp && cat mvnw.cmd.tmp > mvnw.cmd && rm mvnw.cmd.tmp
fi
grep -q 'bin/find-jdk.sh' mvnw && grep -q 'bin\\find-jdk.cmd' mvnw.cmd
echo "Maven wrapper $plugin for Maven $maven regenerated, with the JDK hook in mvnw and mvnw.cmd"
