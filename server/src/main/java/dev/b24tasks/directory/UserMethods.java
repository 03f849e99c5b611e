package dev.b24tasks.directory;

import dev.b24tasks.rest.Call;
import dev.b24tasks.rest.MethodRegistry;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code profile} and {@code user.current}: who the caller is. */
public final class UserMethods {
  private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

  private final Directory directory;

  public UserMethods(Directory directory) {
    this.directory = directory;
  }

  public void register(MethodRegistry r) {
    r.named("profile", "basic", this::profile);
    r.named("user.current", "user", this::current);
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
    User u = directory.user(call.userId()).orElse(null);
    Map<String, Object> out = new LinkedHashMap<>();
    if (u == null) return out;
    var zone = directory.zoneOf(u.id());
    out.put("ID", Long.toString(u.id()));
    out.put("ACTIVE", u.active());
    out.put("NAME", u.name());
    out.put("LAST_NAME", u.lastName());
    out.put("SECOND_NAME", u.secondName());
    out.put("EMAIL", u.email());
    out.put("LAST_LOGIN", u.lastLogin() == null ? "" : OffsetDateTime.ofInstant(u.lastLogin(), zone).format(ISO));
    out.put("DATE_REGISTER", OffsetDateTime.ofInstant(u.dateRegister(), zone).format(ISO));
    out.put("IS_ONLINE", "N");
    out.put("TIME_ZONE", u.timeZone() == null ? "" : u.timeZone());
    out.put("PERSONAL_GENDER", u.personalGender());
    out.put("PERSONAL_BIRTHDAY", "");
    out.put("WORK_POSITION", u.workPosition());
    out.put("UF_EMPLOYMENT_DATE", "");
    out.put("UF_DEPARTMENT", List.of());
    return out;
  }
}
