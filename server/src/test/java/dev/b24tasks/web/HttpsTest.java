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
import java.nio.file.attribute.PosixFilePermissions;
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

  @Test
  void the_key_files_are_the_owners_alone_and_the_certificate_names_its_own_subject() throws Exception {
    Path dir = server.app().settings.dataDir.resolve("tls");
    if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
      for (String f : new String[] {"keystore.p12", "keystore.pass"}) {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(f)))).as(f)
            .isEqualTo("rw-------");
      }
    }
    X509Certificate cert;
    try (InputStream in = Files.newInputStream(dir.resolve("cert.pem"))) {
      cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
    assertThat(Files.readString(dir.resolve("cert.pem"))).startsWith("-----BEGIN CERTIFICATE-----\n")
        .endsWith("-----END CERTIFICATE-----\n");
    assertThat(cert.getSubjectX500Principal()).isEqualTo(cert.getIssuerX500Principal());
    assertThat(cert.getSubjectX500Principal().getName()).matches("CN=localhost,OU=[a-z0-9]{12},O=b24-tasks");
    assertThat(cert.getSigAlgName()).isEqualTo("SHA256withRSA");
    assertThat(((java.security.interfaces.RSAPublicKey) cert.getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
    assertThat(cert.getExtensionValue("2.5.29.14")).as("subject key identifier").isNotNull();
    cert.verify(cert.getPublicKey());
  }

  /** A data folder from before (its certificate made by keytool) is read as it is, not replaced. */
  @Test
  void a_folder_whose_certificate_keytool_made_keeps_it() throws Exception {
    Path dir = Files.createTempDirectory("b24-tls-keytool");
    Path pass = dir.resolve("keystore.pass");
    Files.writeString(pass, "oldpassword12345\n");
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    run(keytool, "-genkeypair", "-alias", "b24-tasks", "-keyalg", "RSA", "-keysize", "2048", "-validity", "3650",
        "-dname", "CN=localhost, OU=old, O=b24-tasks", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
        "-storetype", "PKCS12", "-keystore", dir.resolve("keystore.p12").toString(),
        "-storepass:file", pass.toString(), "-keypass:file", pass.toString());
    run(keytool, "-exportcert", "-rfc", "-alias", "b24-tasks", "-keystore", dir.resolve("keystore.p12").toString(),
        "-storetype", "PKCS12", "-storepass:file", pass.toString(), "-file", dir.resolve("cert.pem").toString());
    byte[] pem = Files.readAllBytes(dir.resolve("cert.pem"));
    byte[] keystore = Files.readAllBytes(dir.resolve("keystore.p12"));

    SelfSignedCertificate cert = SelfSignedCertificate.ensure(dir);
    assertThat(cert.tls().enabled()).isTrue();
    assertThat(Files.readAllBytes(cert.pem())).isEqualTo(pem);
    assertThat(Files.readAllBytes(cert.keystore())).isEqualTo(keystore);
  }

  private static void run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
  }
}
