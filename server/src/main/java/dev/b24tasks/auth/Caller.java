package dev.b24tasks.auth;

import java.util.Set;

/**
 * Who is calling: the user every call runs as, the scopes the credential grants, a key naming the credential
 * (one webhook or one token) that rate limits and the operating-time budget are counted against, and, for a call
 * made with an installed application's OAuth access token, that application ({@code appId}, else 0).
 */
public record Caller(long userId, Set<String> scopes, String credentialKey, Kind kind, long appId) {
  public enum Kind {
    WEBHOOK,
    TOKEN,
    /** An installed application's OAuth access token (the "application context" of the docs). */
    APP
  }

  /** A caller that is not an application's. */
  public Caller(long userId, Set<String> scopes, String credentialKey, Kind kind) {
    this(userId, scopes, credentialKey, kind, 0);
  }

  /** True for a call made with an application's OAuth token. */
  public boolean isApp() {
    return kind == Kind.APP;
  }

  /**
   * Scope {@code basic} (batch, methods, scope, server.time, profile) comes with every credential. The user scopes
   * nest as on a portal: {@code user} grants what {@code user_basic} does (names and contacts), and
   * {@code user_basic} what {@code user_brief} does (names without contacts).
   */
  public boolean hasScope(String scope) {
    return Scopes.grants(scopes, scope);
  }
}
