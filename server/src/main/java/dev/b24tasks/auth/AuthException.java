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
    EXPIRED_TOKEN,
    /** A token a feature refuses for its own reason (401 with the {@link #code} and {@link #description} given). */
    REFUSED
  }

  private final Reason reason;
  private final String code;
  private final String description;

  public AuthException(Reason reason) {
    this(reason, null, null);
  }

  private AuthException(Reason reason, String code, String description) {
    super(code == null ? reason.name() : code, null, false, false);
    this.reason = reason;
    this.code = code;
    this.description = description;
  }

  /** A feature's refusal, answered as 401 {@code {"error": code, "error_description": description}}. */
  public static AuthException refused(String code, String description) {
    return new AuthException(Reason.REFUSED, code, description);
  }

  /** The error code of a {@link Reason#REFUSED} refusal, else null. */
  public String code() {
    return code;
  }

  public String description() {
    return description;
  }

  public Reason reason() {
    return reason;
  }
}
