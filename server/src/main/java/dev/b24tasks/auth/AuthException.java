package dev.b24tasks.auth;

/**
 * A credential that does not let the call in. The gateway turns the reason into Bitrix's answer (401
 * {@code NO_AUTH_FOUND}, {@code invalid_token}, {@code expired_token}); auth itself knows nothing of envelopes.
 * Built without a stack trace: it is an expected outcome, and a cheap one for calls with bad credentials.
 */
public final class AuthException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the credential was refused. */
  public enum Reason {
    /** No credential, or a webhook user/code pair that is unknown, inactive or expired. */
    NO_AUTH_FOUND,
    /** An access token that is unknown or whose user is inactive. */
    INVALID_TOKEN,
    /** An access token past its lifetime. */
    EXPIRED_TOKEN
  }

  private final Reason reason;

  public AuthException(Reason reason) {
    super(reason.name(), null, false, false);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
