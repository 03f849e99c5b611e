package dev.b24tasks.rest;

import java.util.Map;

/**
 * What the gateway answers: status, content type and the body bytes; the method name for metrics, the error code
 * for the log, and extra response headers (REST 3.0's {@code Idempotency-Key}, {@code Idempotent-Replayed}).
 */
public record RestResponse(int status, String contentType, byte[] body, String method, String errorCode,
    Map<String, String> headers) {
  public RestResponse {
    headers = headers == null ? Map.of() : Map.copyOf(headers);
  }

  public RestResponse(int status, String contentType, byte[] body, String method, String errorCode) {
    this(status, contentType, body, method, errorCode, Map.of());
  }
}
