@ECHO OFF
REM Called by mvnw.cmd and b24-tasks.cmd, the Windows side of bin/find-jdk.sh: make sure JAVA_HOME names a JDK 21 or
REM newer. In order: JAVA_HOME itself, the javac on the PATH, else the newest JDK 21+ in the usual install folders.
REM A JDK has bin\javac.exe; its major version is read from its "release" file (JAVA_VERSION="21.0.5").
SET "__B24_JDK="
SET "__B24_BEST="
SET "__B24_BESTV=0"
IF DEFINED JAVA_HOME CALL :b24_try "%JAVA_HOME%"
IF NOT DEFINED __B24_JDK FOR /F "delims=" %%J IN ('where javac.exe 2^>NUL') DO CALL :b24_try "%%~dpJ.."
IF DEFINED __B24_JDK GOTO b24_found
FOR %%R IN ("%ProgramFiles%\Java" "%ProgramFiles%\Eclipse Adoptium" "%ProgramFiles%\Microsoft" "%ProgramFiles%\Zulu" "%ProgramFiles%\Amazon Corretto" "%ProgramFiles%\BellSoft" "%USERPROFILE%\.jdks") DO CALL :b24_scan "%%~R"
IF DEFINED __B24_BEST SET "__B24_JDK=%__B24_BEST%"
IF DEFINED __B24_JDK GOTO b24_found
>&2 ECHO b24-tasks needs a JDK 21 or newer; none found (JAVA_HOME, PATH, %ProgramFiles%). Install one and set JAVA_HOME.
EXIT /B 1

:b24_found
SET "JAVA_HOME=%__B24_JDK%"
SET "PATH=%__B24_JDK%\bin;%PATH%"
SET "__B24_JDK="
SET "__B24_BEST="
SET "__B24_BESTV="
SET "__B24_V="
EXIT /B 0

REM :b24_major DIR sets __B24_V to the major version of the JDK in DIR, 0 when DIR holds no JDK.
:b24_major
SET "__B24_V=0"
SET "__B24_RAW="
IF NOT EXIST "%~1\bin\javac.exe" EXIT /B 0
IF NOT EXIST "%~1\release" EXIT /B 0
FOR /F "usebackq tokens=1,* delims==" %%A IN ("%~1\release") DO IF "%%A"=="JAVA_VERSION" SET "__B24_RAW=%%~B"
IF NOT DEFINED __B24_RAW EXIT /B 0
FOR /F "tokens=1 delims=.-+" %%M IN ("%__B24_RAW%") DO SET /A "__B24_V=%%M" 2>NUL
EXIT /B 0

REM :b24_try DIR takes DIR when it is a JDK 21 or newer and none was taken yet.
:b24_try
IF DEFINED __B24_JDK EXIT /B 0
CALL :b24_major "%~f1"
IF %__B24_V% GEQ 21 SET "__B24_JDK=%~f1"
EXIT /B 0

REM :b24_scan ROOT considers every folder in ROOT (dir, not FOR /D: Wine's cmd skips quoted FOR /D patterns).
:b24_scan
IF NOT EXIST "%~1\" EXIT /B 0
FOR /F "delims=" %%D IN ('dir /b /ad "%~1" 2^>NUL') DO CALL :b24_consider "%~1\%%D"
EXIT /B 0

REM :b24_consider DIR keeps DIR when it is a JDK 21 or newer and newer than the best one so far.
:b24_consider
CALL :b24_major "%~f1"
IF %__B24_V% LSS 21 EXIT /B 0
IF %__B24_V% LEQ %__B24_BESTV% EXIT /B 0
SET "__B24_BEST=%~f1"
SET "__B24_BESTV=%__B24_V%"
EXIT /B 0
