package dev.b24tasks.auth;

import java.util.List;

/** The scopes this server knows. A webhook made "with every scope" gets all of them. */
public final class Scopes {
  private Scopes() {}

  public static final List<String> ALL =
      List.of("task", "user", "user_brief", "user_basic", "department", "sonet_group", "disk", "b24tasks");
}
