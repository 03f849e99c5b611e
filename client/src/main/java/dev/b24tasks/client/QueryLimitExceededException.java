package dev.b24tasks.client;

/**
 * HTTP 503 {@code QUERY_LIMIT_EXCEEDED}: the portal's request-rate bucket is full. The client retries these
 * itself (see {@link Bitrix24.Builder#maxAttempts(int)}); this is thrown when the attempts ran out.
 */
public class QueryLimitExceededException extends Bitrix24Exception {
  private static final long serialVersionUID = 1L;

  QueryLimitExceededException(String code, String description, int httpStatus, String method) {
    super(code, description, httpStatus, method);
  }
}
