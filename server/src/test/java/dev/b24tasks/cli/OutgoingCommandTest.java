package dev.b24tasks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.b24tasks.App;
import dev.b24tasks.config.Settings;
import dev.b24tasks.events.EventReceiver;
import dev.b24tasks.testing.Cli;
import dev.b24tasks.testing.RestClient;
import dev.b24tasks.testing.TestPostgres;
import java.nio.file.Files;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code outgoing create} makes an outgoing webhook that a server on the same database then delivers to. */
class OutgoingCommandTest {
  @Test
  void an_outgoing_webhook_made_on_the_command_line_receives_events_with_its_token() throws Exception {
    String url = TestPostgres.newDatabase();
    try (EventReceiver handler = new EventReceiver()) {
      Settings s = new Settings();
      s.dataDir = Files.createTempDirectory("b24-outgoing-cli");
      s.databaseUrl = url;
      s.port = 0;
      s.tlsPort = -1;
      s.webhook = "1:clicode1";
      s.rateLimit = "off";
      s.announce = false;
      try (App migrated = App.start(s)) {
        // the schema and the administrator exist; the command runs beside the server, on the same database
        Cli.Run made = AdminCommandsTest.runOn(url, "outgoing", "create", "--url",
            handler.url("/cli"), "--events", "ONTASKADD, ONTASKCOMMENTADD");
        assertThat(made.exit()).as(made.err()).isZero();
        Matcher m = Pattern.compile("Application token: ([0-9a-f]{32})").matcher(made.out());
        assertThat(m.find()).as(made.out()).isTrue();
        Cli.Run bad = AdminCommandsTest.runOn(url, "outgoing", "create", "--url", "ftp://example.com",
            "--events", "ONTASKADD");
        assertThat(bad.exit()).isNotZero();
        assertThat(bad.err()).contains("Unsupported handler protocol");
        RestClient admin = new RestClient("http://127.0.0.1:" + migrated.port(), 1, "clicode1");
        admin.call("tasks.task.add", Map.of("fields", Map.of("TITLE", "from cli", "RESPONSIBLE_ID", 1)));
        EventReceiver.Received r = handler.next("/cli");
        assertThat(r.event()).isEqualTo("ONTASKADD");
        assertThat(r.auth().get("application_token").asText()).isEqualTo(m.group(1));
        assertThat(AdminCommandsTest.runOn(url, "outgoing", "list").out()).contains(m.group(1))
            .contains("ONTASKADD,ONTASKCOMMENTADD");
      }
    } finally {
      TestPostgres.dropDatabase(url);
    }
  }
}
