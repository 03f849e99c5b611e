package dev.b24tasks.client;

import java.util.Set;

/**
 * The credentials were refused: HTTP 401 ({@code NO_AUTH_FOUND}, {@code expired_token}, {@code invalid_token}), a
 * missing scope ({@code insufficient_scope}), {@code ACCESS_DENIED}, {@code WRONG_AUTH_TYPE}…, or the OAuth
 * server refused a refresh ({@code invalid_grant}, {@code invalid_client}). An expired OAuth access token is
 * renewed by the client before this is ever thrown.
 */
public class AuthException extends Bitrix24Exception {
  private static final long serialVersionUID = 1L;

  static final Set<String> CODES = Set.of("NO_AUTH_FOUND", "expired_token", "invalid_token", "insufficient_scope",
      "ACCESS_DENIED", "INVALID_CREDENTIALS", "WRONG_AUTH_TYPE", "user_access_error", "authorization_error",
      "invalid_grant", "invalid_client", "invalid_request", "unsupported_grant_type", "NOT_INSTALLED",
      "PAYMENT_REQUIRED", "APPLICATION_NOT_FOUND", "wrong_client", "allowed_only_intranet_user");

  AuthException(String code, String description, int httpStatus, String method) {
    super(code, description, httpStatus, method);
  }

  /** True for {@code expired_token} (and {@code invalid_token}, which the official JS SDK also renews on). */
  public boolean isExpiredToken() {
    return code().equals("expired_token") || code().equals("invalid_token");
  }
}
