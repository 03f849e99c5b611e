package dev.b24tasks.auth;

import java.util.Set;

/**
 * Who is calling: the user every call runs as, the scopes the credential grants, and a key naming the credential
 * (one webhook or one token) that rate limits and the operating-time budget are counted against.
 */
public record Caller(long userId, Set<String> scopes, String credentialKey, Kind kind) {
  public enum Kind {
    WEBHOOK,
    TOKEN
  }

  /** Scope {@code basic} (batch, methods, scope, server.time, profile) comes with every credential. */
  public boolean hasScope(String scope) {
    return "basic".equals(scope) || scopes.contains(scope);
  }
}
