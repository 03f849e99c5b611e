package dev.b24tasks.directory;

import dev.b24tasks.rest.RestException;

/**
 * The errors of the directory's methods, with the codes the Bitrix24 docs give: user.* answer ERROR_ARGUMENT or
 * ERROR_CORE, department.* ERROR_CORE, sonet_group.* an empty code; all with HTTP 400. Texts live in
 * {@code i18n/directory_*.properties}.
 */
final class DirectoryErrors {
  static final String BUNDLE = "directory";

  private DirectoryErrors() {}

  /** user.*: a bad or missing argument. */
  static RestException argument(String key, Object... args) {
    return RestException.message("ERROR_ARGUMENT", 400, BUNDLE, key, args);
  }

  /** user.* and department.*: refused by the core (access, not found, rules of the structure). */
  static RestException core(String key, Object... args) {
    return RestException.message("ERROR_CORE", 400, BUNDLE, key, args);
  }

  /** sonet_group.*: the socialnetwork module answers with an empty error code. */
  static RestException sonet(String key, Object... args) {
    return RestException.message("", 400, BUNDLE, key, args);
  }

  /** b24tasks.*: not for this caller. */
  static RestException adminOnly() {
    return RestException.message("ACCESS_DENIED", 403, BUNDLE, "ADMIN_ONLY");
  }

  /** b24tasks.*: a bad argument. */
  static RestException invalid(String key, Object... args) {
    return RestException.message("INVALID_ARGUMENT", 400, BUNDLE, key, args);
  }
}
