package dev.b24tasks.directory;

import java.time.Instant;

/** A portal user as the rest of the server sees them. */
public record User(
    long id,
    boolean active,
    boolean admin,
    String login,
    String email,
    String name,
    String lastName,
    String secondName,
    String workPosition,
    String personalPhoto,
    String personalGender,
    String timeZone,
    Instant dateRegister,
    Instant lastLogin) {

  /** "Name LastName", or the login or e-mail when both are empty, as Bitrix24 shows a user. */
  public String fullName() {
    String full = (name + " " + lastName).trim();
    if (!full.isEmpty()) return full;
    return !login.isEmpty() ? login : email;
  }
}
