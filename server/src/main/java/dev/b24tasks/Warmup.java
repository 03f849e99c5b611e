package dev.b24tasks;

import dev.b24tasks.rest.Json;
import dev.b24tasks.rest.ParamDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Loads and links, on a side thread while the store starts, the classes every first answer needs: the HTTP
 * server, JSON in and out, the PostgreSQL driver and the pool. It only touches code; it changes no state, and
 * whatever it has not reached when the server starts is simply loaded then, as before.
 */
final class Warmup {
  private Warmup() {}

  static void run() {
    try {
      io.helidon.webserver.WebServer.builder().port(0);
      Json.write(Map.of("result", List.of(Map.of("id", "1", "flag", true, "n", 1L)), "time", Map.of()));
      ParamDecoder.decode("a=1&b[c]=2", "application/json", "{\"taskId\":1,\"fields\":{\"TITLE\":\"t\"}}"
          .getBytes(StandardCharsets.UTF_8));
      Class.forName("org.postgresql.Driver");
      Class.forName("com.zaxxer.hikari.HikariDataSource");
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx")
          .format(java.time.OffsetDateTime.now());
    } catch (Throwable e) {
      // a warm-up that fails only means the classes load later, on first use
    }
  }
}
