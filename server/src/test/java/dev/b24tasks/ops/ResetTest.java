package dev.b24tasks.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.b24tasks.App;
import dev.b24tasks.auth.Scopes;
import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code b24tasks.reset}: an empty portal that keeps the administrator and the calling webhook. */
class ResetTest {
  @RegisterExtension static TestServer server = new TestServer();

  private static long users() {
    return server.app().db.read(tx -> tx.queryLong("SELECT count(*) FROM users"));
  }

  @Test
  void only_an_administrator_may_reset_and_the_reset_keeps_the_admin_and_the_calling_webhook() {
    App app = server.app();
    long employee = app.directory.createUser("e@example.com", "Employee", "", false);
    app.auth.createWebhook(employee, Scopes.ALL, "employeecode", null, "employee");
    app.auth.createWebhook(1, Scopes.ALL, "secondadmincode", null, "another admin webhook");
    app.auth.createToken(employee, Scopes.ALL, java.time.Duration.ofHours(1));

    Response denied = server.as(employee, "employeecode").call("b24tasks.reset", null);
    assertThat(denied.status()).isEqualTo(403);
    assertThat(denied.error()).isEqualTo("ACCESS_DENIED");
    assertThat(users()).isEqualTo(2);

    Response r = server.admin().call("b24tasks.reset", null);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.result().asBoolean()).isTrue();
    assertThat(users()).isEqualTo(1);
    assertThat(server.admin().call("user.current", null).status()).isEqualTo(200);
    assertThat(server.as(1, "secondadmincode").call("profile", null).status()).isEqualTo(401);
    assertThat(server.as(employee, "employeecode").call("profile", null).status()).isEqualTo(401);
    long tokens = app.db.read(tx -> tx.queryLong("SELECT count(*) FROM access_tokens"));
    assertThat(tokens).isZero();
    // ids start again after the administrator
    assertThat(app.directory.createUser("n@example.com", "New", "", false)).isEqualTo(2);
  }

  @Test
  void the_reset_needs_scope_b24tasks() {
    server.app().auth.createWebhook(1, java.util.List.of("task"), "taskonly", null, "task scope only");
    Response r = server.as(1, "taskonly").call("b24tasks.reset", null);
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.error()).isEqualTo("insufficient_scope");
  }
}
