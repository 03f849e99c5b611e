package dev.b24tasks.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.b24tasks.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The generic call against a real server: envelope, time block, typed errors, what is and is not retried. */
class ClientCallTest {
  @RegisterExtension static TestServer server = new TestServer();
  static Bitrix24 b24;

  @BeforeAll
  static void client() {
    b24 = Servers.admin(server);
  }

  @AfterAll
  static void close() {
    b24.close();
  }

  @Test
  void callAnswersResultAndTime() {
    Response r = b24.call("server.time");
    assertThat(r.result().asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*");
    assertThat(r.total()).isNull();
    assertThat(r.time().start()).isNotNull();
    assertThat(r.time().finish()).isAfterOrEqualTo(r.time().start());
    assertThat(r.time().hasOperating()).isTrue();
    assertThat(b24.call("user.current").result().get("ID").asText()).isEqualTo("1");
  }

  @Test
  void listCallsCarryTotalAndNext() {
    for (int i = 0; i < 3; i++) {
      b24.call("tasks.task.add", Map.of("fields", Map.of("TITLE", "total " + i, "RESPONSIBLE_ID", 1)));
    }
    Response all = b24.call("tasks.task.list", Map.of("filter", Map.of("%TITLE", "total "), "select",
        java.util.List.of("ID")));
    assertThat(all.total()).isEqualTo(3);
    assertThat(all.next()).isNull();
    assertThat(all.hasMore()).isFalse();
  }

  @Test
  void unknownMethodIsNotFoundWithItsStatus() {
    long before = b24.stats().requests();
    assertThatThrownBy(() -> b24.call("no.such.method"))
        .isInstanceOfSatisfying(NotFoundException.class, e -> {
          assertThat(e.code()).isEqualTo("ERROR_METHOD_NOT_FOUND");
          assertThat(e.httpStatus()).isEqualTo(404);
          assertThat(e.method()).isEqualTo("no.such.method");
        });
    assertThat(b24.stats().requests() - before).as("a 4xx is never retried").isEqualTo(1);
  }

  @Test
  void wrongWebhookCodeIsAnAuthError() {
    try (Bitrix24 wrong = Bitrix24.builder().webhook(server.baseUrl() + "/rest/1/wrongcode/")
        .rateLimit(RateLimit.OFF).build()) {
      assertThatThrownBy(() -> wrong.call("server.time")).isInstanceOfSatisfying(AuthException.class, e -> {
        assertThat(e.code()).isEqualTo("NO_AUTH_FOUND");
        assertThat(e.httpStatus()).isEqualTo(401);
      });
    }
  }

  @Test
  void businessErrorsKeepTheirCodeAndDescription() {
    long id = b24.call("tasks.task.add", Map.of("fields", Map.of("TITLE", "pending", "RESPONSIBLE_ID", 1)))
        .result().get("task").get("id").asLong();
    assertThatThrownBy(() -> b24.call("tasks.task.approve", Map.of("taskId", id)))
        .isExactlyInstanceOf(Bitrix24Exception.class)
        .satisfies(e -> {
          Bitrix24Exception b = (Bitrix24Exception) e;
          assertThat(b.code()).isEqualTo("1048582");
          assertThat(b.httpStatus()).isEqualTo(400);
          assertThat(b.description()).isNotBlank();
        });
    assertThatThrownBy(() -> b24.call("tasks.task.add", Map.of("fields", Map.of("RESPONSIBLE_ID", 1))))
        .isInstanceOfSatisfying(Bitrix24Exception.class, e -> assertThat(e.code()).isEqualTo("ERROR_CORE"));
  }

  @Test
  void positionalParametersGoAsAList() {
    long id = b24.call("tasks.task.add", Map.of("fields", Map.of("TITLE", "positional", "RESPONSIBLE_ID", 1)))
        .result().get("task").get("id").asLong();
    Response r = b24.call("task.item.getdata", java.util.List.of(id));
    assertThat(r.result().get("TITLE").asText()).isEqualTo("positional");
  }

  @Test
  void restV3ErrorsAreTypedToo() {
    assertThatThrownBy(() -> b24.callV3("tasks.task.nosuch", Map.of()))
        .isInstanceOfSatisfying(NotFoundException.class, e -> {
          assertThat(e.code()).isEqualTo("BITRIX_REST_V3_EXCEPTION_METHODNOTFOUNDEXCEPTION");
          assertThat(e.httpStatus()).isEqualTo(400);
        });
    assertThatThrownBy(() -> b24.callV3("tasks.task.get", Map.of()))
        .isInstanceOfSatisfying(Bitrix24Exception.class, e -> {
          assertThat(e.code()).contains("VALIDATION");
          assertThat(e.httpStatus()).isEqualTo(400);
          assertThat(e.description()).contains("id");
        });
  }

  @Test
  void webhookUrlsAreChecked() {
    assertThatThrownBy(() -> Bitrix24.webhook("https://example.com/rest/x/abc/"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Bitrix24.webhook("https://example.com/api/1/abc/"))
        .isInstanceOf(IllegalArgumentException.class);
    try (Bitrix24 v3form = Bitrix24.builder().webhook(server.baseUrl() + "/rest/api/1/" + TestServer.ADMIN_CODE)
        .rateLimit(RateLimit.OFF).build()) {
      assertThat(v3form.call("server.time").result().isTextual()).isTrue();
    }
  }
}
