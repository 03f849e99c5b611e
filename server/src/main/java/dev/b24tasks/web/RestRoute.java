package dev.b24tasks.web;

import dev.b24tasks.rest.Gateway;
import dev.b24tasks.rest.Json;
import dev.b24tasks.rest.RestError;
import dev.b24tasks.rest.RestException;
import dev.b24tasks.rest.RestRequest;
import dev.b24tasks.rest.RestResponse;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Adapts Helidon requests on {@code /rest/*} to the {@link Gateway}. Bodies are read up to a size limit. */
final class RestRoute implements Handler {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RestRoute.class);
  private final Gateway gateway;
  private final long maxBodyBytes;
  private final RequestMetrics metrics;

  RestRoute(Gateway gateway, long maxBodyBytes, RequestMetrics metrics) {
    this.gateway = gateway;
    this.maxBodyBytes = maxBodyBytes;
    this.metrics = metrics;
  }

  @Override
  public void handle(ServerRequest req, ServerResponse res) {
    long started = System.nanoTime();
    String path = req.path().rawPath();
    int at = path.indexOf("/rest/");
    String restPath = at < 0 ? "" : path.substring(at + "/rest/".length());
    RestResponse out;
    byte[] body;
    try {
      body = readBody(req);
      java.util.Map<String, String> extra = new java.util.HashMap<>();
      for (String h : RestRequest.EXTRA_HEADERS) {
        req.headers().first(HeaderNames.create(h)).ifPresent(v -> extra.put(h, v));
      }
      out = gateway.handle(new RestRequest(req.prologue().method().text(), restPath, req.prologue().query().rawValue(),
          req.headers().first(HeaderNames.CONTENT_TYPE).orElse(null), body,
          req.headers().first(HeaderNames.AUTHORIZATION).orElse(null), extra));
    } catch (RestException e) {
      out = new RestResponse(e.status(), "application/json; charset=utf-8", Json.write(gateway.errorBody(e)), null,
          e.code());
    } catch (RuntimeException e) {
      // Never a stack trace or exception text in a body: the log has it.
      log.error("Request to {} failed", path, e);
      RestException internal = RestException.of(RestError.INTERNAL_SERVER_ERROR);
      out = new RestResponse(500, "application/json; charset=utf-8", Json.write(gateway.errorBody(internal)), null,
          internal.code());
    }
    res.status(Status.create(out.status()));
    res.header(HeaderNames.CONTENT_TYPE, out.contentType());
    out.headers().forEach((name, value) -> res.header(HeaderNames.create(name), value));
    res.send(out.body());
    metrics.record(out.method(), out.status(), System.nanoTime() - started);
  }

  private byte[] readBody(ServerRequest req) {
    if (!req.content().hasEntity()) return new byte[0];
    long declared = req.headers().contentLength().orElse(-1L);
    if (declared > maxBodyBytes) throw RestException.of(RestError.PAYLOAD_TOO_LARGE, maxBodyBytes);
    try (InputStream in = req.content().inputStream()) {
      byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
      if (data.length > maxBodyBytes) {
        in.skip(Long.MAX_VALUE); // drain, so the connection stays usable
        throw RestException.of(RestError.PAYLOAD_TOO_LARGE, maxBodyBytes);
      }
      return data;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
