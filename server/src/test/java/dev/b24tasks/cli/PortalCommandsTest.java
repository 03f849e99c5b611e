package dev.b24tasks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.App;
import dev.b24tasks.rest.Json;
import dev.b24tasks.testing.Cli;
import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.RestClient;
import dev.b24tasks.testing.TestPostgres;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code clock}, {@code snapshot}, {@code fault}, {@code journal} and {@code conformance} on the store directly,
 * while a server runs on the same database and follows at its next call.
 */
class PortalCommandsTest {
  static String url;
  static App server;
  static RestClient admin;

  @BeforeAll
  static void start() throws Exception {
    url = TestPostgres.newDatabase();
    AdminCommandsTest.url = url;
    server = AdminCommandsTest.serverOnSameDatabase();
    String code = new Sequence().webhook();
    admin = new RestClient("http://127.0.0.1:" + server.port(), 1, code);
  }

  /** A webhook for the administrator, made with the CLI. */
  static final class Sequence {
    String webhook() {
      Cli.Run r = AdminCommandsTest.runOn(url, "webhook", "create", "--user", "1", "--scopes", "all",
          "--code", "portalcli1");
      assertThat(r.exit()).as(r.err()).isZero();
      return "portalcli1";
    }
  }

  @AfterAll
  static void stop() {
    if (server != null) server.close();
    TestPostgres.dropDatabase(url);
  }

  private static JsonNode json(Cli.Run r) throws Exception {
    assertThat(r.exit()).as(r.err()).isZero();
    return Json.MAPPER.readTree(r.out());
  }

  @Test
  void clock_commands_move_the_running_servers_time() throws Exception {
    JsonNode set = json(AdminCommandsTest.runOn(url, "clock", "set", "2035-05-05T05:05:05Z"));
    assertThat(set.get("MODE").asText()).isEqualTo("fixed");
    Instant seen = OffsetDateTime.parse(admin.call("server.time", null).result().asText()).toInstant();
    assertThat(seen).isEqualTo(Instant.parse("2035-05-05T05:05:05Z"));
    assertThat(json(AdminCommandsTest.runOn(url, "clock", "advance", "60")).get("TIME").asText())
        .isEqualTo("2035-05-05T05:06:05Z");
    Cli.Run bad = AdminCommandsTest.runOn(url, "clock", "set", "someday");
    assertThat(bad.exit()).isEqualTo(1);
    assertThat(bad.err()).contains("someday");
    assertThat(json(AdminCommandsTest.runOn(url, "clock", "reset")).get("MODE").asText()).isEqualTo("real");
  }

  @Test
  void snapshot_commands_save_and_restore_what_the_server_serves() throws Exception {
    json(AdminCommandsTest.runOn(url, "snapshot", "save", "cli-base"));
    Response added = admin.call("tasks.task.add", Map.of("fields", Map.of("TITLE", "after the cli snapshot",
        "RESPONSIBLE_ID", 1)));
    long id = added.result().get("task").get("id").asLong();
    assertThat(json(AdminCommandsTest.runOn(url, "snapshot", "list")).findValuesAsText("NAME")).contains("cli-base");
    json(AdminCommandsTest.runOn(url, "snapshot", "restore", "cli-base"));
    assertThat(admin.call("tasks.task.get", Map.of("taskId", id)).result().has("task")).isFalse();
    Cli.Run unknown = AdminCommandsTest.runOn(url, "snapshot", "restore", "nope");
    assertThat(unknown.exit()).isEqualTo(1);
    assertThat(unknown.err()).contains("Snapshot nope not found");
    assertThat(AdminCommandsTest.runOn(url, "snapshot", "delete", "cli-base").exit()).isZero();
  }

  @Test
  void fault_and_journal_commands() throws Exception {
    long fault = json(AdminCommandsTest.runOn(url, "fault", "add", "--method", "profile", "--error",
        "INTERNAL_SERVER_ERROR", "--times", "1")).get("ID").asLong();
    assertThat(admin.call("profile", null).status()).isEqualTo(500);
    assertThat(admin.call("profile", null).status()).isEqualTo(200);
    JsonNode listed = json(AdminCommandsTest.runOn(url, "fault", "list"));
    assertThat(listed.get(0).get("ID").asLong()).isEqualTo(fault);
    assertThat(listed.get(0).get("FIRED").asInt()).isEqualTo(1);
    Cli.Run none = AdminCommandsTest.runOn(url, "fault", "add", "--method", "nothing.here", "--error",
        "CUT_AFTER");
    assertThat(none.exit()).isEqualTo(1);
    assertThat(none.err()).contains("matches no method");
    assertThat(json(AdminCommandsTest.runOn(url, "fault", "clear")).get("CLEARED").asInt()).isEqualTo(1);

    JsonNode page = json(AdminCommandsTest.runOn(url, "journal", "list", "--method", "profile", "--status", "500"));
    assertThat(page.get("total").asInt()).isEqualTo(1);
    assertThat(page.get("result").get(0).get("ERROR").asText()).isEqualTo("INTERNAL_SERVER_ERROR");
    json(AdminCommandsTest.runOn(url, "journal", "clear"));
    assertThat(json(AdminCommandsTest.runOn(url, "journal", "list")).get("total").asInt()).isZero();
  }

  @Test
  void the_conformance_command_needs_no_store() {
    picocli.CommandLine cli = new picocli.CommandLine(new Main());
    java.io.StringWriter out = new java.io.StringWriter();
    cli.setOut(new java.io.PrintWriter(out, true));
    assertThat(cli.execute("conformance", "--format", "markdown")).isZero();
    assertThat(out.toString()).contains("| method | scope | status |").contains("`b24tasks.conformance`");
    assertThat(cli.execute("conformance", "--format", "yaml")).isEqualTo(1);
  }
}
