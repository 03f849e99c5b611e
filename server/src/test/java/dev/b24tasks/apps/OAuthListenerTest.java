package dev.b24tasks.apps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.rest.Json;
import dev.b24tasks.testing.MutableClock;
import dev.b24tasks.testing.TestServer;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The listener that answers as the public OAuth server: its certificate, its token endpoint, its app.info. */
class OAuthListenerTest {
  static final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));

  @RegisterExtension
  static TestServer server = new TestServer(s -> {
    s.clock = clock;
    s.oauthDevUser = 1L;
    s.oauthTlsPort = 0;
  });

  static X509Certificate certificate(Path pem) throws Exception {
    try (InputStream in = Files.newInputStream(pem)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }

  static HttpClient trusting(X509Certificate cert) throws Exception {
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    trust.setCertificateEntry("oauth", cert);
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, tmf.getTrustManagers(), null);
    return HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(10)).build();
  }

  @Test
  void the_oauth_listener_names_the_public_hosts_and_serves_token_and_app_info_but_not_the_portal() throws Exception {
    X509Certificate cert = certificate(server.app().oauthCertificatePem());
    List<String> names = new ArrayList<>();
    for (List<?> san : cert.getSubjectAlternativeNames()) names.add(String.valueOf(san.get(1)));
    assertThat(names).contains("oauth.bitrix.info", "oauth.bitrix24.tech", "127.0.0.1");

    var added = server.admin().call("b24tasks.app.add", Map.of("NAME", "Listener app",
        "HANDLER", "https://app.example/h", "SCOPE", List.of("task", "user"), "API_ONLY", "Y"));
    OAuth app = new OAuth(server.admin(), added.result().get("CLIENT_ID").asText(),
        added.result().get("CLIENT_SECRET").asText());
    String code = OAuthTest.code(app, null);

    HttpClient https = trusting(cert);
    String oauth = "https://127.0.0.1:" + server.app().oauthTlsPort();
    HttpResponse<String> token = https.send(HttpRequest.newBuilder(URI.create(oauth + "/oauth/token/?"
        + OAuth.form("grant_type", "authorization_code", "client_id", app.clientId(), "client_secret",
            app.clientSecret(), "code", code))).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
    JsonNode pair = Json.MAPPER.readTree(token.body());
    assertThat(pair.get("server_endpoint").asText()).isEqualTo(oauth + "/rest/");
    assertThat(pair.get("client_endpoint").asText()).isEqualTo(server.baseUrl() + "/rest/");

    HttpResponse<String> info = https.send(HttpRequest.newBuilder(URI.create(oauth + "/rest/app.info/?auth="
        + pair.get("access_token").asText())).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(info.statusCode()).as(info.body()).isEqualTo(200);
    JsonNode result = Json.MAPPER.readTree(info.body()).get("result");
    assertThat(AppStoryTest.names(result)).containsExactly("client_id", "scope", "expires", "user_id", "install");
    assertThat(result.get("client_id").asText()).isEqualTo(app.clientId());
    assertThat(result.get("expires").asText()).isEqualTo("2026-12-01T10:00:00Z");
    assertThat(result.get("install").get("installed").asBoolean()).isTrue();
    assertThat(result.get("install").get("uri").asText()).isEqualTo(server.baseUrl());
    assertThat(result.get("install").get("member_id").asText()).matches("[0-9a-f]{32}");

    HttpResponse<String> portalMethod = https.send(HttpRequest.newBuilder(URI.create(oauth + "/rest/tasks.task.list?auth="
        + pair.get("access_token").asText())).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(portalMethod.statusCode()).isEqualTo(404);

    clock.advance(Duration.ofHours(1));
    HttpResponse<String> expired = https.send(HttpRequest.newBuilder(URI.create(oauth + "/rest/app.info?auth="
        + pair.get("access_token").asText())).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(expired.statusCode()).isEqualTo(401);
    assertThat(Json.MAPPER.readTree(expired.body()).get("error").asText()).isEqualTo("expired_token");
  }

  @Test
  void the_token_path_tolerates_a_doubled_slash_and_no_trailing_slash() {
    for (String path : List.of("//oauth/token/", "/oauth/token", "/oauth//token/")) {
      var r = server.admin().raw("GET", path + "?client_id=x", null, null);
      assertThat(r.status()).as(path + " " + r).isEqualTo(400);
      assertThat(r.json().get("error").asText()).isEqualTo("invalid_request");
    }
  }
}
