package dev.b24tasks.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.TestServer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** M3 in the REST 3.0 dialect: a NUL character, a value the store cannot hold, never a 500. */
class V3BadValuesTest {
  @RegisterExtension static TestServer server = new TestServer();

  private static Response v3(String method, String json) {
    return server.admin().raw("POST", "/rest/api/1/" + TestServer.ADMIN_CODE + "/" + method, "application/json",
        json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void nul_characters_and_out_of_range_values_are_refused_with_4xx() {
    for (String body : new String[] {
        "{\"fields\":{\"title\":\"a\\u0000b\",\"responsibleId\":1}}",
        "{\"fields\":{\"ti\\u0000tle\":\"ab\",\"responsibleId\":1}}",
        "{\"fields\":{\"title\":\"far\",\"responsibleId\":1,\"deadline\":\"+999999-01-01T00:00:00+00:00\"}}",
        "{\"fields\":{\"title\":\"x\",\"responsibleId\":18446744073709551617}}",
        "{\"filter\":[[\"title\",\"=\",\"a\\u0000\"]]}"}) {
      Response add = v3(body.contains("filter") ? "tasks.task.list" : "tasks.task.add", body);
      assertThat(add.status()).as(body + " -> " + add).isBetween(200, 499);
      assertThat(add.body()).doesNotContain("Exception").doesNotContain("SQL");
    }
  }
}
