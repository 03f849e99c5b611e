package dev.b24tasks.binding;

import dev.b24tasks.rest.RestException;

/**
 * The error envelope of the legacy positional families. Bitrix's REST service turns a TasksException into
 * {@code ERROR_CORE} with {@code "TASKS_ERROR_EXCEPTION_#<code>; <message>; <code>/TE/<FLAG><br>"}, HTTP 400;
 * an exception whose code carries the "serialized" bit (1048582 = action not allowed | access denied) shows
 * its bare message instead, and a failed assertion shows {@code TASKS_ERROR_ASSERT_EXCEPTION}.
 *
 * <p>Texts with a translatable middle live in the feature bundles ({@code checklist}, {@code comments}, …) as
 * whole lines; the argument-binding texts are sent untranslated, as portals do.
 */
public final class LegacyErrors {
  public static final String CODE = "ERROR_CORE";
  public static final int STATUS = 400;

  private LegacyErrors() {}

  /** TE_WRONG_ARGUMENTS (256): a positional argument is missing, mistyped, or has a key/value not allowed. */
  public static RestException wrongArguments(String message) {
    return RestException.literal(CODE, STATUS,
        "TASKS_ERROR_EXCEPTION_#256; " + message + "; 256/TE/WRONG_ARGUMENTS<br>");
  }

  /** A CTaskAssert failure, e.g. an id that is not a positive integer. */
  public static RestException assertion() {
    return RestException.literal(CODE, STATUS, "TASKS_ERROR_ASSERT_EXCEPTION<br>");
  }

  /** An id argument must be a positive integer (CTaskAssert); returns it. */
  public static long positive(long id) {
    if (id <= 0) throw assertion();
    return id;
  }

  /** A TasksException whose whole description line is {@code key} in {@code bundle} (per language). */
  public static RestException message(String bundle, String key, Object... args) {
    return RestException.message(CODE, STATUS, bundle, key, args);
  }

  /** The refusal of a task action (start, defer, delete, …) through {@code task.item.*}. */
  public static RestException actionNotAllowed() {
    return message("legacy", "ACTION_NOT_ALLOWED");
  }

  /**
   * The same failure a {@code tasks.task.*} method reports, as the legacy envelope shows it: code
   * {@code ERROR_CORE} and the text with Bitrix's trailing {@code <br>}.
   */
  public static RestException fromTaskError(RestException e, String language) {
    String text = e.description(language);
    if (!text.endsWith("<br>")) text = text + "<br>";
    return RestException.literal(CODE, STATUS, text);
  }
}
