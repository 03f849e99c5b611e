package dev.b24tasks.web;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.b24tasks.App;
import dev.b24tasks.config.Settings;
import dev.b24tasks.testing.TestPostgres;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** A server that cannot bind its port refuses to start instead of running deaf on port -1. */
class ListenFailureTest {
  @Test
  void a_busy_port_stops_the_start_with_a_clear_message() throws Exception {
    String url = TestPostgres.newDatabase();
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      Settings s = new Settings();
      s.dataDir = Files.createTempDirectory("b24-tasks-busy");
      s.databaseUrl = url;
      s.port = busy.getLocalPort();
      s.tlsPort = -1;
      s.announce = false;
      assertThatThrownBy(() -> App.start(s).close())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("Cannot listen on 127.0.0.1:" + busy.getLocalPort());
    } finally {
      TestPostgres.dropDatabase(url);
    }
  }
}
