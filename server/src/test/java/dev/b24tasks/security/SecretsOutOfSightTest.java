package dev.b24tasks.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.b24tasks.auth.Scopes;
import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * m21, m22: a webhook code never reaches the log, even when the store fails while the code is being checked, and
 * the credential cache is keyed by the secret's hash.
 */
class SecretsOutOfSightTest {
  @RegisterExtension static TestServer server = new TestServer();

  @Test
  void the_credential_cache_holds_hashes_not_codes_or_tokens() {
    String code = server.app().auth.createWebhook(1, Scopes.ALL, "cachedcode1234", null, "cache");
    assertThat(server.as(1, code).call("server.time", null).status()).isEqualTo(200);
    String token = server.app().auth.createToken(1, Scopes.ALL, java.time.Duration.ofHours(1)).accessToken();
    assertThat(server.admin().raw("GET", "/rest/server.time?auth=" + token, null, null).status()).isEqualTo(200);
    assertThat(server.app().auth.cacheKeys()).isNotEmpty()
        .allSatisfy(k -> assertThat(k).doesNotContain(code).doesNotContain(token));
  }

  @Test
  void a_store_failure_during_authentication_logs_the_method_but_not_the_code() {
    String code = server.app().auth.createWebhook(1, Scopes.ALL, "neverlogged5678", null, "log");
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> seen = new ListAppender<>();
    seen.start();
    root.addAppender(seen);
    try {
      server.app().db.tx(tx -> tx.update("ALTER TABLE webhooks RENAME TO webhooks_away"));
      Response r = server.as(1, code).call("tasks.task.list", Map.of());
      assertThat(r.status()).isEqualTo(500);
      assertThat(r.body()).doesNotContain(code);
    } finally {
      server.app().db.tx(tx -> tx.update("ALTER TABLE webhooks_away RENAME TO webhooks"));
      root.detachAppender(seen);
    }
    assertThat(seen.list).isNotEmpty();
    for (ILoggingEvent e : seen.list) {
      String text = e.getFormattedMessage() + (e.getThrowableProxy() == null ? ""
          : ThrowableProxyUtil.asString(e.getThrowableProxy()));
      assertThat(text).doesNotContain(code);
    }
    assertThat(seen.list.stream().map(ILoggingEvent::getFormattedMessage)).anyMatch(m -> m.contains("tasks.task.list"));
  }

  @Test
  void a_webhook_code_shorter_than_eight_characters_is_refused_at_start_and_over_rest() {
    TestServer weak = new TestServer(s -> s.webhook = "1:a");
    try {
      org.assertj.core.api.Assertions.assertThatThrownBy(weak::start).hasMessageContaining("at least 8 characters");
    } finally {
      weak.stop();
    }
    Response r = server.admin().call("b24tasks.webhook.add", Map.of("USER_ID", 1, "CODE", "short"));
    assertThat(r.status()).isEqualTo(400);
  }
}
