package dev.b24tasks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.App;
import dev.b24tasks.config.Settings;
import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.RestClient;
import dev.b24tasks.testing.TestPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code seed demo} on a fresh database, then the seeded people calling a server on it over HTTP. */
class SeedCommandTest {
  static String url;
  static App app;
  static String output;
  static int exit;

  @BeforeAll
  static void seedAndStart() throws Exception {
    url = TestPostgres.newDatabase();
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(new PrintWriter(out, true));
    exit = cli.execute("seed", "demo", "--database", url, "--url", "http://example.test:8080");
    output = out.toString();
    Settings s = new Settings();
    s.dataDir = Files.createTempDirectory("b24-seed-test");
    s.port = 0;
    s.tlsPort = -1;
    s.rateLimit = "off";
    s.announce = false;
    s.databaseUrl = url;
    s.databasePoolSize = 4;
    app = App.start(s);
  }

  @AfterAll
  static void stop() {
    if (app != null) app.close();
    TestPostgres.dropDatabase(url);
  }

  RestClient as(String person) {
    Matcher m = Pattern.compile(person + "\\s+user (\\d+)\\s+http://example\\.test:8080/rest/(\\d+)/([^/]+)/")
        .matcher(output);
    assertThat(m.find()).as(output).isTrue();
    return new RestClient("http://127.0.0.1:" + app.port(), Long.parseLong(m.group(2)), m.group(3));
  }

  @Test
  void it_prints_working_webhooks_of_the_administrator_and_a_few_people() {
    assertThat(exit).as(output).isZero();
    Response me = as("maria").call("user.current", null);
    assertThat(me.result().get("NAME").asText()).isEqualTo("Maria");
    assertThat(me.result().get("TIME_ZONE").asText()).isEqualTo("America/New_York");
    assertThat(as("admin").call("profile", null).result().get("ADMIN").asBoolean()).isTrue();
  }

  @Test
  void the_company_has_heads_managing_their_departments() {
    var dir = app.directory;
    long olga = as("olga").call("user.current", null).result().get("ID").asLong();
    long helen = as("helen").call("user.current", null).result().get("ID").asLong();
    assertThat(dir.subordinates(olga)).hasSize(4); // Maria, Ivan, Tom, Anna
    assertThat(dir.subordinates(helen)).isEmpty(); // she heads Management only, where she is alone
    JsonNode depts = as("helen").call("department.get", Map.of()).result();
    assertThat(depts).hasSize(6);
    JsonNode groups = as("liam").call("sonet_group.get", Map.of()).result();
    assertThat(groups.findValuesAsText("NAME")).containsExactlyInAnyOrder("Website relaunch", "Key accounts");
  }

  @Test
  void there_are_tasks_in_every_status() {
    TreeSet<String> statuses = new TreeSet<>();
    for (int id = 1; id <= 8; id++) {
      Response r = as("admin").call("tasks.task.get", Map.of("taskId", id));
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      statuses.add(r.result().get("task").get("status").asText());
    }
    assertThat(statuses).containsExactly("2", "3", "4", "5", "6");
  }

  @Test
  void seeding_twice_changes_nothing() {
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(new PrintWriter(out, true));
    assertThat(cli.execute("seed", "demo", "--database", url)).isEqualTo(1);
    assertThat(out.toString()).contains("already there");
    assertThat(app.directory.countUsers()).isEqualTo(13);
  }
}
