package dev.b24tasks.apps;

/**
 * An OAuth server answer that is not a token: {@code {"error", "error_description"}} with its HTTP status, as
 * the OAuth server sends them ({@code description} null: the server sends the code alone).
 */
public final class OAuthError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public final int status;
  public final String error;
  public final String description;

  OAuthError(int status, String error, String description) {
    super(error + (description == null ? "" : ": " + description), null, false, false);
    this.status = status;
    this.error = error;
    this.description = description;
  }

  static OAuthError invalidRequest(String description) {
    return new OAuthError(400, "invalid_request", description);
  }

  static OAuthError invalidClient() {
    return new OAuthError(400, "invalid_client", null);
  }

  static OAuthError invalidGrant() {
    return new OAuthError(400, "invalid_grant", null);
  }

  static OAuthError notInstalled() {
    return new OAuthError(401, "NOT_INSTALLED", "Application not installed");
  }
}
