package dev.b24tasks.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpHeaders;

/** An HTTP answer with its body parsed as JSON when it is JSON (else {@code json} is null). */
public record Response(int status, JsonNode json, String body, HttpHeaders headers) {
  /** {@code json.result}, or null. */
  public JsonNode result() {
    return json == null ? null : json.get("result");
  }

  /** {@code json.error}, or null. */
  public String error() {
    return json == null || !json.has("error") ? null : json.get("error").asText();
  }

  public String errorDescription() {
    return json == null || !json.has("error_description") ? null : json.get("error_description").asText();
  }

  @Override
  public String toString() {
    return status + " " + body;
  }
}
