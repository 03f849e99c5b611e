package dev.b24tasks.auth;

import java.util.Collection;
import java.util.List;

/** The scopes this server knows. A webhook made "with every scope" gets all of them. */
public final class Scopes {
  private Scopes() {}

  /** Every user field and the user changes. */
  public static final String USER = "user";
  /** Users' names, photos, positions and departments, and their contacts (e-mail, phones). */
  public static final String USER_BASIC = "user_basic";
  /** Users' names, photos, positions and departments, without contacts. */
  public static final String USER_BRIEF = "user_brief";

  /**
   * Whether {@code granted} lets a caller use a method of scope {@code required}: {@code basic} always; the user
   * scopes nest ({@code user} covers {@code user_basic}, which covers {@code user_brief}).
   */
  public static boolean grants(Collection<String> granted, String required) {
    return "basic".equals(required) || granted.contains(required)
        || USER_BASIC.equals(required) && granted.contains(USER)
        || USER_BRIEF.equals(required) && (granted.contains(USER) || granted.contains(USER_BASIC));
  }

  public static final List<String> ALL =
      List.of("task", "user", "user_brief", "user_basic", "department", "sonet_group", "disk", "im", "b24tasks");
}
