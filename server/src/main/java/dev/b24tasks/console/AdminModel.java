package dev.b24tasks.console;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The administrators' pages. */
public final class AdminModel {
  private AdminModel() {}

  public record UserRow(Desk.Person person, boolean hasPassword) {}

  public record Users(List<UserRow> rows) {}

  public record Hook(long id, Desk.Person user, String title, Set<String> scopes, Instant created) {}

  /** {@code newUrl}: the URL of a webhook just made, shown this once (its code is not kept). */
  public record Webhooks(List<Hook> rows, List<Desk.Person> people, List<String> scopes, String newUrl,
      String newUrlHttps) {}
}
