package dev.b24tasks.web;

import dev.b24tasks.rest.Gateway;
import dev.b24tasks.rest.GatewayHook;
import dev.b24tasks.rest.Json;
import dev.b24tasks.rest.RestError;
import dev.b24tasks.rest.RestException;
import dev.b24tasks.rest.RestRequest;
import dev.b24tasks.rest.RestResponse;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.CloseConnectionException;
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
  private final RestStreams streams;

  RestRoute(Gateway gateway, long maxBodyBytes, RequestMetrics metrics) {
    this(gateway, maxBodyBytes, metrics, new RestStreams());
  }

  RestRoute(Gateway gateway, long maxBodyBytes, RequestMetrics metrics, RestStreams streams) {
    this.gateway = gateway;
    this.maxBodyBytes = maxBodyBytes;
    this.metrics = metrics;
    this.streams = streams;
  }

  @Override
  public void handle(ServerRequest req, ServerResponse res) {
    long started = System.nanoTime();
    String path = req.path().rawPath();
    int at = path.indexOf("/rest/");
    String restPath = at < 0 ? "" : path.substring(at + "/rest/".length());
    var stream = streams.find(restPath);
    if (stream.isPresent()) {
      // upload.json / download.json: the feature reads and writes the bodies as streams, under no size cap here
      stream.get().serve(req, res);
      metrics.record(null, res.status().code(), System.nanoTime() - started);
      return;
    }
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
          req.headers().first(HeaderNames.AUTHORIZATION).orElse(null), extra, req.remotePeer().host()));
    } catch (GatewayHook.ConnectionCut e) {
      // a fault asked for it (b24tasks.fault.add CUT_BEFORE / CUT_AFTER): the client sees the connection drop
      metrics.record(null, 0, System.nanoTime() - started);
      throw new CloseConnectionException("connection cut on purpose");
    } catch (RestException e) {
      out = new RestResponse(e.status(), "application/json; charset=utf-8", Json.write(gateway.errorBody(e)), null,
          e.code());
    } catch (RuntimeException e) {
      // Never a stack trace or exception text in a body: the log has it.
      // The path holds the webhook code: only the method name is logged.
      log.error("Request to method {} failed", methodName(restPath), e);
      RestException internal = RestException.of(RestError.INTERNAL_SERVER_ERROR);
      out = new RestResponse(500, "application/json; charset=utf-8", Json.write(gateway.errorBody(internal)), null,
          internal.code());
    }
    res.status(Status.create(out.status()));
    if (out.status() == 413) res.header(HeaderNames.CONNECTION, "close"); // the rest of the body is not read
    res.header(HeaderNames.CONTENT_TYPE, out.contentType());
    out.headers().forEach((name, value) -> res.header(HeaderNames.create(name), value));
    res.send(out.body());
    metrics.record(out.method(), out.status(), System.nanoTime() - started);
  }

  /** The last segment of {@code 1/code/tasks.task.get.json}, without the secret before it. */
  static String methodName(String restPath) {
    String p = restPath.endsWith("/") ? restPath.substring(0, restPath.length() - 1) : restPath;
    String last = p.substring(p.lastIndexOf('/') + 1);
    return last.length() > 100 ? last.substring(0, 100) : last;
  }

  private byte[] readBody(ServerRequest req) {
    if (!req.content().hasEntity()) return new byte[0];
    long declared = req.headers().contentLength().orElse(-1L);
    if (declared > maxBodyBytes) throw RestException.of(RestError.PAYLOAD_TOO_LARGE, maxBodyBytes);
    try (InputStream in = req.content().inputStream()) {
      byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
      // Beyond the limit the rest is not read (a client may stream forever): the answer closes the connection.
      if (data.length > maxBodyBytes) throw RestException.of(RestError.PAYLOAD_TOO_LARGE, maxBodyBytes);
      return data;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
