package dev.b24tasks.apps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.App;
import dev.b24tasks.config.Settings;
import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.ServerProcess;
import dev.b24tasks.testing.TestPostgres;
import dev.b24tasks.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Two server processes on one PostgreSQL: an app's token issued by one works on the other, a single-use refresh
 * token sent to both at the same moment is redeemed exactly once, and an uninstall on one ends its tokens on both.
 */
class AppsMultiNodeIT {
  @Test
  void two_processes_share_app_tokens_and_redeem_a_refresh_token_once() throws Exception {
    String url = TestPostgres.newDatabase();
    Path dir = Files.createTempDirectory("b24-apps-two-nodes");
    try {
      Settings s = TestServer.nodeSettings(url);
      try (App setup = App.start(s)) {
        // migrates the schema and makes the administrator
      }
      try (ServerProcess a = ServerProcess.start(dir.resolve("a"), url);
          ServerProcess b = ServerProcess.start(dir.resolve("b"), url)) {
        Response added = a.admin().call("b24tasks.app.add", Map.of("NAME", "Two nodes",
            "HANDLER", "https://app.example/handler", "SCOPE", List.of("task"), "API_ONLY", "Y"));
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        long id = added.result().get("ID").asLong();
        OAuth onA = new OAuth(a.admin(), added.result().get("CLIENT_ID").asText(),
            added.result().get("CLIENT_SECRET").asText());
        OAuth onB = new OAuth(b.admin(), onA.clientId(), onA.clientSecret());

        JsonNode opened = a.admin().call("b24tasks.app.open", Map.of("ID", id)).result().get("FIELDS");
        assertThat(onB.call(opened.get("AUTH_ID").asText(), "tasks.task.list", "{}").status()).isEqualTo(200);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
          for (int round = 0; round < 10; round++) {
            String refresh = a.admin().call("b24tasks.app.open", Map.of("ID", id)).result().get("FIELDS")
                .get("REFRESH_ID").asText();
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Response>> answers = new ArrayList<>();
            for (OAuth node : List.of(onA, onB)) {
              answers.add(pool.submit(() -> {
                go.await();
                return node.refresh(refresh);
              }));
            }
            go.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<Response> f : answers) {
              Response r = f.get();
              outcomes.add(r.status() + " " + (r.status() == 200 ? "pair" : r.json().get("error").asText()));
            }
            assertThat(outcomes).as("round " + round).containsExactlyInAnyOrder("200 pair", "400 invalid_grant");
          }
        } finally {
          pool.shutdownNow();
        }

        // a token node B has never seen: after the uninstall on A it is refused on B at once
        String unseen = a.admin().call("b24tasks.app.open", Map.of("ID", id)).result().get("FIELDS")
            .get("AUTH_ID").asText();
        assertThat(a.admin().call("b24tasks.app.uninstall", Map.of("ID", id)).result().asBoolean()).isTrue();
        Response dead = onB.call(unseen, "tasks.task.list", "{}");
        assertThat(dead.status()).isEqualTo(401);
        assertThat(dead.error()).isEqualTo("invalid_token");
      }
    } finally {
      TestPostgres.dropDatabase(url);
    }
  }
}
