package dev.b24tasks.portal;

import dev.b24tasks.rest.RestException;

/** Errors of the portal controls, as the other {@code b24tasks.*} methods give them; texts in {@code i18n/portal_*}. */
final class PortalErrors {
  static final String BUNDLE = "portal";

  private PortalErrors() {}

  static RestException adminOnly() {
    return RestException.message("ACCESS_DENIED", 403, BUNDLE, "ADMIN_ONLY");
  }

  /** A bad or unknown argument: HTTP 400 INVALID_ARGUMENT with a text naming it. */
  static RestException invalid(String key, Object... args) {
    return RestException.message("INVALID_ARGUMENT", 400, BUNDLE, key, args);
  }
}
