package dev.b24tasks.client;

import java.util.Set;

/**
 * Something named in the call does not exist: an unknown method ({@code ERROR_METHOD_NOT_FOUND}, HTTP 404), an
 * entity ({@code ERROR_ENTITY_NOT_FOUND}, {@code NOT_FOUND}). Note that {@code tasks.task.get} of a missing or
 * hidden task is not an error on a portal (it answers an empty result); the typed
 * {@link dev.b24tasks.client.tasks.Tasks#get(long)} turns that into an empty {@code Optional}.
 */
public class NotFoundException extends Bitrix24Exception {
  private static final long serialVersionUID = 1L;

  static final Set<String> CODES = Set.of("ERROR_METHOD_NOT_FOUND", "ERROR_ENTITY_NOT_FOUND", "NOT_FOUND",
      "ERROR_MANIFEST_IS_NOT_AVAILABLE");

  NotFoundException(String code, String description, int httpStatus, String method) {
    super(code, description, httpStatus, method);
  }
}
