package dev.b24tasks.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.b24tasks.testing.TestServer;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** HTTPS beside HTTP with a self-signed certificate made on first start, trusted through cert.pem alone. */
class HttpsTest {
  @RegisterExtension static TestServer server = new TestServer(s -> s.tlsPort = 0);

  private static HttpClient trusting(Path pem) throws Exception {
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    try (InputStream in = Files.newInputStream(pem)) {
      trust.setCertificateEntry("b24-tasks", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, tmf.getTrustManagers(), null);
    return HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(10)).build();
  }

  private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void an_https_call_trusting_only_cert_pem_succeeds_on_127_0_0_1_and_localhost() throws Exception {
    Path pem = server.app().certificatePem();
    assertThat(pem).exists().hasFileName("cert.pem");
    assertThat(pem.getParent()).isEqualTo(server.app().settings.dataDir.resolve("tls"));
    assertThat(pem.resolveSibling("keystore.p12")).exists();
    HttpClient client = trusting(pem);
    int port = server.app().tlsPort();
    assertThat(port).isPositive().isNotEqualTo(server.app().port());
    for (String host : new String[] {"127.0.0.1", "localhost"}) {
      HttpResponse<String> r = get(client, "https://" + host + ":" + port + "/rest/1/" + TestServer.ADMIN_CODE
          + "/server.time.json");
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).startsWith("{\"result\":");
    }
    assertThat(server.app().webhookUrl(true)).isEqualTo("https://127.0.0.1:" + port + "/rest/1/" + TestServer.ADMIN_CODE + "/");
    assertThat(get(HttpClient.newHttpClient(), server.baseUrl() + "/health").statusCode()).as("HTTP too").isEqualTo(200);
  }

  @Test
  void a_client_that_does_not_trust_the_certificate_is_refused() {
    String url = "https://127.0.0.1:" + server.app().tlsPort() + "/health";
    assertThatThrownBy(() -> get(HttpClient.newHttpClient(), url)).isInstanceOf(SSLHandshakeException.class);
  }

  @Test
  void the_certificate_is_for_127_0_0_1_and_localhost_and_is_reused_on_a_later_start() throws Exception {
    Path dir = server.app().settings.dataDir.resolve("tls");
    byte[] before = Files.readAllBytes(dir.resolve("cert.pem"));
    FileTime modified = Files.getLastModifiedTime(dir.resolve("keystore.p12"));
    SelfSignedCertificate again = SelfSignedCertificate.ensure(dir);
    again.tls();
    assertThat(Files.readAllBytes(again.pem())).isEqualTo(before);
    assertThat(Files.getLastModifiedTime(again.keystore())).isEqualTo(modified);

    X509Certificate cert;
    try (InputStream in = Files.newInputStream(again.pem())) {
      cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
    assertThat(cert.getSubjectAlternativeNames())
        .extracting(l -> l.get(1).toString())
        .containsExactlyInAnyOrder("127.0.0.1", "localhost");
    assertThat(cert.getPublicKey().getAlgorithm()).isEqualTo("RSA");
    assertThat(cert.getNotAfter().toInstant()).isAfter(java.time.Instant.now().plus(Duration.ofDays(3000)));
  }
}
