package dev.b24tasks.client;

import dev.b24tasks.testing.MutableClock;
import dev.b24tasks.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Test helpers: the admin's webhook URL of a {@link TestServer}, clients on it, a clock the client moves. */
final class Servers {
  private Servers() {}

  static String webhookUrl(TestServer server) {
    return server.baseUrl() + "/rest/1/" + TestServer.ADMIN_CODE + "/";
  }

  /** The admin's client, with no client-side bucket (the server's limit is off in these tests). */
  static Bitrix24 admin(TestServer server) {
    return admin(server, b -> {});
  }

  static Bitrix24 admin(TestServer server, Consumer<Bitrix24.Builder> settings) {
    Bitrix24.Builder b = Bitrix24.builder().webhook(webhookUrl(server)).rateLimit(RateLimit.OFF);
    settings.accept(b);
    return b.build();
  }

  /** A new user with a webhook of her own; answers her client. */
  static Bitrix24 newUser(Bitrix24 admin, TestServer server, String name) {
    long id = admin.call("user.add", Map.of("EMAIL", name.toLowerCase() + System.nanoTime() + "@client.test",
        "NAME", name, "LAST_NAME", "Test", "UF_DEPARTMENT", List.of(1))).result().asLong();
    String code = admin.call("b24tasks.webhook.add", Map.of("USER_ID", id)).result().get("CODE").asText();
    return Bitrix24.builder().webhook(server.baseUrl() + "/rest/" + id + "/" + code + "/")
        .rateLimit(RateLimit.OFF).build();
  }

  static long userId(Bitrix24 client) {
    return client.call("user.current").result().get("ID").asLong();
  }

  /** A clock shared by a server and a client; the client's waits move it instead of sleeping. */
  static final class Time {
    final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
    final List<Duration> waits = new ArrayList<>();

    /** Client settings: this clock, and waits that move it. */
    Consumer<Bitrix24.Builder> settings() {
      return b -> b.clock(clock).sleeper(sleeper());
    }

    Sleeper sleeper() {
      return d -> {
        synchronized (waits) {
          waits.add(d);
        }
        clock.advance(d);
      };
    }

    Duration waited() {
      synchronized (waits) {
        return waits.stream().reduce(Duration.ZERO, Duration::plus);
      }
    }
  }
}
