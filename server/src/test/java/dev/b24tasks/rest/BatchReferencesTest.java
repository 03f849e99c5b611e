package dev.b24tasks.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.TestServer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** M7: {@code $result} references are bounded per batch and each earlier result is converted once. */
class BatchReferencesTest {
  @RegisterExtension static TestServer server = new TestServer();

  @Test
  void references_up_to_the_cap_resolve_and_one_more_is_refused_for_that_command() {
    Map<String, Object> cmd = new LinkedHashMap<>();
    cmd.put("t", "server.time");
    cmd.put("u", "user.current");
    StringBuilder many = new StringBuilder("user.get?");
    for (int i = 0; i < Batch.MAX_REFERENCES; i++) many.append("FILTER[ID][]=$result[u][ID]&");
    cmd.put("ok", many.toString());
    cmd.put("over", "user.get?FILTER[ID]=$result[u][ID]");
    Response r = server.admin().call("batch", Map.of("cmd", cmd));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    var result = r.result();
    assertThat(result.get("result").get("ok").get(0).get("ID").asText()).isEqualTo("1");
    assertThat(result.get("result_error").get("over").get("error").asText()).isEqualTo("INVALID_REQUEST");
    assertThat(result.get("result_error").get("over").get("error_description").asText())
        .contains("Too many $result references");
  }
}
