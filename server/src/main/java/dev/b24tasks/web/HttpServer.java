package dev.b24tasks.web;

import dev.b24tasks.config.Settings;
import dev.b24tasks.rest.Gateway;
import io.helidon.common.tls.Tls;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.function.Consumer;

/**
 * The HTTP(S) listeners: {@code /rest/*} to the gateway, {@code /health}, {@code /metrics}. One routing function
 * serves both listeners, the server and the tests.
 */
public final class HttpServer implements AutoCloseable {
  private static final String OAUTH = "oauth";

  private final WebServer server;
  private final boolean tls;
  private final boolean oauth;

  private HttpServer(WebServer server, boolean tls, boolean oauth) {
    this.server = server;
    this.tls = tls;
    this.oauth = oauth;
  }

  /** Starts the listeners; {@code tls} null means HTTP only. */
  public static HttpServer start(Settings settings, Gateway gateway, Tls tls, BooleanSupplier healthy) {
    return start(settings, gateway, tls, healthy, new Endpoints());
  }

  /** Starts the listeners with the features' {@code endpoints} beside {@code /rest/}. */
  public static HttpServer start(Settings settings, Gateway gateway, Tls tls, BooleanSupplier healthy,
      Endpoints endpoints) {
    return start(settings, gateway, tls, healthy, endpoints, null, null);
  }

  /**
   * Also a third listener on {@code settings.oauthTlsPort} with {@code oauthTls} that serves only
   * {@code oauthEndpoints} (the OAuth server's host, for clients that hard-code it), when {@code oauthTls} is given.
   */
  public static HttpServer start(Settings settings, Gateway gateway, Tls tls, BooleanSupplier healthy,
      Endpoints endpoints, Tls oauthTls, Endpoints oauthEndpoints) {
    return start(settings, gateway, tls, healthy, endpoints, oauthTls, oauthEndpoints, () -> "", r -> {});
  }

  /**
   * The full form: {@code moreMetrics} is appended to {@code /metrics} (the features' own meters), and {@code pages}
   * are routes a feature adds with Helidon's own request and response (the web console, which needs cookies and
   * streaming forms), on the HTTP and HTTPS listeners.
   */
  public static HttpServer start(Settings settings, Gateway gateway, Tls tls, BooleanSupplier healthy,
      Endpoints endpoints, Tls oauthTls, Endpoints oauthEndpoints, Supplier<String> moreMetrics,
      Consumer<HttpRouting.Builder> pages) {
    return start(settings, gateway, tls, healthy, endpoints, oauthTls, oauthEndpoints, moreMetrics, pages,
        new RestStreams());
  }

  /** The full form with the {@code /rest/} paths whose bodies are streams ({@link RestStreams}). */
  public static HttpServer start(Settings settings, Gateway gateway, Tls tls, BooleanSupplier healthy,
      Endpoints endpoints, Tls oauthTls, Endpoints oauthEndpoints, Supplier<String> moreMetrics,
      Consumer<HttpRouting.Builder> pages, RestStreams streams) {
    RequestMetrics metrics = new RequestMetrics(moreMetrics);
    RestRoute rest = new RestRoute(gateway, settings.maxBodyBytes, metrics, streams);
    var builder = WebServer.builder()
        .host(settings.host)
        .port(settings.port)
        .idleConnectionTimeout(Duration.ofMinutes(5))
        .directHandlers(EnvelopeDirectHandler.all(gateway, settings.maxBodyBytes))
        .routing(r -> {
          routing(r, rest, metrics, healthy, endpoints);
          pages.accept(r);
        });
    if (tls != null) {
      builder.putSocket("https", s -> s.host(settings.host).port(settings.tlsPort).tls(tls)
          .directHandlers(EnvelopeDirectHandler.all(gateway, settings.maxBodyBytes))
          .routing(r -> {
            routing(r, rest, metrics, healthy, endpoints);
            pages.accept(r);
          }));
    }
    if (oauthTls != null) {
      builder.putSocket(OAUTH, s -> s.host(settings.host).port(settings.oauthTlsPort).tls(oauthTls)
          .routing(r -> endpointsOnly(r, oauthEndpoints, healthy)));
    }
    WebServer server = builder.build().start();
    // Helidon logs a failed bind and carries on with port -1; a server that cannot listen must not start.
    if (!server.isRunning() || server.port() < 0 || (tls != null && server.port("https") < 0)
        || (oauthTls != null && server.port(OAUTH) < 0)) {
      server.stop();
      throw new IllegalStateException("Cannot listen on " + settings.host + ":" + settings.port
          + (tls != null ? " and " + settings.host + ":" + settings.tlsPort : "")
          + (oauthTls != null ? " and " + settings.host + ":" + settings.oauthTlsPort : "")
          + "; is another process using the port? Choose others with --port / --tls-port");
    }
    return new HttpServer(server, tls != null, oauthTls != null);
  }

  private static void endpointsOnly(HttpRouting.Builder r, Endpoints endpoints, BooleanSupplier healthy) {
    for (Endpoints.Route route : endpoints.routes()) r.any(route.prefix() + "*", new EndpointRoute(route));
    r.get("/health", (req, res) -> {
      res.header(HeaderNames.CONTENT_TYPE, "application/json");
      res.send(healthy.getAsBoolean() ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
    });
  }

  static void routing(HttpRouting.Builder r, RestRoute rest, RequestMetrics metrics, BooleanSupplier healthy,
      Endpoints endpoints) {
    for (Endpoints.Route route : endpoints.routes()) r.any(route.prefix() + "*", new EndpointRoute(route));
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

  /** The OAuth listener's port, or -1 when it is off. */
  public int oauthTlsPort() {
    return oauth ? server.port(OAUTH) : -1;
  }

  @Override
  public void close() {
    server.stop();
  }
}
