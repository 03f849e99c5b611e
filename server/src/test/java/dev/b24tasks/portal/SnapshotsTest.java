package dev.b24tasks.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.App;
import dev.b24tasks.testing.Org;
import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.RestClient;
import dev.b24tasks.testing.TestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** b24tasks.snapshot.*: named copies of the whole portal, restored in one transaction, seen by every node. */
class SnapshotsTest {
  @RegisterExtension static TestServer server = new TestServer();

  static Org org;
  static long maria;

  @BeforeAll
  static void build() {
    org = new Org(server);
    maria = org.user("Maria", "Snapshot");
  }

  private static long addTask(RestClient c, String title) {
    Response r = c.call("tasks.task.add", Map.of("fields", Map.of("TITLE", title, "RESPONSIBLE_ID", maria)));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.result().get("task").get("id").asLong();
  }

  private static List<String> titles(RestClient c) {
    Response r = c.call("tasks.task.list", Map.of("select", List.of("ID", "TITLE"), "order", Map.of("ID", "asc")));
    List<String> out = new ArrayList<>();
    for (JsonNode t : r.result().get("tasks")) out.add(t.get("title").asText());
    return out;
  }

  @Test
  void a_restore_brings_back_rows_and_sequences_as_they_were_saved() {
    RestClient admin = server.admin();
    addTask(admin, "before one");
    long second = addTask(admin, "before two");
    Response saved = admin.call("b24tasks.snapshot.save", Map.of("NAME", "rows-and-ids"));
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    assertThat(saved.result().get("NAME").asText()).isEqualTo("rows-and-ids");
    List<String> before = titles(admin);

    long third = addTask(admin, "after");
    admin.call("tasks.task.update", Map.of("taskId", second, "fields", Map.of("TITLE", "renamed")));
    org.user("Late", "Comer");
    assertThat(titles(admin)).contains("after", "renamed");

    Response restored = admin.call("b24tasks.snapshot.restore", Map.of("NAME", "rows-and-ids"));
    assertThat(restored.status()).as(restored.body()).isEqualTo(200);
    assertThat(titles(admin)).isEqualTo(before);
    assertThat(admin.call("user.get", Map.of("FILTER", Map.of("LAST_NAME", "Comer"))).result().size()).isZero();
    // the id sequence is back too: the next task gets the id "after" had
    assertThat(addTask(admin, "after again")).isEqualTo(third);
    // and a restore can be repeated
    admin.call("b24tasks.snapshot.restore", Map.of("NAME", "rows-and-ids"));
    assertThat(titles(admin)).isEqualTo(before);
  }

  @Test
  void tables_a_feature_adds_later_are_in_the_snapshot_without_being_named() throws Exception {
    String url = server.app().settings.databaseUrl;
    try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
      st.execute("CREATE TABLE IF NOT EXISTS later_feature (id bigserial PRIMARY KEY, v text NOT NULL)");
      st.execute("INSERT INTO later_feature (v) VALUES ('saved')");
      assertThat(server.admin().call("b24tasks.snapshot.save", Map.of("NAME", "later")).status()).isEqualTo(200);
      st.execute("UPDATE later_feature SET v = 'changed'");
      st.execute("INSERT INTO later_feature (v) VALUES ('extra')");
      assertThat(server.admin().call("b24tasks.snapshot.restore", Map.of("NAME", "later")).status()).isEqualTo(200);
      try (ResultSet rs = st.executeQuery("SELECT string_agg(v, ',' ORDER BY id) FROM later_feature")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("saved");
      }
      st.execute("INSERT INTO later_feature (v) VALUES ('next')");
      try (ResultSet rs = st.executeQuery("SELECT max(id) FROM later_feature")) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(2); // the sequence was restored as well
      }
      st.execute("DROP TABLE later_feature");
      server.admin().call("b24tasks.snapshot.delete", Map.of("NAME", "later"));
    }
  }

  @Test
  void another_node_sees_the_restored_portal_at_once_even_a_credential_it_had_cached() throws Exception {
    RestClient admin = server.admin();
    admin.call("b24tasks.snapshot.save", Map.of("NAME", "no-extra-hook"));
    Response hook = admin.call("b24tasks.webhook.add", Map.of("USER_ID", maria, "CODE", "maria-after-snap"));
    assertThat(hook.status()).isEqualTo(200);
    try (App second = server.secondNode()) {
      RestClient mariaThere = new RestClient("http://127.0.0.1:" + second.port(), maria, "maria-after-snap");
      assertThat(mariaThere.call("user.current", null).status()).isEqualTo(200); // cached there now
      long task = addTask(admin, "only after the snapshot");
      RestClient adminThere = mariaThere.as(1, TestServer.ADMIN_CODE);
      assertThat(adminThere.call("tasks.task.get", Map.of("taskId", task)).result().has("task")).isTrue();

      assertThat(admin.call("b24tasks.snapshot.restore", Map.of("NAME", "no-extra-hook")).status()).isEqualTo(200);
      Response gone = mariaThere.call("user.current", null);
      assertThat(gone.status()).isEqualTo(401);
      assertThat(gone.error()).isEqualTo("NO_AUTH_FOUND");
      assertThat(adminThere.call("tasks.task.get", Map.of("taskId", task)).result().has("task")).isFalse();
    }
  }

  @Test
  void an_owner_without_superuser_rights_restores_with_truncate_in_foreign_key_order() throws Exception {
    String suffix = Long.toHexString(System.nanoTime());
    String role = "portal_plain_" + suffix;
    String database = "t_portal_plain_" + suffix;
    try (Connection c = DriverManager.getConnection(dev.b24tasks.testing.TestPostgres.adminUrl());
        Statement st = c.createStatement()) {
      st.execute("CREATE ROLE " + role + " LOGIN NOSUPERUSER");
      st.execute("CREATE DATABASE " + database + " OWNER " + role);
    }
    String url = "jdbc:postgresql://127.0.0.1:5432/" + database + "?user=" + role;
    try {
      try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
        c.setAutoCommit(false);
        // the precondition: this user may not switch the foreign-key triggers off
        assertThatThrownBy(
            () -> st.execute("SET LOCAL session_replication_role = replica")).isInstanceOf(java.sql.SQLException.class);
        c.rollback();
      }
      try (App plain = App.start(TestServer.nodeSettings(url))) {
        RestClient admin = new RestClient("http://127.0.0.1:" + plain.port(), 1, TestServer.ADMIN_CODE);
        long kept = admin.call("tasks.task.add", Map.of("fields", Map.of("TITLE", "kept", "RESPONSIBLE_ID", 1)))
            .result().get("task").get("id").asLong();
        admin.call("tasks.task.update", Map.of("taskId", kept, "fields", Map.of("AUDITORS", List.of(1))));
        assertThat(admin.call("b24tasks.snapshot.save", Map.of("NAME", "plain")).status()).isEqualTo(200);
        long gone = admin.call("tasks.task.add", Map.of("fields", Map.of("TITLE", "gone", "RESPONSIBLE_ID", 1)))
            .result().get("task").get("id").asLong();
        Response restored = admin.call("b24tasks.snapshot.restore", Map.of("NAME", "plain"));
        assertThat(restored.status()).as(restored.body()).isEqualTo(200);
        assertThat(titles(admin)).containsExactly("kept");
        assertThat(admin.call("tasks.task.add", Map.of("fields", Map.of("TITLE", "next", "RESPONSIBLE_ID", 1)))
            .result().get("task").get("id").asLong()).isEqualTo(gone);
      }
    } finally {
      try (Connection c = DriverManager.getConnection(dev.b24tasks.testing.TestPostgres.adminUrl());
          Statement st = c.createStatement()) {
        st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        st.execute("DROP ROLE IF EXISTS " + role);
      }
    }
  }

  @Test
  void list_and_delete_and_bad_names() {
    RestClient admin = server.admin();
    admin.call("b24tasks.snapshot.save", Map.of("NAME", "to-list"));
    Response list = admin.call("b24tasks.snapshot.list", null);
    assertThat(list.result().findValuesAsText("NAME")).contains("to-list");
    JsonNode entry = null;
    for (JsonNode n : list.result()) if (n.get("NAME").asText().equals("to-list")) entry = n;
    assertThat(entry.get("TABLES").asInt()).isGreaterThan(5);
    assertThat(admin.call("b24tasks.snapshot.delete", Map.of("NAME", "to-list")).result().asBoolean()).isTrue();
    assertThat(admin.call("b24tasks.snapshot.list", null).result().findValuesAsText("NAME")).doesNotContain("to-list");

    Response unknown = admin.call("b24tasks.snapshot.restore", Map.of("NAME", "to-list"));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.error()).isEqualTo("INVALID_ARGUMENT");
    assertThat(unknown.errorDescription()).isEqualTo("Snapshot to-list not found");
    assertThat(admin.call("b24tasks.snapshot.delete", Map.of("NAME", "to-list")).status()).isEqualTo(400);
    Response bad = admin.call("b24tasks.snapshot.save", Map.of("NAME", "no spaces; please"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.errorDescription()).contains("no spaces; please");
    assertThat(admin.call("b24tasks.snapshot.save", Map.of()).status()).isEqualTo(400);
    for (String m : List.of("b24tasks.snapshot.save", "b24tasks.snapshot.restore", "b24tasks.snapshot.list",
        "b24tasks.snapshot.delete")) {
      Response denied = org.as(maria).call(m, Map.of("NAME", "x"));
      assertThat(denied.status()).as(m).isEqualTo(403);
      assertThat(denied.error()).as(m).isEqualTo("ACCESS_DENIED");
    }
  }
}
