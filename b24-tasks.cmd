@ECHO OFF
REM b24-tasks for Windows, as the shell launcher b24-tasks: build the server jar when it is missing or older than the
REM sources, then run it.
REM   b24-tasks.cmd serve [--data DIR] [--port 8080] [--tls-port 8443] ...
REM   b24-tasks.cmd --help
SETLOCAL
SET "HERE=%~dp0"
IF "%HERE:~-1%"=="\" SET "HERE=%HERE:~0,-1%"
REM (IF ERRORLEVEL on a line of its own: Wine's cmd runs "CALL x.cmd || ..." whatever x.cmd exits with)
CALL "%HERE%\bin\find-jdk.cmd"
IF ERRORLEVEL 1 EXIT /B 1
SET "JAR=%HERE%\server\target\b24-tasks.jar"
IF NOT EXIST "%JAR%" GOTO build
REM the jar is stale when a file under server\src\main, server\pom.xml or pom.xml is newer than it
CALL powershell -NoProfile -NonInteractive -Command "$j = (Get-Item -LiteralPath $env:JAR).LastWriteTimeUtc; $f = @(Get-ChildItem -LiteralPath (Join-Path $env:HERE 'server\src\main') -Recurse -File) + @(Get-Item -LiteralPath (Join-Path $env:HERE 'server\pom.xml'), (Join-Path $env:HERE 'pom.xml')); if ($f | Where-Object { $_.LastWriteTimeUtc -gt $j } | Select-Object -First 1) { exit 1 } else { exit 0 }"
IF ERRORLEVEL 1 GOTO build
GOTO run

:build
ECHO Building %JAR% ... 1>&2
PUSHD "%HERE%"
CALL "%HERE%\mvnw.cmd" -B -q -DskipTests -pl server -am package 1>&2
SET "RC=%ERRORLEVEL%"
POPD
IF NOT "%RC%"=="0" EXIT /B %RC%

:run
IF NOT DEFINED B24_TASKS_JAVA_OPTS SET "B24_TASKS_JAVA_OPTS=-Xms256m -Xmx1g"
REM class data sharing, as the shell launcher: an archive beside the jar, written by the first run, mapped later
REM (not when the checkout's path has a space: the option would split)
IF NOT DEFINED B24_TASKS_CDS IF "%HERE%"=="%HERE: =%" SET "B24_TASKS_CDS=-XX:SharedArchiveFile=%HERE%\server\target\b24-tasks.jsa -XX:+AutoCreateSharedArchive"
"%JAVA_HOME%\bin\java.exe" %B24_TASKS_CDS% %B24_TASKS_JAVA_OPTS% --enable-native-access=ALL-UNNAMED -jar "%JAR%" %*
EXIT /B %ERRORLEVEL%
