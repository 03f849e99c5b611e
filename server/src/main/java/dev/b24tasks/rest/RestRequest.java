package dev.b24tasks.rest;

import java.util.Locale;
import java.util.Map;

/**
 * An HTTP request to {@code /rest/…} as the gateway needs it, free of any web-server type.
 *
 * @param path the path after {@code /rest/}, undecoded, e.g. {@code 1/abc123/tasks.task.get.json}
 * @param headers the few other request headers a dialect reads (REST 3.0's {@code idempotency-key}), names in
 *     lower case
 */
public record RestRequest(String httpMethod, String path, String rawQuery, String contentType, byte[] body,
    String authorization, Map<String, String> headers) {
  /** The request headers the gateways read besides Content-Type and Authorization. */
  public static final java.util.List<String> EXTRA_HEADERS = java.util.List.of("idempotency-key");

  public RestRequest {
    headers = headers == null ? Map.of() : Map.copyOf(headers);
  }

  public RestRequest(String httpMethod, String path, String rawQuery, String contentType, byte[] body,
      String authorization) {
    this(httpMethod, path, rawQuery, contentType, body, authorization, Map.of());
  }

  /** A header of {@link #EXTRA_HEADERS}, or null. */
  public String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }
}
