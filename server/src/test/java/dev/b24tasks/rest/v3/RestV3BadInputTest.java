package dev.b24tasks.rest.v3;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.RestClient;
import dev.b24tasks.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Random REST 3.0 requests from a fixed seed: every method and the batch, parameters of every JSON type in every
 * place, broken bodies. Never a 5xx, always the v3 error envelope (or a success), never an exception text.
 */
class RestV3BadInputTest {
  @RegisterExtension static TestServer server = new TestServer();

  static final List<String> METHODS = List.of("tasks.task.add", "tasks.task.get", "tasks.task.list",
      "tasks.task.update", "tasks.task.delete", "tasks.task.access.get", "tasks.task.field.list",
      "tasks.task.field.get", "tasks.task.access.field.get", "batch", "documentation", "no.such.method");
  static final List<String> KEYS = List.of("id", "fields", "select", "filter", "order", "pagination", "cursor", "name",
      "title", "creatorId", "responsibleId", "deadline", "priority", "accomplices", "logic", "conditions", "type",
      "leftOperand", "operator", "rightOperand", "page", "limit", "offset", "value", "field", "method", "query", "as",
      "$ref", "$refArray", "0", "1");

  @Test
  void random_requests_never_get_a_5xx_and_always_get_a_bitrix_envelope() {
    Random rnd = new Random(20261201L);
    RestClient admin = server.admin();
    for (int i = 0; i < 400; i++) {
      String method = METHODS.get(rnd.nextInt(METHODS.size()));
      String body = rnd.nextInt(10) == 0 ? garbage(rnd) : value(rnd, 0, true);
      Response r = admin.raw("POST", "/rest/api/1/" + TestServer.ADMIN_CODE + "/" + method, "application/json",
          body.getBytes(StandardCharsets.UTF_8));
      assertThat(r.status()).as(method + " " + body + " -> " + r).isLessThan(500);
      JsonNode json = r.json();
      assertThat(json).as(method + " " + body + " -> " + r.body()).isNotNull();
      if (r.status() >= 400) {
        assertThat(json.at("/error/code").asText()).as(body).startsWith("BITRIX_REST_V3_");
        assertThat(r.body()).doesNotContain("Exception:", "at dev.", "java.");
      }
    }
  }

  private static String garbage(Random rnd) {
    String[] bits = {"{", "}", "[", "]", "\"", ":", ",", "\\u0000", "nul", "1e99999", "\u0000", "\uD800"};
    StringBuilder b = new StringBuilder();
    for (int i = rnd.nextInt(12); i >= 0; i--) b.append(bits[rnd.nextInt(bits.length)]);
    return b.toString();
  }

  private static String value(Random rnd, int depth, boolean object) {
    int kind = object ? 5 : rnd.nextInt(depth > 3 ? 4 : 6);
    return switch (kind) {
      case 0 -> Long.toString(rnd.nextInt(7) == 0 ? Long.MAX_VALUE : rnd.nextInt(2000) - 100);
      case 1 -> rnd.nextBoolean() ? "\"" + KEYS.get(rnd.nextInt(KEYS.size())) + "\"" : "\"x\\u0000y\"";
      case 2 -> rnd.nextBoolean() ? "null" : Boolean.toString(rnd.nextBoolean());
      case 3 -> rnd.nextBoolean() ? "1.5e300" : "\"2025-12-31T23:59:59+02:00\"";
      case 4 -> {
        StringBuilder b = new StringBuilder("[");
        for (int i = rnd.nextInt(4); i > 0; i--) b.append(value(rnd, depth + 1, false)).append(i > 1 ? "," : "");
        yield b.append("]").toString();
      }
      default -> {
        StringBuilder b = new StringBuilder("{");
        for (int i = rnd.nextInt(5); i > 0; i--) {
          b.append('"').append(KEYS.get(rnd.nextInt(KEYS.size()))).append("\":").append(value(rnd, depth + 1, false))
              .append(i > 1 ? "," : "");
        }
        yield b.append("}").toString();
      }
    };
  }
}
