package dev.b24tasks.directory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.b24tasks.App;
import dev.b24tasks.config.Settings;
import dev.b24tasks.testing.Org;
import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.RestClient;
import dev.b24tasks.testing.TestServer;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two server processes on one database (here: two Apps in one JVM, each with its own pool and caches): what one
 * changes the other knows at once, and racing writes through both never break the structure.
 */
class ConcurrencyTest {
  @RegisterExtension static TestServer server = new TestServer();

  static App second;
  static RestClient adminA;
  static RestClient adminB;
  static Org org;
  // two real threads: the common pool may have just one on a 2-core machine, and the barrier needs both
  static final ExecutorService TWO = Executors.newFixedThreadPool(2);

  @BeforeAll
  static void secondProcess() throws Exception {
    Settings s = new Settings();
    s.dataDir = Files.createTempDirectory("b24-second");
    s.port = 0;
    s.tlsPort = -1;
    s.rateLimit = "off";
    s.announce = false;
    s.databaseUrl = server.app().settings.databaseUrl;
    s.databasePoolSize = 4;
    second = App.start(s);
    org = new Org(server);
    adminA = server.admin();
    adminB = new RestClient("http://127.0.0.1:" + second.port(), 1, TestServer.ADMIN_CODE);
  }

  @AfterAll
  static void stopSecond() {
    TWO.shutdownNow();
    if (second != null) second.close();
  }

  @Test
  void a_head_set_through_one_process_manages_at_once_in_the_other() {
    long d = org.department("Shared", Org.ROOT);
    long boss = org.user("Sue", "Boss", Org.ROOT);
    long worker = org.user("Wil", "Worker", d);
    assertThat(second.directory.isManagerOf(boss, worker)).isFalse();
    adminA.call("department.update", Map.of("ID", d, "UF_HEAD", boss));
    assertThat(second.directory.isManagerOf(boss, worker)).isTrue();
    assertThat(second.directory.subordinates(boss)).containsExactly(worker);
  }

  @Test
  void racing_moves_through_two_processes_never_build_a_cycle() throws Exception {
    for (int round = 0; round < 6; round++) {
      long a = org.department("A" + round, Org.ROOT);
      long b = org.department("B" + round, Org.ROOT);
      CyclicBarrier start = new CyclicBarrier(2);
      CompletableFuture<Response> ab = CompletableFuture.supplyAsync(() -> {
        await(start);
        return adminA.call("department.update", Map.of("ID", a, "PARENT", b));
      }, TWO);
      CompletableFuture<Response> ba = CompletableFuture.supplyAsync(() -> {
        await(start);
        return adminB.call("department.update", Map.of("ID", b, "PARENT", a));
      }, TWO);
      List<Integer> statuses = new ArrayList<>(List.of(ab.get(60, TimeUnit.SECONDS).status(),
          ba.get(60, TimeUnit.SECONDS).status()));
      assertThat(statuses).containsExactlyInAnyOrder(200, 400);
    }
  }

  @Test
  void racing_invitations_of_one_e_mail_make_one_user() throws Exception {
    for (int round = 0; round < 6; round++) {
      String email = "race" + round + "@example.com";
      CyclicBarrier start = new CyclicBarrier(2);
      CompletableFuture<Response> one = CompletableFuture.supplyAsync(() -> {
        await(start);
        return adminA.call("user.add", Map.of("EMAIL", email, "UF_DEPARTMENT", 1));
      }, TWO);
      CompletableFuture<Response> two = CompletableFuture.supplyAsync(() -> {
        await(start);
        return adminB.call("user.add", Map.of("EMAIL", email, "UF_DEPARTMENT", 1));
      }, TWO);
      assertThat(List.of(one.get(60, TimeUnit.SECONDS).status(), two.get(60, TimeUnit.SECONDS).status()))
          .containsExactlyInAnyOrder(200, 400);
      assertThat(adminA.call("user.get", Map.of("EMAIL", email)).result()).hasSize(1);
    }
  }

  private static void await(CyclicBarrier b) {
    try {
      b.await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
