package dev.b24tasks.rest;

import dev.b24tasks.auth.Caller;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The HTTP hit a thread is serving: an id of its own (one per request, shared by a batch's commands), the
 * caller, the {@code auth_connector} it named, and the SHA-256 (hex) of the access token it came with (null for a
 * webhook). Set by the gateway around the dispatch, so code deep inside a
 * transaction (the event outbox) can tell which call made a change without every service passing it on. Outside
 * a hit (administrative commands, tests calling services) there is none.
 */
public record CallContext(String hitId, Caller caller, String authConnector, String tokenHash) {
  private static final ThreadLocal<CallContext> CURRENT = new ThreadLocal<>();

  /** The hit this thread serves, or null. */
  public static CallContext current() {
    return CURRENT.get();
  }

  /** Runs {@code work} as a new hit of {@code caller}; the previous context (if any) comes back afterwards. */
  public static <T> T run(Caller caller, String authConnector, String tokenHash, Supplier<T> work) {
    CallContext previous = CURRENT.get();
    CURRENT.set(new CallContext(UUID.randomUUID().toString(), caller, authConnector == null ? "" : authConnector,
        tokenHash));
    try {
      return work.get();
    } finally {
      if (previous == null) CURRENT.remove();
      else CURRENT.set(previous);
    }
  }
}
