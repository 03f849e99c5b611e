package dev.b24tasks.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.b24tasks.App;
import dev.b24tasks.cli.Main;
import dev.b24tasks.auth.Scopes;
import dev.b24tasks.config.Settings;
import dev.b24tasks.store.Database;
import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.RestClient;
import dev.b24tasks.testing.TestPostgres;
import dev.b24tasks.testing.TestServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

/**
 * {@code backup} and {@code restore} through the command line: a backup of the external PostgreSQL restores into
 * a fresh data folder (the embedded PostgreSQL, another major version) and back, rows and id sequences intact, and
 * a server started on the restored store answers the same webhook.
 */
class BackupRestoreTest {
  @RegisterExtension static TestServer server = new TestServer();

  @BeforeAll
  static void somePortal() {
    App app = server.app();
    for (int i = 0; i < 5; i++) app.directory.createUser("u" + i + "@example.com", "Имя " + i, "Tab\there", false);
    app.auth.createWebhook(3, Scopes.ALL, "usercode3", null, "line\nbreak and \\ backslash");
    // a Drive file: its bytes (bytea chunks, a zero byte and a backslash among them) go with the backup
    long root = server.admin().call("disk.storage.getlist", java.util.Map.of()).result().get(0)
        .get("ROOT_OBJECT_ID").asLong();
    Response up = server.admin().call("disk.folder.uploadfile", java.util.Map.of("id", root,
        "data", java.util.Map.of("NAME", "bytes.bin"), "fileContent", List.of("bytes.bin", "AFxcCg0A/w==")));
    assertThat(up.status()).as(up.toString()).isEqualTo(200);
  }

  private static int cli(String... args) {
    CommandLine cli = new CommandLine(new Main());
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    if (code != 0) System.err.println(err);
    return code;
  }

  private static List<String> dump(Database db) {
    return db.read(tx -> tx.query("SELECT u.id || '|' || u.email || '|' || u.name || '|' || u.last_name || '|' "
        + "|| u.is_admin || '|' || coalesce(string_agg(w.title || '/' || array_to_string(w.scopes, ','), ';' "
        + "ORDER BY w.id), '') FROM users u LEFT JOIN webhooks w ON w.user_id = u.id GROUP BY u.id ORDER BY u.id",
        rs -> rs.getString(1)));
  }

  @Test
  void a_backup_restores_into_a_fresh_data_folder_and_from_there_into_another_database() throws Exception {
    Path dir = Files.createTempDirectory("b24-tasks-backup");
    Path file = dir.resolve("portal.backup");
    String source = server.app().settings.databaseUrl;
    assertThat(cli("backup", "--database", source, "--out", file.toString())).isZero();
    List<String> before = dump(server.app().db);

    // external PostgreSQL -> a fresh data folder with the embedded PostgreSQL
    Path data = dir.resolve("data");
    assertThat(cli("restore", "--data", data.toString(), "--from", file.toString())).isZero();
    Settings s = new Settings();
    s.dataDir = data;
    s.port = 0;
    s.tlsPort = -1;
    s.rateLimit = "off";
    s.announce = false;
    Path second = dir.resolve("second.backup");
    try (App restored = App.start(s)) {
      assertThat(dump(restored.db)).isEqualTo(before);
      Response me = new RestClient("http://127.0.0.1:" + restored.port(), 1, TestServer.ADMIN_CODE)
          .call("user.current", null);
      assertThat(me.status()).isEqualTo(200);
      assertThat(me.result().get("ID").asText()).isEqualTo("1");
      Response three = new RestClient("http://127.0.0.1:" + restored.port(), 3, "usercode3").call("profile", null);
      assertThat(three.result().get("NAME").asText()).isEqualTo("Имя 1");
      // the id sequence continues after the restored rows
      long next = restored.directory.createUser("new@example.com", "New", "", false);
      assertThat(next).isEqualTo(7);
      var stored = new RestClient("http://127.0.0.1:" + restored.port(), 1, TestServer.ADMIN_CODE)
          .call("disk.folder.getchildren", java.util.Map.of("id", restored.db.read(tx -> tx.queryLong(
              "SELECT root_id FROM disk_storages WHERE entity_id = 1")))).result().get(0);
      var bytes = dev.b24tasks.files.DiskFilesTest.fetch(stored.get("DOWNLOAD_URL").asText()).body();
      assertThat(java.util.Base64.getEncoder().encodeToString(bytes)).isEqualTo("AFxcCg0A/w==");
      // and a backup taken while that server runs on the folder goes through its PostgreSQL
      assertThat(cli("backup", "--data", data.toString(), "--out", second.toString())).isZero();
    }

    // the embedded PostgreSQL's backup -> an empty external database
    String target = TestPostgres.newDatabase();
    try {
      assertThat(cli("restore", "--database", target, "--from", second.toString())).isZero();
      Settings t = new Settings();
      t.databaseUrl = target;
      t.dataDir = dir;
      try (Database db = Database.open(t)) {
        assertThat(dump(db)).hasSize(before.size() + 1).startsWith(before.toArray(String[]::new));
      }
      // restoring again into the now non-empty database is refused, and changes nothing
      assertThat(cli("restore", "--database", target, "--from", second.toString())).isNotZero();
    } finally {
      TestPostgres.dropDatabase(target);
    }
  }
}
