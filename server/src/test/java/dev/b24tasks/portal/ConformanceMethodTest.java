package dev.b24tasks.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.rest.Method;
import dev.b24tasks.testing.Org;
import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** b24tasks.conformance over HTTP: one row per served method, from the running server's method table. */
class ConformanceMethodTest {
  @RegisterExtension static TestServer server = new TestServer();

  @Test
  void every_served_method_is_a_row_with_a_status_and_its_tests_for_administrators_only() {
    Response r = server.admin().call("b24tasks.conformance", null);
    assertThat(r.status()).isEqualTo(200);
    List<String> served = server.app().registry.methods().stream().map(Method::name).toList();
    assertThat(r.result().findValuesAsText("METHOD")).containsExactlyElementsOf(served);
    List<String> withTests = new ArrayList<>();
    for (JsonNode row : r.result()) {
      assertThat(row.get("STATUS").asText()).isIn("exact", "partial", "not modelled", "extension");
      if (!row.get("TESTS").isEmpty()) withTests.add(row.get("METHOD").asText());
    }
    assertThat(withTests).hasSizeGreaterThan(served.size() / 2);
    Org org = new Org(server);
    long maria = org.user("Maria", "Conform");
    Response denied = org.as(maria).call("b24tasks.conformance", null);
    assertThat(denied.status()).isEqualTo(403);
    assertThat(denied.error()).isEqualTo("ACCESS_DENIED");
  }
}
