package dev.b24tasks.web;

import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** Requests by method and HTTP status, with latency, for the Prometheus {@code /metrics} endpoint. */
public final class RequestMetrics {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final ConcurrentHashMap<String, Timer> timers = new ConcurrentHashMap<>();
  private final java.util.function.Supplier<String> more;

  RequestMetrics(java.util.function.Supplier<String> more) {
    this.more = more;
  }

  void record(String method, int status, long nanos) {
    String m = method == null ? "unknown" : method.toLowerCase(java.util.Locale.ROOT);
    if (m.length() > 80) m = m.substring(0, 80);
    String key = m + "|" + status;
    Timer timer = timers.computeIfAbsent(key, k -> Timer.builder("rest_requests")
        .description("REST calls by method and HTTP status")
        .tag("method", timers.size() > 2000 ? "other" : key.substring(0, key.indexOf('|')))
        .tag("status", Integer.toString(status))
        .publishPercentiles(0.5, 0.99)
        .register(registry));
    timer.record(nanos, TimeUnit.NANOSECONDS);
  }

  public String scrape() {
    return registry.scrape() + more.get();
  }
}
