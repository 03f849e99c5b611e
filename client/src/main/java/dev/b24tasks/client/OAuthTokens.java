package dev.b24tasks.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * One installation's OAuth tokens, as the portal hands them over ({@code ONAPPINSTALL}'s {@code auth}, the token
 * endpoint's answer) and as the client renews them. Store the newest ones: with single-use refresh tokens an old
 * refresh token no longer works.
 *
 * @param accessToken the access token ({@code access_token}, {@code AUTH_ID})
 * @param refreshToken the refresh token ({@code refresh_token}, {@code REFRESH_ID})
 * @param expires when the access token expires ({@code expires}, unix seconds), or null if unknown; the client
 *     renews a token past this time before using it
 * @param clientEndpoint where REST calls go, {@code https://{portal}/rest/}
 * @param serverEndpoint the OAuth server's REST endpoint ({@code https://oauth.bitrix.info/rest/}), or null
 * @param memberId the portal's {@code member_id}, or null
 * @param userId the user the tokens act as, or 0 if unknown
 * @param scope the granted scopes, comma-separated, or null
 */
public record OAuthTokens(String accessToken, String refreshToken, Instant expires, URI clientEndpoint,
    URI serverEndpoint, String memberId, long userId, String scope) {

  /** Checks the required parts. */
  public OAuthTokens {
    Objects.requireNonNull(accessToken, "accessToken");
    Objects.requireNonNull(clientEndpoint, "clientEndpoint");
    String s = clientEndpoint.toString();
    if (!s.endsWith("/")) clientEndpoint = URI.create(s + "/");
  }

  /** Tokens with only what a call needs: the access and refresh tokens and the portal's REST endpoint. */
  public static OAuthTokens of(String accessToken, String refreshToken, Instant expires, URI clientEndpoint) {
    return new OAuthTokens(accessToken, refreshToken, expires, clientEndpoint, null, null, 0, null);
  }

  /**
   * Reads a token endpoint answer ({@code access_token, refresh_token, expires, client_endpoint,
   * server_endpoint, member_id, user_id, scope}); what it lacks is kept from {@code previous}.
   */
  public static OAuthTokens fromTokenAnswer(JsonNode a, OAuthTokens previous) {
    String access = text(a, "access_token", previous == null ? null : previous.accessToken());
    Instant expires = a.hasNonNull("expires") ? Instant.ofEpochSecond(a.get("expires").asLong())
        : previous == null ? null : previous.expires();
    String client = text(a, "client_endpoint", previous == null ? null : previous.clientEndpoint().toString());
    String server = text(a, "server_endpoint",
        previous == null || previous.serverEndpoint() == null ? null : previous.serverEndpoint().toString());
    return new OAuthTokens(access, text(a, "refresh_token", previous == null ? null : previous.refreshToken()),
        expires, client == null ? null : URI.create(client), server == null ? null : URI.create(server),
        text(a, "member_id", previous == null ? null : previous.memberId()),
        a.hasNonNull("user_id") ? a.get("user_id").asLong() : previous == null ? 0 : previous.userId(),
        text(a, "scope", previous == null ? null : previous.scope()));
  }

  /**
   * Reads the {@code auth} block of an event the portal posts to the application (form-encoded, as
   * {@code ONAPPINSTALL} brings the first tokens): the decoded form fields {@code auth[access_token]},
   * {@code auth[refresh_token]}, {@code auth[expires]}, {@code auth[client_endpoint]},
   * {@code auth[server_endpoint]}, {@code auth[member_id]}, {@code auth[user_id]}, {@code auth[scope]}.
   */
  public static OAuthTokens fromEventAuth(java.util.Map<String, String> form) {
    String expires = form.get("auth[expires]");
    String server = form.get("auth[server_endpoint]");
    String user = form.get("auth[user_id]");
    return new OAuthTokens(form.get("auth[access_token]"), form.get("auth[refresh_token]"),
        expires == null || expires.isBlank() ? null : Instant.ofEpochSecond(Long.parseLong(expires.trim())),
        URI.create(Objects.requireNonNull(form.get("auth[client_endpoint]"), "auth[client_endpoint]")),
        server == null || server.isBlank() ? null : URI.create(server), form.get("auth[member_id]"),
        user == null || user.isBlank() ? 0 : Long.parseLong(user.trim()), form.get("auth[scope]"));
  }

  private static String text(JsonNode a, String name, String fallback) {
    JsonNode n = a.get(name);
    return n == null || n.isNull() || n.asText().isEmpty() ? fallback : n.asText();
  }

  /** Never prints the tokens themselves. */
  @Override
  public String toString() {
    return "OAuthTokens[clientEndpoint=" + clientEndpoint + ", expires=" + expires + ", userId=" + userId
        + ", accessToken=***, refreshToken=***]";
  }
}
