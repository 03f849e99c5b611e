package dev.b24tasks.web;

import dev.b24tasks.config.Settings;
import dev.b24tasks.rest.Gateway;
import io.helidon.common.tls.Tls;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The HTTP(S) listeners: {@code /rest/*} to the gateway, {@code /health}, {@code /metrics}, and whatever pages
 * the caller adds (the web console). One routing function
 * serves both listeners, the server and the tests.
 */
public final class HttpServer implements AutoCloseable {
  private final WebServer server;
  private final boolean tls;

  private HttpServer(WebServer server, boolean tls) {
    this.server = server;
    this.tls = tls;
  }

  /** Starts the listeners; {@code tls} null means HTTP only. */
  public static HttpServer start(Settings settings, Gateway gateway, Tls tls, BooleanSupplier healthy) {
    return start(settings, gateway, tls, healthy, r -> {});
  }

  /** Starts the listeners with {@code pages} adding routes beside {@code /rest/*} (the web console). */
  public static HttpServer start(Settings settings, Gateway gateway, Tls tls, BooleanSupplier healthy,
      Consumer<HttpRouting.Builder> pages) {
    RequestMetrics metrics = new RequestMetrics();
    RestRoute rest = new RestRoute(gateway, settings.maxBodyBytes, metrics);
    var builder = WebServer.builder()
        .host(settings.host)
        .port(settings.port)
        .idleConnectionTimeout(Duration.ofMinutes(5))
        .directHandlers(EnvelopeDirectHandler.all(gateway, settings.maxBodyBytes))
        .routing(r -> {
          routing(r, rest, metrics, healthy);
          pages.accept(r);
        });
    if (tls != null) {
      builder.putSocket("https", s -> s.host(settings.host).port(settings.tlsPort).tls(tls)
          .directHandlers(EnvelopeDirectHandler.all(gateway, settings.maxBodyBytes))
          .routing(r -> {
            routing(r, rest, metrics, healthy);
            pages.accept(r);
          }));
    }
    WebServer server = builder.build().start();
    // Helidon logs a failed bind and carries on with port -1; a server that cannot listen must not start.
    if (!server.isRunning() || server.port() < 0 || (tls != null && server.port("https") < 0)) {
      server.stop();
      throw new IllegalStateException("Cannot listen on " + settings.host + ":" + settings.port
          + (tls != null ? " and " + settings.host + ":" + settings.tlsPort : "")
          + "; is another process using the port? Choose others with --port / --tls-port");
    }
    return new HttpServer(server, tls != null);
  }

  static void routing(HttpRouting.Builder r, RestRoute rest, RequestMetrics metrics, BooleanSupplier healthy) {
    r.any("/rest/*", rest)
        .get("/health", (req, res) -> {
          boolean ok = healthy.getAsBoolean();
          res.status(ok ? 200 : 503);
          res.header(HeaderNames.CONTENT_TYPE, "application/json");
          res.send(ok ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
        })
        .get("/metrics", (req, res) -> {
          res.header(HeaderNames.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
          res.send(metrics.scrape());
        });
  }

  public int port() {
    return server.port();
  }

  /** The HTTPS port, or -1 when HTTPS is off. */
  public int tlsPort() {
    return tls ? server.port("https") : -1;
  }

  @Override
  public void close() {
    server.stop();
  }
}
