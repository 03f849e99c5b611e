package dev.b24tasks.auth;

import java.util.Set;

/**
 * Who is calling: the user every call runs as, the scopes the credential grants, and a key naming the credential
 * (one webhook or one token) that rate limits and the operating-time budget are counted against. An application's
 * OAuth token names its application ({@code appId}, 0 for every other credential).
 */
public record Caller(long userId, Set<String> scopes, String credentialKey, Kind kind, long appId) {
  public enum Kind {
    WEBHOOK,
    TOKEN,
    APP
  }

  public Caller(long userId, Set<String> scopes, String credentialKey, Kind kind) {
    this(userId, scopes, credentialKey, kind, 0);
  }

  /** Scope {@code basic} (batch, methods, scope, server.time, profile) comes with every credential. */
  public boolean hasScope(String scope) {
    return "basic".equals(scope) || scopes.contains(scope);
  }

  /** Whether the call runs in an application's OAuth context (the only one that may bind events). */
  public boolean isApp() {
    return kind == Kind.APP && appId > 0;
  }
}
