package dev.b24tasks.client;

/**
 * HTTP 429 {@code OPERATION_TIME_LIMIT}: this method used up its operating-time budget of the ten-minute window
 * (480 s on cloud portals). The client waits until {@code time.operating_reset_at} and retries; this is thrown
 * when the attempts ran out.
 */
public class OperationTimeLimitException extends Bitrix24Exception {
  private static final long serialVersionUID = 1L;

  OperationTimeLimitException(String code, String description, int httpStatus, String method) {
    super(code, description, httpStatus, method);
  }
}
