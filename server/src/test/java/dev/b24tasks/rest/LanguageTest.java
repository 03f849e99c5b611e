package dev.b24tasks.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.b24tasks.testing.ProbeMethods;
import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code --language ru}: error descriptions come from the Russian bundle; codes stay the same. */
class LanguageTest {
  @RegisterExtension
  static TestServer server = new TestServer(s -> {
    s.language = "ru";
    s.maxBodyBytes = 100;
  }, ProbeMethods::register);

  @Test
  void error_descriptions_are_russian() {
    Response boom = server.admin().get("test.boom");
    assertThat(boom.error()).isEqualTo("INTERNAL_SERVER_ERROR");
    assertThat(boom.errorDescription()).isEqualTo("Внутренняя ошибка сервера");

    Response big = server.admin().form("test.echo", "a=" + "x".repeat(200));
    assertThat(big.status()).isEqualTo(413);
    assertThat(big.errorDescription()).isEqualTo("Тело запроса больше 100 байт");
  }

  @Test
  void batch_sub_command_errors_are_russian_too() {
    Response r = server.admin().call("batch", java.util.Map.of("cmd", java.util.Map.of("b", "test.boom")));
    assertThat(r.result().at("/result_error/b/error_description").asText()).isEqualTo("Внутренняя ошибка сервера");
  }
}
