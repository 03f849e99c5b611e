package dev.b24tasks.directory;

import dev.b24tasks.rest.Wire;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The wire shapes of people, departments and groups, in the key order Bitrix24 sends them. The tasks view embeds
 * {@link #userBrief} ({@code creator}, {@code responsible}, {@code accomplicesData}…) and {@link #groupBrief}.
 */
public final class DirectoryViews {
  public static final String DEFAULT_AVATAR = "/bitrix/images/tasks/default_avatar.png";
  public static final String DEFAULT_GROUP_IMAGE = "/bitrix/images/socialnetwork/workgroup/folder.png";

  private DirectoryViews() {}

  /** {@code {"id":"503","name":"Maria Johnson","link":"/company/personal/user/503/","icon":…,"workPosition":…}} */
  public static Map<String, Object> userBrief(User u) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", Long.toString(u.id()));
    out.put("name", u.fullName());
    out.put("link", "/company/personal/user/" + u.id() + "/");
    out.put("icon", u.personalPhoto() == null || u.personalPhoto().isBlank() ? DEFAULT_AVATAR : u.personalPhoto());
    out.put("workPosition", u.workPosition());
    return out;
  }

  /** {@code {"id":"125","name":…,"opened":false,"membersCount":1,"image":…,"additionalData":[]}} */
  public static Map<String, Object> groupBrief(Group g) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", Long.toString(g.id()));
    out.put("name", g.name());
    out.put("opened", g.opened());
    out.put("membersCount", g.membersCount());
    out.put("image", g.image() == null || g.image().isBlank() ? DEFAULT_GROUP_IMAGE : g.image());
    out.put("additionalData", List.of());
    return out;
  }

  /**
   * One row of {@code user.get} / {@code user.search} / {@code user.current}; without {@code contacts} (a
   * {@code user_brief} credential) the e-mail address is left out, as a portal leaves out the contact fields.
   */
  public static Map<String, Object> user(User u, List<Long> departments, boolean extranet, ZoneId zone,
      boolean contacts) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("ID", Long.toString(u.id()));
    out.put("ACTIVE", u.active());
    out.put("NAME", u.name());
    out.put("LAST_NAME", u.lastName());
    out.put("SECOND_NAME", u.secondName());
    if (contacts) out.put("EMAIL", u.email());
    out.put("LAST_LOGIN", date(u.lastLogin(), zone));
    out.put("DATE_REGISTER", date(u.dateRegister(), zone));
    out.put("TIME_ZONE", u.timeZone() == null ? "" : u.timeZone());
    out.put("IS_ONLINE", "N");
    out.put("PERSONAL_GENDER", u.personalGender());
    if (u.personalPhoto() != null && !u.personalPhoto().isBlank()) out.put("PERSONAL_PHOTO", u.personalPhoto());
    out.put("PERSONAL_BIRTHDAY", "");
    out.put("WORK_POSITION", u.workPosition());
    out.put("UF_EMPLOYMENT_DATE", "");
    out.put("UF_DEPARTMENT", departments.stream().map(Long::intValue).toList());
    out.put("USER_TYPE", extranet ? "extranet" : "employee");
    return out;
  }

  /** One row of {@code department.get}: ids as strings, SORT a number; PARENT and UF_HEAD only when set. */
  public static Map<String, Object> department(Departments.Department d) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("ID", Long.toString(d.id()));
    out.put("NAME", d.name());
    out.put("SORT", d.sort());
    if (d.parentId() != null) out.put("PARENT", Long.toString(d.parentId()));
    if (d.headId() != null) out.put("UF_HEAD", Long.toString(d.headId()));
    return out;
  }

  /** One row of {@code sonet_group.get}. */
  public static Map<String, Object> workgroup(Workgroups.Workgroup g, ZoneId zone) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("ID", Long.toString(g.id()));
    out.put("SITE_ID", "s1");
    out.put("NAME", g.name());
    out.put("DESCRIPTION", g.description());
    out.put("DATE_CREATE", date(g.created(), zone));
    out.put("DATE_UPDATE", date(g.updated(), zone));
    out.put("ACTIVE", "Y");
    out.put("VISIBLE", Wire.yn(g.visible()));
    out.put("OPENED", Wire.yn(g.opened()));
    out.put("CLOSED", Wire.yn(g.closed()));
    out.put("SUBJECT_ID", "1");
    out.put("OWNER_ID", Long.toString(g.ownerId()));
    out.put("KEYWORDS", g.keywords());
    out.put("NUMBER_OF_MEMBERS", Integer.toString(g.membersCount()));
    out.put("DATE_ACTIVITY", date(g.activity(), zone));
    out.put("SUBJECT_NAME", "Workgroups");
    out.put("PROJECT", Wire.yn(g.project()));
    if (g.image() != null && !g.image().isBlank()) out.put("IMAGE", g.image());
    out.put("IS_EXTRANET", "N");
    return out;
  }

  static String date(Instant t, ZoneId zone) {
    return t == null ? "" : OffsetDateTime.ofInstant(t, zone).format(Wire.DATE);
  }

}
