package dev.b24tasks.client;

/**
 * No usable answer came: the connection failed or was closed before the answer ({@code NETWORK_ERROR}), the
 * request timed out ({@code REQUEST_TIMEOUT}), or the answer was not a Bitrix24 envelope
 * ({@code ERROR_UNEXPECTED_ANSWER}). {@link #httpStatus()} is 0 unless an answer with a status came.
 */
public class TransportException extends Bitrix24Exception {
  private static final long serialVersionUID = 1L;

  TransportException(String code, String description, int httpStatus, String method, Throwable cause) {
    super(code, description, httpStatus, method, cause);
  }
}
