package dev.b24tasks.clients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.b24tasks.App;
import dev.b24tasks.auth.Scopes;
import dev.b24tasks.testing.MutableClock;
import dev.b24tasks.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Real Bitrix24 clients that nobody here wrote, run unmodified against this server: the official JS SDK over
 * HTTPS, {@code @2bad/bitrix} over plain HTTP, a PHP client speaking CRest's form-encoded wire format, and the
 * curl examples of the seed doc pages. The scenarios live in {@code clients/test/*.test.mjs} (Node's test runner);
 * this class starts the servers, hands their URLs and credentials over in environment variables, and fails when
 * node does. Without Node the suite is skipped with the reason (CI's {@code .ci/run} refuses to run without it).
 */
class ClientConformanceIT {
  /** The portal every scenario runs on; the SDK's limiter is opened up in the scenarios, the server's is off. */
  @RegisterExtension
  static TestServer server = new TestServer(s -> s.tlsPort = 0);

  /**
   * A portal whose per-method operating budget is exhausted by the first call, so that the second one is refused
   * with 429 OPERATION_TIME_LIMIT without waiting for anything.
   */
  @RegisterExtension
  static TestServer limited = new TestServer(s -> {
    s.tlsPort = 0;
    s.operatingLimitSeconds = 1e-9;
  });

  /**
   * A portal for the application scenarios: its clock stands still until a scenario moves it
   * ({@code test.clock.advance}), so an access token's hour passes without waiting; authorization requests are
   * signed in as the administrator (the OAuth dev mode).
   */
  static final MutableClock appClock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));

  @RegisterExtension
  static TestServer apps = new TestServer(s -> {
    s.tlsPort = 0;
    s.clock = appClock;
    s.oauthDevUser = 1L;
    s.oauthTlsPort = 0;
  }, r -> r.named("test.clock.advance", "basic", call -> {
    appClock.advance(Duration.ofSeconds(call.params().requireLong("seconds")));
    return appClock.instant().getEpochSecond();
  }));

  /** Set by .ci/run: a missing Node or PHP fails the build instead of skipping. */
  private static final boolean REQUIRED = "1".equals(System.getenv("B24_CLIENTS_REQUIRED"));

  private static final String PEER_CODE = "peercode";

  private static String skipReason;

  @BeforeAll
  static void findNode() {
    skipReason = NodeSuite.whyNotRunnable();
    if (skipReason != null) {
      NodeSuite.log("SKIPPED the real-client suite (clients/): " + skipReason);
    }
  }

  /** The servers' data folders (certificates, keystores) go with them; their databases are dropped by TestServer. */
  @AfterAll
  static void removeDataFolders() throws IOException {
    for (TestServer s : List.of(server, limited, apps)) {
      if (s.app() == null) continue;
      try (Stream<Path> files = Files.walk(s.app().settings.dataDir)) {
        for (Path f : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
      }
    }
  }

  @Test
  void real_clients_pass_unmodified() throws IOException {
    if (skipReason != null && REQUIRED) {
      throw new AssertionError("B24_CLIENTS_REQUIRED is set (CI), but the real-client suite cannot run: " + skipReason);
    }
    Assumptions.assumeTrue(skipReason == null, () -> "Real-client suite skipped: " + skipReason);
    NodeSuite suite = NodeSuite.locate();
    suite.installIfNeeded();

    Map<String, String> env = new LinkedHashMap<>();
    App app = server.app();
    env.put("B24_HTTP_URL", server.baseUrl());
    env.put("B24_HOOK_USER", "1");
    env.put("B24_HOOK_CODE", TestServer.ADMIN_CODE);
    env.put("B24_TOKEN", app.auth.createToken(1, Scopes.ALL, Duration.ofHours(2)).accessToken());
    // A second employee with a webhook of its own: the responsible who completes under task control.
    long peer = app.directory.createUser("peer@b24-tasks.local", "Peer", "Client", false);
    app.auth.createWebhook(peer, Scopes.ALL, PEER_CODE, null, "real-client suite");
    env.put("B24_PEER_USER", Long.toString(peer));
    env.put("B24_PEER_CODE", PEER_CODE);
    env.put("B24_LIMITED_HTTP_URL", limited.baseUrl());
    env.put("B24_HTTPS_URL", httpsUrl(server));
    env.put("B24_LIMITED_HTTPS_URL", httpsUrl(limited));
    env.put("B24_APPS_HTTP_URL", apps.baseUrl());
    env.put("B24_APPS_HTTPS_URL", httpsUrl(apps));
    env.put("B24_APPS_OAUTH_PORT", Integer.toString(apps.app().oauthTlsPort()));
    // Each server generated its own self-signed certificate; node (and curl) trust both through one bundle.
    Path bundle = Files.createTempFile("b24-tasks-ca", ".pem");
    bundle.toFile().deleteOnExit();
    Files.writeString(bundle, Files.readString(certificateOf(server)) + Files.readString(certificateOf(limited))
        + Files.readString(certificateOf(apps)) + Files.readString(apps.app().oauthCertificatePem()));
    env.put("NODE_EXTRA_CA_CERTS", bundle.toString());
    env.put("B24_CA_FILE", bundle.toString());
    if (REQUIRED) env.put("B24_CLIENTS_REQUIRED", "1");
    Path seeds = seedsDir();
    if (seeds != null) env.put("B24_SEEDS_DIR", seeds.toString());

    NodeSuite.Result result = suite.runTests(env);
    assertThat(result.exit())
        .as("node --test in clients/ failed; its last lines:\n%s", result.tail())
        .isZero();
  }

  private static String httpsUrl(TestServer s) {
    assertThat(s.app().tlsPort()).as("the HTTPS listener (settings.tlsPort = 0)").isPositive();
    return "https://127.0.0.1:" + s.app().tlsPort();
  }

  private static Path certificateOf(TestServer s) {
    Path cert = s.app().settings.dataDir.resolve("tls").resolve("cert.pem");
    assertThat(cert).as("the HTTPS listener's generated certificate").isRegularFile();
    return cert;
  }

  /** shared/seeds beside the checkout (the seed doc pages), used to check that the copied curl lines still match. */
  private static Path seedsDir() {
    String env = System.getenv("B24_SEEDS_DIR");
    if (env != null && !env.isBlank()) return Path.of(env);
    Path p = Path.of("").toAbsolutePath();
    while (p != null) {
      Path candidate = p.resolve("shared").resolve("seeds");
      if (Files.isDirectory(candidate)) return candidate;
      p = p.getParent();
    }
    return null;
  }
}
