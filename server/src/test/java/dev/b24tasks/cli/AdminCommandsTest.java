package dev.b24tasks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.App;
import dev.b24tasks.config.Settings;
import dev.b24tasks.rest.Json;
import dev.b24tasks.testing.Cli;
import dev.b24tasks.testing.Cli.Run;
import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.RestClient;
import dev.b24tasks.testing.TestPostgres;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code user create}, {@code webhook create|list} and {@code token create} run in-process on a test database;
 * what they make is then used over HTTP by a server on the same database.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminCommandsTest {
  static String url;

  @BeforeAll
  static void database() {
    url = TestPostgres.newDatabase();
  }

  @AfterAll
  static void drop() {
    TestPostgres.dropDatabase(url);
  }

  static Run run(String... args) {
    return runOn(url, args);
  }

  static Run runOn(String database, String... args) {
    return Cli.on(database, args);
  }

  static App serverOnSameDatabase() throws Exception {
    Settings s = new Settings();
    s.dataDir = Files.createTempDirectory("b24-tasks-cli");
    s.databaseUrl = url;
    s.port = 0;
    s.tlsPort = -1;
    s.rateLimit = "off";
    s.announce = false;
    return App.start(s);
  }

  @Test
  @Order(1)
  void user_create_makes_users_and_webhook_create_refuses_an_unknown_user() {
    Run none = run("webhook", "create", "--user", "1", "--scopes", "task");
    assertThat(none.exit()).isNotZero();
    assertThat(none.err()).contains("User 1 does not exist");

    Run admin = run("user", "create", "--email", "boss@example.com", "--name", "Anna", "--last-name", "Boss", "--admin");
    assertThat(admin.exit()).isZero();
    assertThat(admin.out()).contains("Created user 1 (administrator): boss@example.com");
    Run worker = run("user", "create", "--email", "worker@example.com", "--name", "Ivan");
    assertThat(worker.out()).contains("Created user 2:");

    Run bad = run("user", "create", "--email", "not-an-address");
    assertThat(bad.exit()).isNotZero();
  }

  @Test
  @Order(2)
  void webhook_create_prints_a_url_that_works_with_exactly_its_scopes() throws Exception {
    Run made = run("webhook", "create", "--user", "2", "--scopes", "user", "--code", "cli-code-1",
        "--base-url", "http://example.test:9000/");
    assertThat(made.exit()).as(made.err()).isZero();
    assertThat(made.out()).contains("http://example.test:9000/rest/2/cli-code-1/");
    Run random = run("webhook", "create", "--user", "1", "--scopes", "task,user", "--expires", "2999-01-01T00:00:00Z");
    Matcher m = Pattern.compile("/rest/1/([a-z0-9]{16})/").matcher(random.out());
    assertThat(m.find()).as(random.out()).isTrue();
    Run unknownScope = run("webhook", "create", "--user", "1", "--scopes", "task,crm");
    assertThat(unknownScope.exit()).isNotZero();
    assertThat(unknownScope.err()).contains("Unknown scope 'crm'");
    assertThat(run("webhook", "create", "--user", "1", "--scopes", "task", "--expires", "soon").exit()).isNotZero();

    try (App app = serverOnSameDatabase()) {
      RestClient worker = new RestClient("http://127.0.0.1:" + app.port(), 2, "cli-code-1");
      Response me = worker.get("user.current");
      assertThat(me.status()).isEqualTo(200);
      assertThat(me.result().get("ID").asText()).isEqualTo("2");
      assertThat(me.result().get("NAME").asText()).isEqualTo("Ivan");
      assertThat(worker.get("scope").result().toString()).isEqualTo("[\"user\"]");
      RestClient boss = new RestClient("http://127.0.0.1:" + app.port(), 1, m.group(1));
      assertThat(boss.get("profile").result().get("ADMIN").asBoolean()).isTrue();
    }
  }

  @Test
  @Order(3)
  void webhook_list_shows_users_scopes_and_expiry_but_never_codes() {
    Run list = run("webhook", "list");
    assertThat(list.exit()).isZero();
    assertThat(list.out()).contains("task,user").contains("2999-01-01T00:00:00Z").doesNotContain("cli-code-1");
    assertThat(list.out().lines().filter(l -> l.matches("\\d+\\s+2\\s+user\\s.*"))).hasSize(1);
  }

  @Test
  @Order(5)
  void a_store_that_cannot_be_opened_is_one_clear_line_and_exit_code_1() {
    Run r = runOn("jdbc:postgresql://127.0.0.1:1/nowhere?user=postgres", "user", "create", "--email", "a@example.com");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).startsWith("b24-tasks: cannot open the store: ").doesNotContain("\tat ");
  }

  @Test
  @Order(4)
  void token_create_prints_an_oauth_answer_whose_token_works_for_an_hour() throws Exception {
    Run made = run("token", "create", "--user", "1", "--scopes", "all");
    assertThat(made.exit()).as(made.err()).isZero();
    JsonNode answer = Json.MAPPER.readTree(made.out());
    assertThat(answer.get("expires_in").asLong()).isEqualTo(3600);
    long now = System.currentTimeMillis() / 1000;
    assertThat(answer.get("expires").asLong()).isBetween(now + 3500, now + 3700);
    assertThat(answer.get("client_endpoint").asText()).isEqualTo("http://127.0.0.1:8080/rest/");
    String token = answer.get("access_token").asText();

    Run shortLived = run("token", "create", "--user", "2", "--scopes", "user", "--ttl", "60");
    assertThat(Json.MAPPER.readTree(shortLived.out()).get("expires_in").asLong()).isEqualTo(60);

    try (App app = serverOnSameDatabase()) {
      RestClient any = new RestClient("http://127.0.0.1:" + app.port(), 1, "x");
      Response r = any.raw("GET", "/rest/profile?auth=" + token, null, null);
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.result().get("ID").asText()).isEqualTo("1");
    }
  }
}
