package dev.b24tasks.directory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.auth.AuthStore;
import dev.b24tasks.auth.Scopes;
import dev.b24tasks.rest.Call;
import dev.b24tasks.rest.MethodRegistry;
import dev.b24tasks.rest.Params;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * {@code profile}, {@code user.current}, {@code user.add}, {@code user.update}: who the caller is, and changing
 * people. Invitations and changes to others are for administrators; everyone may edit her own profile fields.
 * The list methods {@code user.get} and {@code user.search} are in {@link UserQuery}.
 */
public final class UserMethods {
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  private final Directory directory;
  private final Users users;
  private final AuthStore auth;

  public UserMethods(Directory directory, Users users, AuthStore auth) {
    this.directory = directory;
    this.users = users;
    this.auth = auth;
  }

  public void register(MethodRegistry r) {
    r.namedRead("profile", "basic", this::profile);
    // user_brief is the least a caller needs (user and user_basic grant it too); contacts need user_basic
    r.namedRead("user.current", Scopes.USER_BRIEF, this::current);
    r.named("user.add", "user", this::add);
    r.named("user.update", "user", this::update);
  }

  Object profile(Call call) {
    User u = directory.user(call.userId()).filter(User::active).orElse(null);
    Map<String, Object> out = new LinkedHashMap<>();
    if (u == null) return out;
    out.put("ID", Long.toString(u.id()));
    out.put("ADMIN", u.admin());
    out.put("NAME", u.name());
    out.put("LAST_NAME", u.lastName());
    out.put("PERSONAL_GENDER", u.personalGender());
    if (u.personalPhoto() != null) out.put("PERSONAL_PHOTO", u.personalPhoto());
    out.put("TIME_ZONE", u.timeZone() == null ? "" : u.timeZone());
    return out;
  }

  Object current(Call call) {
    Users.Listed l = users.listed(call.userId());
    if (l == null) return new LinkedHashMap<>();
    return DirectoryViews.user(l.user(), l.departments(), l.extranet(), directory.zoneOf(call.userId()),
        call.caller().hasScope(Scopes.USER_BASIC));
  }

  Object add(Call call) {
    if (!directory.isAdmin(call.userId())) throw DirectoryErrors.core("USER_ACCESS_DENIED");
    Params p = call.params();
    String email = Input.text(p.get("EMAIL"));
    if (email == null || !EMAIL.matcher(email.trim()).matches()) throw DirectoryErrors.argument("WRONG_EMAIL");
    Users.Profile profile = profile(p, email.trim());
    Optional<Boolean> extranet = Input.flag(p.get("EXTRANET"));
    if (extranet != null && extranet.orElse(false)) {
      List<Long> groups = Input.ids(p.get("SONET_GROUP_ID"));
      if (groups == null) throw DirectoryErrors.argument("GROUP_INCORRECT");
      if (groups.isEmpty()) throw DirectoryErrors.core("GROUP_CODE_MISSING");
      for (long g : groups) if (directory.group(g).isEmpty()) throw DirectoryErrors.core("GROUP_INCORRECT");
      return users.add(new Users.Profile(profile.email(), profile.name(), profile.lastName(), profile.secondName(),
          profile.workPosition(), profile.photo(), profile.gender(), profile.timeZone(), null, List.of()), groups);
    }
    if (profile.departments() == null || profile.departments().isEmpty()) {
      throw DirectoryErrors.argument("NO_EXTRANET_FIELD");
    }
    return users.add(profile, null);
  }

  Object update(Call call) {
    Params p = call.params();
    OptionalLong id = Input.integer(p.get("ID"), "ID", (f, v) -> DirectoryErrors.core("USER_ACCESS_DENIED"));
    if (id.isEmpty()) throw DirectoryErrors.core("USER_ACCESS_DENIED");
    boolean admin = directory.isAdmin(call.userId());
    boolean self = id.getAsLong() == call.userId();
    if (!admin && !self) throw DirectoryErrors.core("USER_ACCESS_DENIED");
    String email = null;
    if (p.has("EMAIL")) {
      email = Input.text(p.get("EMAIL"));
      if (email == null || !EMAIL.matcher(email.trim()).matches()) throw DirectoryErrors.argument("WRONG_EMAIL");
      email = email.trim();
    }
    Users.Profile profile = profile(p, email);
    // an employee edits her own profile, not her place in the company or whether she works here
    if (!admin && (profile.active() != null || profile.departments() != null)) {
      throw DirectoryErrors.core("USER_ACCESS_DENIED");
    }
    if (profile.departments() != null && profile.departments().isEmpty()) throw DirectoryErrors.argument("NO_EXTRANET_FIELD");
    if (!users.update(id.getAsLong(), profile)) throw DirectoryErrors.core("USER_ACCESS_DENIED");
    // a dismissed user's webhooks stop now here; other server processes forget them within the cache's seconds
    if (Boolean.FALSE.equals(profile.active())) auth.clearCache();
    return true;
  }

  /** The profile fields present in the call, checked for type. */
  private static Users.Profile profile(Params p, String email) {
    List<Long> departments = null;
    if (p.has("UF_DEPARTMENT")) {
      departments = Input.ids(p.get("UF_DEPARTMENT"));
      if (departments == null) throw DirectoryErrors.argument("BAD_DEPARTMENTS", Params.display(p.get("UF_DEPARTMENT")));
    }
    String zone = text(p, "TIME_ZONE");
    if (zone != null && !zone.isBlank()) {
      try {
        ZoneId.of(zone.trim());
      } catch (DateTimeException e) {
        throw DirectoryErrors.argument("BAD_TIME_ZONE", zone);
      }
    }
    JsonNode photo = p.get("PERSONAL_PHOTO");
    if (photo != null && photo.isContainerNode()) throw DirectoryErrors.argument("BAD_PHOTO");
    String gender = text(p, "PERSONAL_GENDER");
    if (gender != null && !List.of("", "M", "F").contains(gender)) {
      throw DirectoryErrors.argument("BAD_FIELD", "PERSONAL_GENDER", "M, F or empty");
    }
    Optional<Boolean> active = Input.flag(p.get("ACTIVE"));
    if (active == null) throw DirectoryErrors.argument("BAD_FIELD", "ACTIVE", "Y or N");
    return new Users.Profile(email, text(p, "NAME"), text(p, "LAST_NAME"), text(p, "SECOND_NAME"),
        text(p, "WORK_POSITION"), Input.text(photo), gender, zone == null ? null : zone.trim(), active.orElse(null),
        departments);
  }

  private static String text(Params p, String field) {
    JsonNode v = p.get(field);
    if (v != null && v.isContainerNode()) throw DirectoryErrors.argument("BAD_FIELD", field, "a string");
    return Input.text(v);
  }
}
