package dev.b24tasks.web;

import dev.b24tasks.rest.Gateway;
import dev.b24tasks.rest.Json;
import dev.b24tasks.rest.RestError;
import dev.b24tasks.rest.RestException;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;

/**
 * Requests Helidon refuses before routing (a bad escape in the request line, an oversized header) still get a
 * Bitrix-style envelope, so a client's error handling sees {@code error} and {@code error_description}. Helidon's
 * own message is not shown: it may quote the request.
 */
final class EnvelopeDirectHandler implements DirectHandler {
  private final Gateway gateway;
  private final long maxBodyBytes;

  private EnvelopeDirectHandler(Gateway gateway, long maxBodyBytes) {
    this.gateway = gateway;
    this.maxBodyBytes = maxBodyBytes;
  }

  static DirectHandlers all(Gateway gateway, long maxBodyBytes) {
    EnvelopeDirectHandler handler = new EnvelopeDirectHandler(gateway, maxBodyBytes);
    DirectHandlers.Builder b = DirectHandlers.builder();
    for (EventType type : EventType.values()) b.addHandler(type, handler);
    return b.build();
  }

  @Override
  public TransportResponse handle(TransportRequest request, EventType eventType, Status status,
      ServerResponseHeaders headers, String message) {
    RestException error;
    if (eventType == EventType.PAYLOAD_TOO_LARGE) error = RestException.of(RestError.PAYLOAD_TOO_LARGE, maxBodyBytes);
    else if (status.code() >= 500) error = RestException.of(RestError.INTERNAL_SERVER_ERROR);
    else error = RestException.of(RestError.INVALID_REQUEST, "Malformed HTTP request");
    headers.set(HeaderNames.CONTENT_TYPE, "application/json; charset=utf-8");
    return TransportResponse.builder()
        .status(status)
        .headers(headers)
        .keepAlive(eventType.keepAlive())
        .entity(Json.write(gateway.errorBody(error)))
        .build();
  }
}
