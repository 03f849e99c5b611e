package dev.b24tasks.web;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The few {@code /rest/} paths whose bodies are streams rather than parameters: the portal's
 * {@code /rest/upload.json} and {@code /rest/download.json} (also under a webhook's {@code /rest/{user}/{code}/}).
 * A feature registers a handler by that last path segment; the REST route hands such a request over before it
 * reads any of the body, so neither side holds a whole file.
 */
public final class RestStreams {
  /** Serves one request; answers every failure itself (the route adds nothing). */
  @FunctionalInterface
  public interface Stream {
    void serve(ServerRequest request, ServerResponse response);
  }

  private final Map<String, Stream> handlers = new ConcurrentHashMap<>();

  /** Serves {@code /rest/…/<name>} and {@code /rest/…/<name>.json} with {@code handler}. */
  public RestStreams add(String name, Stream handler) {
    handlers.put(name.toLowerCase(Locale.ROOT), handler);
    return this;
  }

  /** The handler of a path after {@code /rest/} ({@code 1/code/download.json}, {@code upload.json}), if any. */
  Optional<Stream> find(String restPath) {
    if (handlers.isEmpty()) return Optional.empty();
    String p = restPath;
    int q = p.indexOf('?');
    if (q >= 0) p = p.substring(0, q);
    while (p.endsWith("/")) p = p.substring(0, p.length() - 1);
    String last = p.substring(p.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    if (last.endsWith(".json")) last = last.substring(0, last.length() - 5);
    return Optional.ofNullable(handlers.get(last));
  }
}
