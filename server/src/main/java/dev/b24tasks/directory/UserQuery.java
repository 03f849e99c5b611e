package dev.b24tasks.directory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.auth.Scopes;
import dev.b24tasks.rest.FilterKey;
import dev.b24tasks.rest.Call;
import dev.b24tasks.rest.MethodRegistry;
import dev.b24tasks.rest.Page;
import dev.b24tasks.rest.Params;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code user.get} and {@code user.search}: users by filter, 50 a page, sorted by one field. The filter is the
 * {@code FILTER}/{@code filter} object, or else the call's own parameters; keys are case-insensitive.
 */
public final class UserQuery {
  private static final Map<String, FilterSql.Column> COLUMNS = new LinkedHashMap<>();

  static {
    COLUMNS.put("ID", new FilterSql.Column("u.id", FilterSql.Type.ID));
    COLUMNS.put("ACTIVE", new FilterSql.Column("u.active", FilterSql.Type.BOOL));
    COLUMNS.put("NAME", new FilterSql.Column("u.name", FilterSql.Type.TEXT));
    COLUMNS.put("LAST_NAME", new FilterSql.Column("u.last_name", FilterSql.Type.TEXT));
    COLUMNS.put("SECOND_NAME", new FilterSql.Column("u.second_name", FilterSql.Type.TEXT));
    COLUMNS.put("EMAIL", new FilterSql.Column("u.email", FilterSql.Type.TEXT));
    COLUMNS.put("LOGIN", new FilterSql.Column("u.login", FilterSql.Type.TEXT));
    COLUMNS.put("WORK_POSITION", new FilterSql.Column("u.work_position", FilterSql.Type.TEXT));
    COLUMNS.put("PERSONAL_GENDER", new FilterSql.Column("u.personal_gender", FilterSql.Type.TEXT));
    COLUMNS.put("TIME_ZONE", new FilterSql.Column("coalesce(u.time_zone, '')", FilterSql.Type.TEXT));
    COLUMNS.put("DATE_REGISTER", new FilterSql.Column("u.date_register", FilterSql.Type.DATE));
    COLUMNS.put("LAST_LOGIN", new FilterSql.Column("u.last_login", FilterSql.Type.DATE));
  }

  /** Parameters of the call that are not filter fields when there is no FILTER object. */
  private static final Set<String> RESERVED =
      Set.of("SORT", "ORDER", "START", "ADMIN_MODE", "FILTER", "SELECT", "IMAGE_RESIZE", "AUTH");

  private final Directory directory;
  private final Users users;

  public UserQuery(Directory directory, Users users) {
    this.directory = directory;
    this.users = users;
  }

  public void register(MethodRegistry r) {
    r.namedRead("user.get", Scopes.USER_BRIEF, this::get);
    r.namedRead("user.search", Scopes.USER_BRIEF, this::search);
  }

  Object get(Call call) {
    return page(call, false);
  }

  /** Like user.get, plus FIND (words in any name field) and UF_DEPARTMENT_NAME. */
  Object search(Call call) {
    return page(call, true);
  }

  private Page page(Call call, boolean search) {
    Params p = call.params();
    ZoneId zone = directory.zoneOf(call.userId());
    FilterSql f = new FilterSql(COLUMNS, zone);
    // a user_brief credential neither sees nor finds by contacts: its EMAIL filter and sort are dropped
    boolean contacts = call.caller().hasScope(Scopes.USER_BASIC);
    for (Map.Entry<String, JsonNode> e : filter(p).entrySet()) {
      addEntry(f, e.getKey(), e.getValue(), search, contacts);
    }
    String sortKey = Input.text(p.first("sort", "SORT", "by", "BY"));
    FilterSql.Column sort = sortKey == null || !contacts && sortKey.equalsIgnoreCase("EMAIL") ? null
        : COLUMNS.get(sortKey.toUpperCase(Locale.ROOT));
    String dir = "DESC".equalsIgnoreCase(Input.text(p.first("order", "ORDER"))) ? " DESC" : " ASC";
    String orderBy = sort == null ? "u.id" + dir : sort.sql() + dir + " NULLS LAST, u.id" + dir;
    long start = Math.max(0, Params.phpInt(p.first("start", "START")));
    List<Users.Listed> rows = users.list(f.where(), f.args(), orderBy, start, Page.SIZE);
    List<Object> out = new ArrayList<>();
    for (Users.Listed l : rows) {
      out.add(DirectoryViews.user(l.user(), l.departments(), l.extranet(), zone, contacts));
    }
    return Page.of(out, start, rows.size(), users.count(f.where(), f.args()));
  }

  private static Map<String, JsonNode> filter(Params p) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    JsonNode filter = p.first("FILTER", "filter");
    if (filter != null && filter.isObject()) {
      filter.properties().forEach(e -> out.put(e.getKey(), e.getValue()));
      return out;
    }
    p.root().properties().forEach(e -> {
      if (!RESERVED.contains(e.getKey().toUpperCase(Locale.ROOT))) out.put(e.getKey(), e.getValue());
    });
    return out;
  }

  private static void addEntry(FilterSql f, String key, JsonNode value, boolean search, boolean contacts) {
    FilterKey parsed = FilterKey.parse(key);
    String op = parsed.prefix();
    String field = parsed.field().toUpperCase(Locale.ROOT);
    if (!contacts && field.equals("EMAIL")) return;
    boolean negate = op.startsWith("!");
    switch (field) {
      case "UF_DEPARTMENT" -> {
        List<Long> ids = Input.ids(value);
        if (ids == null) throw DirectoryErrors.argument("BAD_FILTER_VALUE", Params.display(value), field);
        if (ids.isEmpty()) return;
        f.raw((negate ? "NOT " : "") + "EXISTS (SELECT 1 FROM user_departments ud WHERE ud.user_id = u.id "
            + "AND ud.department_id = ANY(?))", ids.stream().mapToLong(Long::longValue).toArray());
      }
      case "NAME_SEARCH", "FIND" -> {
        if (field.equals("FIND") && !search) return;
        for (String word : Input.text(value) == null ? new String[0] : Input.text(value).trim().split("\\s+")) {
          if (word.isEmpty()) continue;
          // the login is often the e-mail address: neither is searched for a user_brief credential
          f.raw("concat_ws(' ', u.name, u.last_name, u.second_name, " + (contacts ? "u.email, u.login, " : "")
              + "u.work_position) ILIKE ?", contains(word));
        }
      }
      case "UF_DEPARTMENT_NAME" -> {
        if (!search) return;
        f.raw("EXISTS (SELECT 1 FROM user_departments ud JOIN departments d ON d.id = ud.department_id "
            + "WHERE ud.user_id = u.id AND d.name ILIKE ?)", contains(String.valueOf(Input.text(value))));
      }
      case "USER_TYPE" -> {
        String type = String.valueOf(Input.text(value)).toLowerCase(Locale.ROOT);
        switch (type) {
          case "employee" -> f.raw(negate ? "u.is_extranet" : "NOT u.is_extranet");
          case "extranet" -> f.raw(negate ? "NOT u.is_extranet" : "u.is_extranet");
          default -> f.raw(negate ? "true" : "false"); // there are no e-mail users here
        }
      }
      case "IS_ONLINE" -> {
        // nobody is "online" on this server: nobody has a live web session
        var online = Input.flag(value);
        if (online != null && online.orElse(false) != negate) f.raw("false");
      }
      default -> f.add(key, value);
    }
  }

  /** An ILIKE pattern matching values that contain {@code text} literally (its % and _ are not wildcards). */
  private static String contains(String text) {
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }
}
