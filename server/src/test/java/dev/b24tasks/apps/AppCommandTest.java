package dev.b24tasks.apps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.App;
import dev.b24tasks.config.Settings;
import dev.b24tasks.rest.Json;
import dev.b24tasks.testing.Cli;
import dev.b24tasks.testing.Cli.Run;
import dev.b24tasks.testing.RestClient;
import dev.b24tasks.testing.TestPostgres;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code b24-tasks app add|list|delete} on a store a running server shares; the app then calls that server. */
class AppCommandTest {
  static Run run(String database, String... args) {
    return Cli.on(database, args);
  }

  @Test
  void an_app_added_on_the_command_line_is_installed_and_calls_the_server() throws Exception {
    String url = TestPostgres.newDatabase();
    Settings s = new Settings();
    s.dataDir = Files.createTempDirectory("b24-tasks-app-cli");
    s.databaseUrl = url;
    s.port = 0;
    s.tlsPort = -1;
    s.rateLimit = "off";
    s.announce = false;
    s.webhook = "1:clicode1";
    try (App server = App.start(s); AppReceiver receiver = new AppReceiver()) {
      String base = "http://127.0.0.1:" + server.port();
      Run bad = run(url, "app", "add", "--name", "x", "--handler", "ftp://x", "--scopes", "task");
      assertThat(bad.exit()).isNotZero();
      assertThat(bad.err()).contains("Not an http(s) URL");

      Run added = run(url, "app", "add", "--name", "CLI app", "--handler", receiver.url("/h"),
          "--install", receiver.url("/install"), "--scopes", "task,user", "--base-url", base);
      assertThat(added.exit()).as(added.err()).isZero();
      JsonNode reg = Json.MAPPER.readTree(added.out());
      assertThat(reg.get("CLIENT_SECRET").asText()).hasSize(50);

      AppReceiver.Received install = receiver.next(Duration.ofSeconds(30));
      assertThat(install.form().get("event")).isEqualTo("ONAPPINSTALL");
      assertThat(install.form().get("auth[client_endpoint]")).isEqualTo(base + "/rest/");
      OAuth app = new OAuth(new RestClient(base, 1, "clicode1"), reg.get("CLIENT_ID").asText(),
          reg.get("CLIENT_SECRET").asText());
      assertThat(app.call(install.form().get("auth[access_token]"), "tasks.task.list", "{}").status()).isEqualTo(200);
      assertThat(app.refresh(install.form().get("auth[refresh_token]")).status()).isEqualTo(200);

      Run list = run(url, "app", "list");
      assertThat(list.out()).contains(reg.get("CLIENT_ID").asText()).doesNotContain(reg.get("CLIENT_SECRET").asText());
      Run deleted = run(url, "app", "delete", "--id", reg.get("ID").asText());
      assertThat(deleted.exit()).isZero();
      assertThat(run(url, "app", "list").out().trim()).isEqualTo("[]");
    } finally {
      TestPostgres.dropDatabase(url);
    }
  }
}
