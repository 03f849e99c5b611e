package dev.b24tasks.userfields;

import dev.b24tasks.rest.RestException;
import java.util.List;

/**
 * The errors of task.item.userfield.*, all HTTP 400: the rest module's own texts (English on every portal), the
 * field checks of CUserTypeEntity (translated, each ending in {@code <br>} as CAdminException joins them), and the
 * tasks router's text for a call that lacks an argument.
 */
final class UserFieldErrors {
  static final String BUNDLE = "userfields";

  private UserFieldErrors() {}

  static RestException accessDenied() {
    return RestException.literal("ERROR_CORE", 400, "Access denied.");
  }

  static RestException invalidId() {
    return RestException.literal("ERROR_CORE", 400, "ID is not defined or invalid.");
  }

  static RestException notFound(long id) {
    return RestException.literal("ERROR_NOT_FOUND", 400, "The entity with ID '" + id + "' is not found.");
  }

  /** get without any argument. */
  static RestException noParameters() {
    return RestException.literal("ERROR_CORE", 400, "No parameters found.");
  }

  /** update / delete without the arguments they need: the router cannot call the method. */
  static RestException invalidArguments(String method) {
    return RestException.literal("ERROR_CORE", 400, "TASKS_ERROR_EXCEPTION_#0; Invalid arguments for "
        + "Bitrix\\Tasks\\Integration\\Rest\\Task\\UserField::" + method + "; 0/TE");
  }

  /**
   * The checks of a new field, each message followed by {@code <br>} as CAdminException joins them, in the portal's
   * language (a duplicate's message names the field and the entity: {@code args}).
   */
  static RestException checks(String language, List<String> keys, Object... args) {
    StringBuilder text = new StringBuilder();
    for (String key : keys) text.append(dev.b24tasks.rest.Messages.text(BUNDLE, key, language, args)).append("<br>");
    return RestException.literal("ERROR_CORE", 400, text.toString());
  }
}
