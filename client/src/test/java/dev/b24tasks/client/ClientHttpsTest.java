package dev.b24tasks.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.b24tasks.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The client over the server's own self-signed HTTPS: trusted through its PEM, refused without it. */
class ClientHttpsTest {
  @RegisterExtension static TestServer server = new TestServer(s -> s.tlsPort = 0);

  @TempDir Path dir;

  private String httpsWebhook() {
    return server.app().baseUrl(true) + "/rest/1/" + TestServer.ADMIN_CODE + "/";
  }

  @Test
  void trustsTheServersCertificateFromItsPem() {
    assertThat(httpsWebhook()).startsWith("https://127.0.0.1:");
    try (Bitrix24 b24 = Bitrix24.builder().webhook(httpsWebhook()).rateLimit(RateLimit.OFF)
        .trustCertificate(server.app().certificatePem()).build()) {
      long id = b24.call("tasks.task.add", Map.of("fields", Map.of("TITLE", "over https", "RESPONSIBLE_ID", 1)))
          .result().path("task").path("id").asLong();
      assertThat(id).isPositive();
      assertThat(b24.call("tasks.task.get", Map.of("taskId", id)).result().path("task").path("title").asText())
          .isEqualTo("over https");
    }
  }

  @Test
  void withoutTheCertificateTheHandshakeFailsAsATransportError() {
    try (Bitrix24 b24 = Bitrix24.builder().webhook(httpsWebhook()).rateLimit(RateLimit.OFF).maxAttempts(1)
        .build()) {
      assertThatThrownBy(() -> b24.call("server.time")).isInstanceOf(TransportException.class);
    }
  }

  @Test
  void aFileWithoutACertificateIsRefusedAtBuildTime() throws IOException {
    Path empty = Files.writeString(dir.resolve("empty.pem"), "not a certificate\n");
    assertThatThrownBy(() -> Bitrix24.builder().trustCertificate(empty))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Bitrix24.builder().trustCertificate(dir.resolve("missing.pem")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot read");
  }
}
