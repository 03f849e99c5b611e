package dev.b24tasks.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.b24tasks.testing.TestServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * OAuth: calls with an access token in the body, and its renewal at the token endpoint
 * ({@code grant_type=refresh_token}) when the portal says {@code expired_token} or the known expiry has passed,
 * with the new tokens handed to the application. The server's clock is moved past the token's hour.
 */
class ClientOAuthTest {
  static final Servers.Time time = new Servers.Time();
  @RegisterExtension static TestServer server = new TestServer(s -> s.clock = time.clock);
  static Bitrix24 admin;

  @BeforeAll
  static void admin() {
    admin = Servers.admin(server);
  }

  @AfterAll
  static void close() {
    admin.close();
  }

  static URI restEndpoint() {
    return URI.create(server.baseUrl() + "/rest/");
  }

  @Test
  void aBareTokenCallsWithAuthInTheBodyAndItsExpiryIsSeen() {
    Response issued = admin.call("b24tasks.token.add", Map.of("USER_ID", 1));
    String token = issued.result().get("access_token").asText();
    // no expiry given to the client: it learns of it from the portal's 401
    OAuthTokens tokens = OAuthTokens.of(token, null, null, restEndpoint());
    try (Bitrix24 b24 = Bitrix24.builder().oauth(new OAuthApp("none", "none"), tokens, null)
        .rateLimit(RateLimit.OFF).clock(time.clock).sleeper(time.sleeper()).build()) {
      assertThat(b24.call("user.current").result().get("ID").asText()).isEqualTo("1");
      time.clock.advance(Duration.ofSeconds(3601));
      assertThatThrownBy(() -> b24.call("user.current")).isInstanceOfSatisfying(AuthException.class, e -> {
        assertThat(e.code()).isEqualTo("expired_token");
        assertThat(e.isExpiredToken()).isTrue();
        assertThat(e.description()).contains("no refresh token");
      });
      assertThat(b24.stats().requests()).as("the 401 came once; with no refresh token nothing is retried")
          .isEqualTo(2);
    }
  }

  /** An installed local app's tokens, as ONAPPINSTALL brings them to the app's install URL. */
  record Installed(String clientId, String clientSecret, OAuthTokens tokens) {}

  static Installed installApp() throws Exception {
    HttpServer app = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    CompletableFuture<Map<String, String>> install = new CompletableFuture<>();
    app.createContext("/install", ex -> {
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Map<String, String> form = new HashMap<>();
      for (String pair : body.split("&")) {
        int eq = pair.indexOf('=');
        form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
      install.complete(form);
      ex.sendResponseHeaders(200, -1);
      ex.close();
    });
    app.start();
    try {
      String base = "http://127.0.0.1:" + app.getAddress().getPort();
      Response added = admin.call("b24tasks.app.add", Map.of("NAME", "Client test", "HANDLER", base + "/handler",
          "INSTALL", base + "/install", "SCOPE", List.of("task", "user"), "API_ONLY", "Y"));
      Map<String, String> auth = install.get(60, TimeUnit.SECONDS);
      OAuthTokens tokens = OAuthTokens.fromEventAuth(auth);
      assertThat(tokens.refreshToken()).isNotBlank();
      assertThat(tokens.expires()).isEqualTo(time.clock.instant().plusSeconds(3600));
      assertThat(tokens.userId()).isEqualTo(1);
      return new Installed(added.result().get("CLIENT_ID").asText(), added.result().get("CLIENT_SECRET").asText(),
          tokens);
    } finally {
      app.stop(0);
    }
  }

  Bitrix24 appClient(Installed app, OAuthTokens tokens, List<OAuthTokens> renewed) {
    return Bitrix24.builder().oauth(new OAuthApp(app.clientId(), app.clientSecret()), tokens, renewed::add)
        .rateLimit(RateLimit.OFF).clock(time.clock).sleeper(time.sleeper()).build();
  }

  @Test
  void anInstalledAppRenewsItsTokensAndTellsTheApplication() throws Exception {
    Installed app = installApp();
    List<OAuthTokens> renewed = new CopyOnWriteArrayList<>();
    try (Bitrix24 b24 = appClient(app, app.tokens(), renewed)) {
      assertThat(b24.call("user.current").result().get("ID").asText()).isEqualTo("1");
      time.clock.advance(Duration.ofSeconds(3601));
      // the known expiry has passed: renewed before the call, which then goes once
      long before = b24.stats().requests();
      assertThat(b24.tasks().add(dev.b24tasks.client.tasks.TaskFields.create().title("after an hour")
          .responsibleId(1)).id()).isPositive();
      assertThat(b24.stats().requests() - before).isEqualTo(1);
      assertThat(renewed).hasSize(1);
      OAuthTokens fresh = renewed.get(0);
      assertThat(fresh.accessToken()).isNotEqualTo(app.tokens().accessToken());
      assertThat(fresh.refreshToken()).isNotEqualTo(app.tokens().refreshToken());
      assertThat(fresh.expires()).isAfter(time.clock.instant());
      assertThat(b24.tokens()).isEqualTo(fresh);

      // the portal's 401 expired_token (the client not knowing the expiry) renews too, once for many callers
      OAuthTokens unknownExpiry = OAuthTokens.of(fresh.accessToken(), fresh.refreshToken(), null,
          fresh.clientEndpoint());
      List<OAuthTokens> renewedAgain = new CopyOnWriteArrayList<>();
      time.clock.advance(Duration.ofSeconds(3601));
      try (Bitrix24 unaware = Bitrix24.builder()
          .oauth(new OAuthApp(app.clientId(), app.clientSecret(), URI.create(server.baseUrl())), unknownExpiry,
              renewedAgain::add)
          .rateLimit(RateLimit.OFF).clock(time.clock).sleeper(time.sleeper()).build()) {
        List<Thread> callers = new ArrayList<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 8; i++) {
          callers.add(Thread.ofVirtual().start(() -> {
            try {
              unaware.call("user.current");
            } catch (Throwable t) {
              failures.add(t);
            }
          }));
        }
        for (Thread t : callers) t.join();
        assertThat(failures).isEmpty();
        assertThat(renewedAgain).as("single-use refresh tokens: one renewal for all").hasSize(1);
        assertThat(unaware.stats().renewals()).isEqualTo(1);
      }

      // the refresh token used above is spent: renewing with it again is refused as the OAuth server does
      OAuthTokens spent = new OAuthTokens(fresh.accessToken(), app.tokens().refreshToken(),
          time.clock.instant().minusSeconds(1), fresh.clientEndpoint(), fresh.serverEndpoint(), null, 1, null);
      try (Bitrix24 stale = appClient(app, spent, new ArrayList<>())) {
        assertThatThrownBy(() -> stale.call("user.current")).isInstanceOfSatisfying(AuthException.class, e -> {
          assertThat(e.code()).isEqualTo("invalid_grant");
          assertThat(e.httpStatus()).isEqualTo(400);
          assertThat(e.method()).isEqualTo("oauth/token");
        });
      }
    }
  }

  @Test
  void tokensNeverShowInText() {
    OAuthTokens t = OAuthTokens.of("secret-access", "secret-refresh", null, restEndpoint());
    assertThat(t.toString()).doesNotContain("secret-access", "secret-refresh");
  }

  @Test
  void theTokenEndpointSitsBesideTheServerEndpoint() throws IOException {
    OAuthTokens t = new OAuthTokens("a", "r", null, restEndpoint(), URI.create("https://oauth.bitrix.info/rest/"),
        null, 0, null);
    assertThat(new OAuthApp("c", "s").tokenEndpoint(t)).hasToString("https://oauth.bitrix.info/oauth/token/");
    assertThat(new OAuthApp("c", "s", URI.create("http://127.0.0.1:9/")).tokenEndpoint(t))
        .hasToString("http://127.0.0.1:9/oauth/token/");
    assertThat(new OAuthApp("c", "s").tokenEndpoint(OAuthTokens.of("a", "r", null, restEndpoint())))
        .isEqualTo(OAuthApp.BITRIX_OAUTH.resolve("/oauth/token/"));
  }
}
