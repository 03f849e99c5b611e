package dev.b24tasks.rest;

/**
 * System errors every method can answer with: code, HTTP status (from Bitrix24's system-error table) and the
 * message key in {@code i18n/rest_*.properties}. Feature errors are thrown with their own codes and bundles.
 */
public enum RestError {
  INTERNAL_SERVER_ERROR("INTERNAL_SERVER_ERROR", 500),
  QUERY_LIMIT_EXCEEDED("QUERY_LIMIT_EXCEEDED", 503),
  /** Bitrix's "blocked due to overload"; here: a write that kept losing to concurrent ones, so nothing was written. */
  OVERLOAD_LIMIT("OVERLOAD_LIMIT", 503),
  OPERATION_TIME_LIMIT("OPERATION_TIME_LIMIT", 429),
  ERROR_BATCH_METHOD_NOT_ALLOWED("ERROR_BATCH_METHOD_NOT_ALLOWED", 405),
  ERROR_BATCH_LENGTH_EXCEEDED("ERROR_BATCH_LENGTH_EXCEEDED", 400),
  NO_AUTH_FOUND("NO_AUTH_FOUND", 401),
  INVALID_TOKEN("invalid_token", 401),
  EXPIRED_TOKEN("expired_token", 401),
  INSUFFICIENT_SCOPE("insufficient_scope", 403),
  ACCESS_DENIED("ACCESS_DENIED", 403),
  METHOD_NOT_FOUND("ERROR_METHOD_NOT_FOUND", 404),
  /** The request itself cannot be read: malformed body, too large, too deep, wrong content type. */
  INVALID_REQUEST("INVALID_REQUEST", 400),
  PAYLOAD_TOO_LARGE("INVALID_REQUEST", 413),
  UNSUPPORTED_MEDIA_TYPE("INVALID_REQUEST", 415),
  /** A parameter is missing or of the wrong type (the engine binder's code 100). */
  ARGUMENT("100", 400),
  /** A required method parameter is missing. */
  ARGUMENT_MISSING("100", 400),
  /** A parameter has the wrong type. */
  ARGUMENT_TYPE("100", 400),
  WRONG_AUTH_TYPE("WRONG_AUTH_TYPE", 400),
  /** A value the store refuses (out of range, a duplicate, a reference to nothing): the client's input, so 400. */
  VALUE_REFUSED("ERROR_ARGUMENT", 400),
  /** A statement ran past statement_timeout: nothing was written, and the call may be sent again. */
  STATEMENT_TIMEOUT("OVERLOAD_LIMIT", 503);

  public final String code;
  public final int status;

  RestError(String code, int status) {
    this.code = code;
    this.status = status;
  }
}
