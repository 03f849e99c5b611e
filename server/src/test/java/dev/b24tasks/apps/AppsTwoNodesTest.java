package dev.b24tasks.apps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.App;
import dev.b24tasks.config.Settings;
import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.RestClient;
import dev.b24tasks.testing.TestServer;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two nodes (each its own pool, token cache and listener) on one PostgreSQL: a token issued by one works on the
 * other, and a single-use refresh token sent to both at once is redeemed exactly once.
 */
class AppsTwoNodesTest {
  @RegisterExtension static TestServer nodeA = new TestServer(s -> s.oauthDevUser = 1L);

  static App nodeB;
  static OAuth onA;
  static OAuth onB;

  @BeforeAll
  static void startSecondNode() throws Exception {
    Settings s = new Settings();
    s.dataDir = Files.createTempDirectory("b24-apps-node-b");
    s.port = 0;
    s.tlsPort = -1;
    s.rateLimit = "off";
    s.announce = false;
    s.oauthDevUser = 1L;
    s.databaseUrl = nodeA.app().settings.databaseUrl;
    s.databasePoolSize = 8;
    nodeB = App.start(s);
    Response added = nodeA.admin().call("b24tasks.app.add", Map.of("NAME", "Clustered",
        "HANDLER", "https://app.example/handler", "SCOPE", List.of("task"), "API_ONLY", "Y"));
    String clientId = added.result().get("CLIENT_ID").asText();
    String secret = added.result().get("CLIENT_SECRET").asText();
    onA = new OAuth(nodeA.admin(), clientId, secret);
    onB = new OAuth(new RestClient("http://127.0.0.1:" + nodeB.port(), 1, TestServer.ADMIN_CODE), clientId, secret);
  }

  @AfterAll
  static void stopSecondNode() {
    if (nodeB != null) nodeB.close();
  }

  @Test
  void a_token_issued_on_one_node_works_on_the_other_and_a_refresh_there_too() {
    JsonNode pair = onA.code(OAuthTest.code(onA, null)).json();
    assertThat(onB.call(pair.get("access_token").asText(), "tasks.task.list", "{}").status()).isEqualTo(200);
    JsonNode next = onB.refresh(pair.get("refresh_token").asText()).json();
    assertThat(onA.call(next.get("access_token").asText(), "app.info", "{}").result().get("CODE").asText())
        .isEqualTo(onA.clientId());
  }

  @Test
  void a_refresh_token_sent_to_both_nodes_at_once_is_redeemed_exactly_once() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 15; round++) {
        String refresh = onA.code(OAuthTest.code(onA, null)).json().get("refresh_token").asText();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        for (OAuth node : List.of(onA, onB)) {
          answers.add(pool.submit(() -> {
            go.await();
            return node.refresh(refresh);
          }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Response> f : answers) {
          Response r = f.get();
          statuses.add(r.status());
          if (r.status() != 200) assertThat(r.json().get("error").asText()).isEqualTo("invalid_grant");
        }
        assertThat(statuses).as("round " + round).containsExactlyInAnyOrder(200, 400);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
