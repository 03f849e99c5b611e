package dev.b24tasks.client;

/**
 * An error answered by the portal ({@code {"error": code, "error_description": text}}) or met on the way to it.
 * Subtypes name the cases a caller usually handles apart: {@link QueryLimitExceededException},
 * {@link OperationTimeLimitException}, {@link AuthException}, {@link NotFoundException} and
 * {@link TransportException} (no answer at all). Business errors of the methods (for example {@code 1048582}
 * "Action on the task is not allowed", {@code ERROR_CORE}) come as this class itself.
 */
public class Bitrix24Exception extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The Bitrix error code. */
  private final String code;
  /** The portal's description. */
  private final String description;
  /** The HTTP status, 0 without an answer. */
  private final int httpStatus;
  /** The method called, or null. */
  private final String method;

  /**
   * An error with its code, description and status.
   *
   * @param code the Bitrix error code as sent ({@code "QUERY_LIMIT_EXCEEDED"}, {@code "1048582"}, {@code "100"}…)
   * @param description the {@code error_description}, possibly empty
   * @param httpStatus the HTTP status of the answer; 0 when there was no answer
   * @param method the REST method called, or null
   */
  public Bitrix24Exception(String code, String description, int httpStatus, String method) {
    this(code, description, httpStatus, method, null);
  }

  /** As {@link #Bitrix24Exception(String, String, int, String)}, with the underlying cause. */
  public Bitrix24Exception(String code, String description, int httpStatus, String method, Throwable cause) {
    super(message(code, description, httpStatus, method), cause);
    this.code = code == null ? "" : code;
    this.description = description == null ? "" : description;
    this.httpStatus = httpStatus;
    this.method = method;
  }

  /** The Bitrix error code as the portal sent it (numeric codes stay strings: {@code "1048582"}). */
  public String code() {
    return code;
  }

  /** The portal's {@code error_description} (not meant for end users), possibly empty. */
  public String description() {
    return description;
  }

  /** The HTTP status of the answer, or 0 when no answer came. */
  public int httpStatus() {
    return httpStatus;
  }

  /** The REST method that failed, or null. */
  public String method() {
    return method;
  }

  private static String message(String code, String description, int status, String method) {
    StringBuilder sb = new StringBuilder();
    if (method != null) sb.append(method).append(": ");
    sb.append(code);
    if (description != null && !description.isEmpty()) sb.append(": ").append(description);
    if (status > 0) sb.append(" (HTTP ").append(status).append(')');
    return sb.toString();
  }

  /** The exception type the client throws for this code and status. */
  static Bitrix24Exception of(String code, String description, int status, String method) {
    String c = code == null ? "" : code;
    if (status == 503 || c.equals("QUERY_LIMIT_EXCEEDED")) {
      return new QueryLimitExceededException(c, description, status, method);
    }
    if (status == 429 || c.equals("OPERATION_TIME_LIMIT")) {
      return new OperationTimeLimitException(c, description, status, method);
    }
    if (status == 401 || AuthException.CODES.contains(c) || c.endsWith("INSUFFICIENTSCOPEEXCEPTION")
        || c.endsWith("ACCESSDENIEDEXCEPTION")) {
      return new AuthException(c, description, status, method);
    }
    if (status == 404 || NotFoundException.CODES.contains(c) || c.endsWith("ENTITYNOTFOUNDEXCEPTION")
        || c.endsWith("METHODNOTFOUNDEXCEPTION")) {
      return new NotFoundException(c, description, status, method);
    }
    return new Bitrix24Exception(c, description, status, method);
  }
}
