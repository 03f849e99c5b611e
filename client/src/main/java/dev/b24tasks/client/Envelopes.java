package dev.b24tasks.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Reading answers: the success envelope, the v2 and v3 error shapes, the token endpoint. Internal. */
final class Envelopes {
  private Envelopes() {}

  static Response read(String method, int status, byte[] body) {
    JsonNode root = parse(body);
    if (root == null || !root.isObject()) {
      String code = status >= 500 ? "INTERNAL_SERVER_ERROR" : "ERROR_UNEXPECTED_ANSWER";
      String text = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8);
      Bitrix24Exception e = Bitrix24Exception.of(code, "not a JSON envelope: " + text, status, method);
      // A 2xx that is not an envelope is a broken answer, not the portal's word: treated as a lost one.
      if (status < 300) throw new TransportException(code, e.description(), status, method, null);
      throw e;
    }
    throwIfError(root, status, method);
    if (status >= 300) {
      throw Bitrix24Exception.of("HTTP_" + status, "an answer without result", status, method);
    }
    JsonNode total = root.get("total");
    JsonNode next = root.get("next");
    return new Response(method, root.get("result"), total == null || total.isNull() ? null : total.asLong(),
        next == null || next.isNull() ? null : next.asLong(), Time.from(root.get("time")));
  }

  /** An answer of {@code /oauth/token/}: the token object, or its error as an exception. */
  static JsonNode tokenAnswer(int status, byte[] body) {
    JsonNode root = parse(body);
    if (root == null || !root.isObject()) {
      throw Bitrix24Exception.of(status == 404 ? "NOT_FOUND" : "ERROR_UNEXPECTED_ANSWER",
          "the OAuth token endpoint did not answer JSON (HTTP " + status + ")", status, "oauth/token");
    }
    throwIfError(root, status, "oauth/token");
    if (!root.hasNonNull("access_token")) {
      throw new AuthException("invalid_grant", "the OAuth server answered no access_token", status, "oauth/token");
    }
    return root;
  }

  private static void throwIfError(JsonNode root, int status, String method) {
    JsonNode error = root.get("error");
    if (error == null || error.isNull()) return;
    String code;
    String description;
    if (error.isObject()) { // REST 3.0: {"error": {"code": …, "message": …, "validation": [...]}}
      code = error.path("code").asText();
      description = error.path("message").asText();
      if (error.has("validation")) description = description + " " + error.get("validation");
    } else {
      code = error.asText();
      description = root.path("error_description").asText("");
    }
    throw Bitrix24Exception.of(code, description, status, method);
  }

  private static JsonNode parse(byte[] body) {
    if (body == null || body.length == 0) return null;
    try {
      return Json.MAPPER.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }
}
