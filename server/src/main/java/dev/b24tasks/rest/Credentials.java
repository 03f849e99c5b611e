package dev.b24tasks.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.auth.AuthException;
import dev.b24tasks.auth.AuthStore;
import dev.b24tasks.auth.Caller;

/** The credential of a request, for every dialect (classic and REST 3.0): who is calling, or the 401 why not. */
public final class Credentials {
  private Credentials() {}

  /**
   * The caller: the webhook of the path, else the token of {@code auth} or of
   * {@code Authorization: Bearer}. Throws the classic 401 {@code NO_AUTH_FOUND}, {@code invalid_token} or
   * {@code expired_token}.
   */
  public static Caller authenticate(AuthStore auth, Long webhookUser, String webhookCode, JsonNode authParam,
      String authorizationHeader) {
    try {
      return credential(auth, webhookUser, webhookCode, authParam, authorizationHeader);
    } catch (AuthException e) {
      if (e.reason() == AuthException.Reason.REFUSED) throw RestException.literal(e.code(), 401, e.description());
      throw RestException.of(switch (e.reason()) {
        case NO_AUTH_FOUND -> RestError.NO_AUTH_FOUND;
        case INVALID_TOKEN -> RestError.INVALID_TOKEN;
        case EXPIRED_TOKEN -> RestError.EXPIRED_TOKEN;
        case REFUSED -> throw new IllegalStateException();
      });
    }
  }

  private static Caller credential(AuthStore auth, Long webhookUser, String webhookCode, JsonNode authParam,
      String authorizationHeader) {
    if (webhookUser != null) return auth.webhook(webhookUser, webhookCode);
    String token = tokenOf(authParam, authorizationHeader);
    if (token == null) throw RestException.of(RestError.NO_AUTH_FOUND);
    return auth.token(token);
  }

  /** The access token of a request: {@code auth}, else {@code Authorization: Bearer}; null if there is none. */
  public static String tokenOf(JsonNode authParam, String authorizationHeader) {
    String token = null;
    if (authParam != null && !authParam.isContainerNode() && !authParam.asText().isBlank()) token = authParam.asText();
    if (token == null && authorizationHeader != null) {
      String h = authorizationHeader.trim();
      token = h.regionMatches(true, 0, "Bearer ", 0, 7) ? h.substring(7).trim() : h;
    }
    return token == null || token.isEmpty() ? null : token;
  }
}
