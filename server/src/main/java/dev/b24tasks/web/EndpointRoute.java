package dev.b24tasks.web;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Adapts Helidon requests to one feature {@link Endpoints.Endpoint}; bodies up to 1 MiB. */
final class EndpointRoute implements Handler {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(EndpointRoute.class);
  private static final int MAX_BODY = 1 << 20;

  private final Endpoints.Route route;

  EndpointRoute(Endpoints.Route route) {
    this.route = route;
  }

  @Override
  public void handle(ServerRequest req, ServerResponse res) {
    Endpoints.Response out;
    try {
      byte[] body = new byte[0];
      if (req.content().hasEntity()) {
        try (InputStream in = req.content().inputStream()) {
          body = in.readNBytes(MAX_BODY + 1);
          if (body.length > MAX_BODY) {
            in.skip(Long.MAX_VALUE);
            out = json(413, "{\"error\":\"invalid_request\",\"error_description\":\"Request body too large\"}");
            send(res, out);
            return;
          }
        }
      }
      Map<String, String> headers = new LinkedHashMap<>();
      req.headers().forEach(h -> headers.putIfAbsent(h.name().toLowerCase(Locale.ROOT), h.get()));
      out = route.endpoint().handle(new Endpoints.Request(req.prologue().method().text(), req.path().rawPath(),
          req.prologue().query().rawValue(), headers, body, req.isSecure()));
    } catch (IOException | RuntimeException e) {
      log.error("Request to {} failed", req.path().rawPath(), e);
      out = json(500, "{\"error\":\"server_error\",\"error_description\":\"Internal server error\"}");
    }
    send(res, out);
  }

  private static Endpoints.Response json(int status, String body) {
    return Endpoints.Response.of(status, "application/json", body.getBytes(StandardCharsets.UTF_8));
  }

  private static void send(ServerResponse res, Endpoints.Response out) {
    res.status(Status.create(out.status()));
    res.header(HeaderNames.CONTENT_TYPE, out.contentType());
    out.headers().forEach((k, v) -> res.header(HeaderNames.create(k), v));
    res.send(out.body());
  }
}
