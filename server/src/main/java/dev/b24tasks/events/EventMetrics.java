package dev.b24tasks.events;

import dev.b24tasks.store.Database;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Event delivery for {@code /metrics}: this node's delivered, failed and retried POSTs and the lag from the change's
 * commit to its delivery; the queue depth and the age of the oldest waiting event, which every node reads from the
 * shared outbox.
 */
final class EventMetrics {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  final Counter delivered;
  final Counter failed;
  final Counter retried;
  final Timer lag;
  final Timer duration;

  EventMetrics(Database db, Clock clock) {
    delivered = Counter.builder("b24tasks_events_delivered").description("Event POSTs a handler answered with 2xx")
        .register(registry);
    failed = Counter.builder("b24tasks_events_failed")
        .description("Event POSTs that failed for good (error, timeout or non-2xx, retries used up)").register(registry);
    retried = Counter.builder("b24tasks_events_retried").description("Failed event POSTs scheduled again")
        .register(registry);
    lag = Timer.builder("b24tasks_events_lag").description("From the change's commit to the handler's answer")
        .publishPercentiles(0.5, 0.99).register(registry);
    duration = Timer.builder("b24tasks_events_post").description("Duration of one event POST")
        .publishPercentiles(0.5, 0.99).register(registry);
    Gauge.builder("b24tasks_events_queue_depth", () -> read(db, "SELECT count(*) FROM event_outbox"))
        .description("Events waiting in the outbox (all nodes)").register(registry);
    Gauge.builder("b24tasks_events_oldest_waiting_seconds", () -> {
      Instant oldest = db.isClosed() ? null
          : db.read(tx -> tx.queryOne("SELECT min(created_at) FROM event_outbox", rs -> rs.getObject(1) == null ? null
              : rs.getObject(1, java.time.OffsetDateTime.class).toInstant()).orElse(null));
      return oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
    }).description("Age of the oldest event waiting in the outbox").register(registry);
  }

  private static double read(Database db, String sql) {
    if (db.isClosed()) return Double.NaN;
    try {
      return db.read(tx -> tx.queryLong(sql));
    } catch (RuntimeException e) {
      return Double.NaN;
    }
  }

  String scrape() {
    return registry.scrape();
  }
}
