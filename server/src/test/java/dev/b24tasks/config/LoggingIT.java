package dev.b24tasks.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.b24tasks.testing.TestPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The built jar's log lines, as an operator sees them: one format for our code, Helidon and java.util.logging
 * (the PostgreSQL driver), JSON lines with {@code --log-format json}, and the banner in plain text on stdout.
 */
class LoggingIT {
  private static final Pattern TEXT = Pattern.compile("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} (ERROR|WARN |INFO |DEBUG|TRACE) \\S+ - .*");
  private static final ObjectMapper JSON = new ObjectMapper();

  record Run(Path data, List<String> stdout, List<String> stderr) {}

  /** Starts {@code serve} with {@code options}, waits for the banner, stops it (SIGTERM) and returns its output. */
  private static Run serve(String... options) throws Exception {
    Path data = Files.createTempDirectory("b24-logging").resolve("data");
    List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx256m",
        "-jar", System.getProperty("b24tasks.jar"), "serve", "--data", data.toString(), "--port", "0"));
    boolean tls = List.of(options).contains("--tls-port");
    if (!tls) cmd.addAll(List.of("--tls-port", "-1"));
    cmd.addAll(List.of(options));
    Path err = data.resolveSibling("stderr.log");
    Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
    List<String> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        out.add(line);
        if (tls ? line.startsWith("HTTPS uses") : line.startsWith("  http://")) break;
      }
      p.destroy(); // closes the pipes: the banner's last line has been read
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the server stops").isTrue();
    } finally {
      p.destroyForcibly();
    }
    assertThat(out).as("banner; stderr: %s", Files.readString(err)).anyMatch(l -> l.startsWith("b24-tasks is serving http://"));
    return new Run(data, out, Files.readAllLines(err, StandardCharsets.UTF_8));
  }

  @Test
  void at_the_default_level_every_line_has_our_format_and_helidon_does_not_complain() throws Exception {
    Run run = serve("--tls-port", "0"); // HTTPS too: the fat jar makes its certificate (Bouncy Castle) on first start
    assertThat(run.data().resolve("tls/cert.pem")).exists();
    assertThat(run.data().resolve("tls/keystore.p12")).exists();
    assertThat(run.stderr()).isNotEmpty().allMatch(l -> TEXT.matcher(l).matches());
    assertThat(run.stderr()).anyMatch(l -> l.contains("Starting the embedded PostgreSQL"));
    assertThat(String.join("\n", run.stderr())).doesNotContain("There is no Helidon logging implementation");
    assertThat(run.stdout()).allMatch(l -> !TEXT.matcher(l).matches()).as("the banner is no log line");
  }

  @Test
  void helidon_and_java_util_logging_lines_come_out_in_our_format() throws Exception {
    String db = TestPostgres.newDatabase();
    try {
      Run run = serve("--database", db, "--log-level", "debug");
      // Helidon logs through System.Logger, i.e. java.util.logging; the PostgreSQL driver through JUL directly
      assertThat(run.stderr()).anyMatch(l -> TEXT.matcher(l).matches() && l.contains(" i.h.w."));
      assertThat(run.stderr()).anyMatch(l -> TEXT.matcher(l).matches() && l.contains(" o.postgresql."));
      assertThat(run.stderr()).noneMatch(l -> l.startsWith("INFO: ") || l.startsWith("FINE: ")
          || l.matches("[A-Z][a-z]{2} \\d\\d, \\d{4} .*"));
    } finally {
      TestPostgres.dropDatabase(db);
    }
  }

  @Test
  void json_mode_writes_one_json_object_per_line_and_keeps_the_banner_plain() throws Exception {
    String db = TestPostgres.newDatabase();
    try {
      Run run = serve("--database", db, "--log-format", "json", "--log-level", "debug");
      List<JsonNode> events = new ArrayList<>();
      for (String line : run.stderr()) {
        JsonNode e = JSON.readTree(line);
        assertThat(e.isObject()).as(line).isTrue();
        assertThat(e.path("level").asText()).as(line).matches("ERROR|WARN|INFO|DEBUG|TRACE");
        assertThat(e.has("formattedMessage") && e.has("loggerName") && e.has("timestamp")).as(line).isTrue();
        events.add(e);
      }
      assertThat(events).anyMatch(e -> e.path("loggerName").asText().startsWith("io.helidon.webserver."));
      assertThat(events).anyMatch(e -> e.path("loggerName").asText().startsWith("org.postgresql."));
      assertThat(run.stdout()).anyMatch(l -> l.startsWith("Webhook to call REST API"));
    } finally {
      TestPostgres.dropDatabase(db);
    }
  }

  @Test
  void a_bad_level_or_format_is_refused_with_a_message() throws Exception {
    for (String[] bad : new String[][] {{"--log-level", "loud"}, {"--log-format", "xml"}}) {
      List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-jar",
          System.getProperty("b24tasks.jar"), "serve", "--port", "0", "--tls-port", "-1"));
      cmd.addAll(List.of(bad));
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor()).isEqualTo(1);
      assertThat(out).startsWith("b24-tasks: " + bad[0] + " must be");
    }
  }
}
