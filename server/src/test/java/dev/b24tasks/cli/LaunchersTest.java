package dev.b24tasks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Windows scripts cannot run on the Linux CI, so this reads them beside their shell twins: the same jar, the
 * same freshness rule, the same build command, the same JVM options, the same JDK threshold as the enforcer's, and
 * the JDK hook in both wrapper scripts (regenerating the wrapper without bin/update-wrapper.sh drops it).
 */
class LaunchersTest {
  private static final Path ROOT = root();

  private static Path root() {
    Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    return Files.isRegularFile(p.resolve("mvnw")) ? p : p.getParent();
  }

  private static String read(String file) throws IOException {
    return Files.readString(ROOT.resolve(file), StandardCharsets.UTF_8);
  }

  private static String group(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertThat(m.find()).as("%s in the script", regex).isTrue();
    return m.group(1);
  }

  @Test
  void both_launchers_run_the_jar_the_build_makes() throws IOException {
    String finalName = group(read("server/pom.xml"), "<finalName>([^<]+)</finalName>");
    String jar = "server/target/" + finalName + ".jar";
    assertThat(read("b24-tasks")).contains("jar=\"$here/" + jar + "\"");
    assertThat(read("b24-tasks.cmd")).contains("SET \"JAR=%HERE%\\" + jar.replace('/', '\\') + "\"");
    assertThat(read("server/pom.xml")).contains("<b24tasks.jar>${project.build.directory}/" + finalName + ".jar");
  }

  @Test
  void both_launchers_rebuild_on_the_same_sources_with_the_same_command() throws IOException {
    String sh = read("b24-tasks");
    String cmd = read("b24-tasks.cmd");
    assertThat(sh).contains("find \"$here/server/src/main\" \"$here/server/pom.xml\" \"$here/pom.xml\" -newer \"$jar\"");
    assertThat(cmd).contains("'server\\src\\main'").contains("'server\\pom.xml'").contains("'pom.xml'")
        .contains("LastWriteTimeUtc -gt $j");
    String build = group(sh, "\\./mvnw (-B -q -DskipTests -pl server -am package)");
    assertThat(cmd).contains("CALL \"%HERE%\\mvnw.cmd\" " + build);
    String javaOpts = group(sh, "\\$\\{B24_TASKS_JAVA_OPTS:-([^}]+)\\}");
    assertThat(cmd).contains("SET \"B24_TASKS_JAVA_OPTS=" + javaOpts + "\"");
    String flags = group(sh, "\\$\\{B24_TASKS_JAVA_OPTS:-[^}]+\\} (.*) -jar \"\\$jar\" \"\\$@\"");
    assertThat(cmd).contains("%B24_TASKS_JAVA_OPTS% " + flags + " -jar \"%JAR%\" %*");
  }

  @Test
  void both_jdk_finders_want_the_version_the_build_enforces() throws IOException {
    String enforced = group(read("pom.xml"), "<requireJavaVersion>\\s*<version>\\[(\\d+),\\)</version>");
    String sh = read("bin/find-jdk.sh");
    String cmd = read("bin/find-jdk.cmd");
    assertThat(sh.split("-ge " + enforced, -1)).as("find-jdk.sh checks -ge %s", enforced).hasSize(4);
    assertThat(cmd).contains("IF %__B24_V% GEQ " + enforced + " ").contains("IF %__B24_V% LSS " + enforced + " ");
    // both look at JAVA_HOME first, then the javac on the PATH, then the install folders
    assertThat(sh.indexOf("JAVA_HOME:-")).isLessThan(sh.indexOf("command -v javac")).isLessThan(sh.indexOf("/usr/lib/jvm/*"));
    assertThat(cmd.indexOf("IF DEFINED JAVA_HOME")).isLessThan(cmd.indexOf("where javac.exe"))
        .isLessThan(cmd.indexOf("\"%ProgramFiles%\\Java\""));
    // both need a javac, not just a java
    assertThat(sh).contains("bin/javac");
    assertThat(cmd).contains("\\bin\\javac.exe");
  }

  @Test
  void both_wrapper_scripts_look_for_the_jdk_first() throws IOException {
    String mvnw = read("mvnw");
    assertThat(mvnw.indexOf(". \"$b24_dir/bin/find-jdk.sh\"")).as("mvnw sources bin/find-jdk.sh; run bin/update-wrapper.sh")
        .isPositive().isLessThan(mvnw.indexOf("set -euf"));
    String cmd = read("mvnw.cmd");
    assertThat(cmd.indexOf("@CALL \"%~dp0bin\\find-jdk.cmd\"\r\n@IF ERRORLEVEL 1 EXIT /B 1\r\n"))
        .as("mvnw.cmd calls bin\\find-jdk.cmd; run bin/update-wrapper.sh").isPositive()
        .isLessThan(cmd.indexOf("powershell"));
    String version = group(read(".mvn/wrapper/maven-wrapper.properties"), "wrapperVersion=(\\S+)");
    assertThat(mvnw).contains("Apache Maven Wrapper startup batch script, version " + version);
    assertThat(cmd).contains("Apache Maven Wrapper startup batch script, version " + version);
  }

  @Test
  void the_batch_files_have_crlf_line_ends_and_call_their_helpers_by_existing_paths() throws IOException {
    for (String f : new String[] {"b24-tasks.cmd", "mvnw.cmd", "bin/find-jdk.cmd"}) {
      String text = read(f);
      assertThat(text.replace("\r\n", "")).as("%s: every line ends in CRLF", f).doesNotContain("\n");
      Matcher calls = Pattern.compile("CALL \"%(?:HERE%\\\\|~dp0)([^\"%]+)\"").matcher(text);
      while (calls.find()) {
        assertThat(ROOT.resolve(calls.group(1).replace('\\', '/'))).as("%s calls %s", f, calls.group(1)).exists();
      }
    }
    assertThat(read(".gitattributes")).contains("*.cmd text eol=crlf");
    // every label a GOTO or CALL names is there
    for (String f : new String[] {"b24-tasks.cmd", "bin/find-jdk.cmd"}) {
      String text = read(f);
      Matcher jumps = Pattern.compile("(?:GOTO|CALL) :?(b24_\\w+|build|run)\\b").matcher(text);
      while (jumps.find()) assertThat(text).as("%s jumps to %s", f, jumps.group(1)).contains("\r\n:" + jumps.group(1) + "\r\n");
    }
  }
}
