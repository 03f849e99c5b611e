package dev.b24tasks.rest;

import java.util.Objects;

/**
 * A Bitrix24 error: the {@code error} code, the HTTP status, and the {@code error_description}. The description
 * is either literal text or a message key resolved in the portal language when the envelope is written.
 * Business errors of task methods are HTTP 400 even when they mean "access denied", as on a real portal.
 */
public class RestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String code;
  private final int status;
  private final String bundle;
  private final String key;
  private final transient Object[] args;

  private RestException(String code, int status, String bundle, String key, String literal, Object[] args) {
    super(literal != null ? literal : bundle + ":" + key, null, false, false);
    this.code = Objects.requireNonNull(code, "code");
    this.status = status;
    this.bundle = bundle;
    this.key = key;
    this.args = args;
  }

  /** An error whose description is a message from {@code i18n/<bundle>_<lang>.properties}. */
  public static RestException message(String code, int status, String bundle, String key, Object... args) {
    return new RestException(code, status, Objects.requireNonNull(bundle), Objects.requireNonNull(key), null, args);
  }

  /** An error whose description is the same in every language (Bitrix sends some texts untranslated). */
  public static RestException literal(String code, int status, String description) {
    return new RestException(code, status, null, null, Objects.requireNonNull(description), new Object[0]);
  }

  /** One of the system errors of the catalogue. */
  public static RestException of(RestError error, Object... args) {
    return message(error.code, error.status, "rest", error.name(), args);
  }

  public String code() {
    return code;
  }

  public int status() {
    return status;
  }

  /** The description in the given language. */
  public String description(String language) {
    if (bundle == null) return getMessage();
    return Messages.text(bundle, key, language, args);
  }
}
