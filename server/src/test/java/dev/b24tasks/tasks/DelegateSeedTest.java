package dev.b24tasks.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.App;
import dev.b24tasks.auth.Scopes;
import dev.b24tasks.rest.Json;
import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.RestClient;
import dev.b24tasks.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * m5, the delegate seed page (shared/seeds/003, tasks.task.delegate, a real portal's answer): task 8017, created by
 * and assigned to 503, auditors 61, 103 and 547 (as the defer seed of the same task shows them), accomplice 3,
 * delegated by 503 to 547. The portal answers responsible 547, status 2, auditors 61, 103, 503: the old
 * responsible is appended although she is the creator, and the new one is no longer an auditor. Both
 * {@code --noop-transitions} modes do the same.
 */
class DelegateSeedTest {
  @RegisterExtension static TestServer refuse = new TestServer(s -> s.noopTransitionsSucceed = false);
  @RegisterExtension static TestServer succeed = new TestServer(s -> s.noopTransitionsSucceed = true);
  @RegisterExtension static TestServer plain = new TestServer();

  static final long TASK = 8017;
  static final long CREATOR = 503;
  static final long NEW_RESPONSIBLE = 547;
  static final List<String> AUDITORS_BEFORE = List.of("61", "103", "547");
  static final List<String> AUDITORS_AFTER = List.of("61", "103", "503");
  static final Path SEED = Path.of("../../shared/seeds/003_2b7909b16d753db1.txt");

  @Test
  void delegate_follows_the_seed_when_noop_transitions_are_refused() {
    check(refuse);
  }

  @Test
  void delegate_follows_the_seed_when_noop_transitions_succeed() {
    check(succeed);
  }

  @Test
  void the_numbers_are_the_seeds_own_when_the_seed_is_beside_the_checkout() throws IOException {
    Path seed = Path.of(System.getProperty("user.dir")).resolve(SEED).normalize();
    if (!Files.exists(seed)) seed = Path.of("/work/shared/seeds/003_2b7909b16d753db1.txt");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(seed), "seed pages not beside the checkout");
    String page = Files.readString(seed);
    int start = page.indexOf("{\n    \"result\"");
    JsonNode task = Json.MAPPER.readTree(page.substring(start, page.indexOf("\n```", start))).get("result").get("task");
    assertThat(task.get("id").asLong()).isEqualTo(TASK);
    assertThat(task.get("createdBy").asLong()).isEqualTo(CREATOR);
    assertThat(task.get("responsibleId").asLong()).isEqualTo(NEW_RESPONSIBLE);
    assertThat(texts(task.get("auditors"))).isEqualTo(AUDITORS_AFTER);
  }

  private static void check(TestServer server) {
    App app = server.app();
    for (long id : List.of(3L, 61L, 103L, CREATOR, NEW_RESPONSIBLE)) {
      app.db.tx(tx -> tx.queryOne("SELECT setval('users_id_seq', ?)", rs -> true, id - 1));
      assertThat(app.directory.createUser("u" + id + "@seed.test", "User", Long.toString(id), false)).isEqualTo(id);
    }
    app.auth.createWebhook(CREATOR, Scopes.ALL, "creatorcode503", null, "seed");
    RestClient creator = server.as(CREATOR, "creatorcode503");
    app.db.tx(tx -> tx.queryOne("SELECT setval('tasks_id_seq', ?)", rs -> true, TASK - 1));
    Response added = creator.call("tasks.task.add", Map.of("fields", Map.of("TITLE", "Task Example",
        "RESPONSIBLE_ID", CREATOR, "AUDITORS", AUDITORS_BEFORE, "ACCOMPLICES", List.of(3))));
    assertThat(added.status()).as(added.toString()).isEqualTo(200);
    assertThat(added.result().get("task").get("id").asLong()).isEqualTo(TASK);
    // the seed's own request: {"taskId":8017,"userId":547}
    Response r = creator.call("tasks.task.delegate", "{\"taskId\":8017,\"userId\":547}");
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    JsonNode task = r.result().get("task");
    assertThat(task.get("responsibleId").asText()).isEqualTo("547");
    assertThat(task.get("createdBy").asText()).isEqualTo("503");
    assertThat(task.get("status").asText()).isEqualTo("2");
    assertThat(texts(task.get("auditors"))).isEqualTo(AUDITORS_AFTER);
    assertThat(texts(task.get("accomplices"))).isEqualTo(List.of("3"));
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }

  @Test
  void an_update_that_changes_the_responsible_among_other_fields_appends_no_auditor() {
    App app = plain.app();
    long a = app.directory.createUser("upd-a@seed.test", "Ann", "A", false);
    long b = app.directory.createUser("upd-b@seed.test", "Ben", "B", false);
    RestClient admin = plain.admin();
    long id = admin.call("tasks.task.add", Map.of("fields", Map.of("TITLE", "t", "RESPONSIBLE_ID", a)))
        .result().get("task").get("id").asLong();
    // RESPONSIBLE_ID alone is a delegation: the old responsible becomes an auditor
    JsonNode task = admin.call("tasks.task.update", Map.of("taskId", id, "fields", Map.of("RESPONSIBLE_ID", b)))
        .result().get("task");
    assertThat(texts(task.get("auditors"))).containsExactly(Long.toString(a));
    // with other fields it is PrepareMembers: status 2, no auditor appended
    task = admin.call("tasks.task.update", Map.of("taskId", id, "fields", Map.of("RESPONSIBLE_ID", a, "TITLE", "t2")))
        .result().get("task");
    assertThat(task.get("responsibleId").asText()).isEqualTo(Long.toString(a));
    assertThat(task.get("status").asText()).isEqualTo("2");
    assertThat(texts(task.get("auditors"))).containsExactly(Long.toString(a));
  }
}
