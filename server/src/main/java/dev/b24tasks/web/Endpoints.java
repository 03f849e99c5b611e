package dev.b24tasks.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Pages and endpoints outside {@code /rest/} that features serve (OAuth's {@code /oauth/authorize/} and
 * {@code /oauth/token/}), free of web-server types: a feature registers a path prefix and a function from
 * {@link Request} to {@link Response}; both listeners route them.
 */
public final class Endpoints {
  /** One request: method, path (raw, e.g. {@code /oauth/token/}), raw query, headers (lower-case names), body. */
  public record Request(String method, String path, String rawQuery, Map<String, String> headers, byte[] body,
      boolean secure) {
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** {@code http(s)://host[:port]} as the client addressed this server. */
    public String origin() {
      String host = header("host");
      return (secure ? "https" : "http") + "://" + (host == null || host.isBlank() ? "127.0.0.1" : host);
    }
  }

  /** One answer: status, content type, body and extra headers (Location, Cache-Control...). */
  public record Response(int status, String contentType, byte[] body, Map<String, String> headers) {
    public static Response of(int status, String contentType, byte[] body) {
      return new Response(status, contentType, body, new LinkedHashMap<>());
    }

    public Response header(String name, String value) {
      headers.put(name, value);
      return this;
    }
  }

  @FunctionalInterface
  public interface Endpoint {
    Response handle(Request request);
  }

  /** A prefix such as {@code /oauth/} and what serves every path under it. */
  public record Route(String prefix, Endpoint endpoint) {}

  private final List<Route> routes = new CopyOnWriteArrayList<>();

  /** Serves every path that starts with {@code prefix} (which ends with {@code /}). */
  public Endpoints add(String prefix, Endpoint endpoint) {
    if (!prefix.startsWith("/") || !prefix.endsWith("/")) throw new IllegalArgumentException("prefix " + prefix);
    routes.add(new Route(prefix, endpoint));
    return this;
  }

  public List<Route> routes() {
    return List.copyOf(routes);
  }
}
