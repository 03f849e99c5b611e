package dev.b24tasks.rest.v3;

import java.util.List;

/**
 * A REST 3.0 error: {@code {"error":{"code","message","validation":[{"field","message"}]}}}. The message and each
 * validation message are message keys with arguments, resolved in the portal language when written. Built
 * without a stack trace: it is an answer, not a failure.
 */
public final class V3Exception extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** One {@code validation} entry: the field path and a message key with its arguments. */
  public record Validation(String field, String key, Object... args) {}

  private final V3Error error;
  private final String key;
  private final transient Object[] args;
  private final transient List<Validation> validation;

  private V3Exception(V3Error error, String key, Object[] args, List<Validation> validation) {
    super(error.code, null, false, false);
    this.error = error;
    this.key = key;
    this.args = args;
    this.validation = List.copyOf(validation);
  }

  /** An error whose message is the catalogue's text for it. */
  public static V3Exception of(V3Error error, Object... args) {
    return new V3Exception(error, error.name(), args, List.of());
  }

  /** An error with its own message key (for codes whose text varies, such as INVALID_SELECT in a batch). */
  public static V3Exception message(V3Error error, String key, Object... args) {
    return new V3Exception(error, key, args, List.of());
  }

  /** A validation error: the catalogue's text and the entries that say which fields are wrong. */
  public static V3Exception invalid(V3Error error, List<Validation> validation) {
    return new V3Exception(error, error.name(), new Object[0], validation);
  }

  public V3Error error() {
    return error;
  }

  public String key() {
    return key;
  }

  public Object[] args() {
    return args.clone();
  }

  public List<Validation> validation() {
    return validation;
  }
}
