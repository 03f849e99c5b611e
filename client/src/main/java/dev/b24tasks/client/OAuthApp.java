package dev.b24tasks.client;

import java.net.URI;
import java.util.Objects;

/**
 * A Bitrix24 application's OAuth identity: its {@code client_id} and {@code client_secret} (shown by the portal
 * when the app is registered) and, optionally, the OAuth server that renews its tokens.
 *
 * @param clientId the application's {@code client_id}
 * @param clientSecret the application's {@code client_secret}
 * @param oauthServer the OAuth server's origin (for example {@code https://oauth.bitrix.info}); null to use the
 *     tokens' {@code server_endpoint}, or {@code https://oauth.bitrix.info} when they have none
 */
public record OAuthApp(String clientId, String clientSecret, URI oauthServer) {
  /** The public OAuth server of cloud portals. */
  public static final URI BITRIX_OAUTH = URI.create("https://oauth.bitrix.info");

  /** Checks the identity. */
  public OAuthApp {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientSecret, "clientSecret");
  }

  /** An app whose tokens are renewed where their {@code server_endpoint} says. */
  public OAuthApp(String clientId, String clientSecret) {
    this(clientId, clientSecret, null);
  }

  /** The token endpoint, {@code {server}/oauth/token/}, for these tokens. */
  URI tokenEndpoint(OAuthTokens tokens) {
    URI base = oauthServer;
    if (base == null && tokens.serverEndpoint() != null) {
      String s = tokens.serverEndpoint().toString();
      // server_endpoint is https://oauth.bitrix.info/rest/: the token endpoint sits beside /rest/
      int i = s.lastIndexOf("/rest");
      base = URI.create(i > 0 ? s.substring(0, i) : s);
    }
    if (base == null) base = BITRIX_OAUTH;
    String s = base.toString();
    while (s.endsWith("/")) s = s.substring(0, s.length() - 1);
    return URI.create(s + "/oauth/token/");
  }
}
