package dev.b24tasks.directory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.rest.Call;
import dev.b24tasks.rest.Messages;
import dev.b24tasks.rest.MethodRegistry;
import dev.b24tasks.rest.Page;
import dev.b24tasks.rest.Params;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/** {@code department.*}: the company structure. Changes are for administrators; everyone may read it. */
public final class DepartmentMethods {
  private static final Map<String, String> SORTABLE =
      Map.of("ID", "id", "NAME", "name", "SORT", "sort", "PARENT", "parent_id", "UF_HEAD", "head_id");

  private final Directory directory;
  private final Departments departments;

  public DepartmentMethods(Directory directory, Departments departments) {
    this.directory = directory;
    this.departments = departments;
  }

  public void register(MethodRegistry r) {
    r.namedRead("department.fields", "department", this::fields);
    r.namedRead("department.get", "department", this::get);
    r.named("department.add", "department", this::add);
    r.named("department.update", "department", this::update);
    r.named("department.delete", "department", this::delete);
  }

  Object fields(Call call) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String f : List.of("ID", "NAME", "SORT", "PARENT", "UF_HEAD")) {
      out.put(f, Messages.text(DirectoryErrors.BUNDLE, "DEPARTMENT_FIELD_" + f, call.language()));
    }
    return out;
  }

  Object get(Call call) {
    Params p = call.params();
    JsonNode filterNode = p.first("FILTER", "filter");
    Map<String, JsonNode> filter = new LinkedHashMap<>();
    if (filterNode != null && filterNode.isObject()) filterNode.properties().forEach(e -> filter.put(e.getKey(), e.getValue()));
    for (String key : SORTABLE.keySet()) if (p.has(key)) filter.put(key, p.get(key));
    StringBuilder where = new StringBuilder("true");
    List<Object> args = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : filter.entrySet()) {
      String key = e.getKey().toUpperCase(Locale.ROOT);
      String column = SORTABLE.get(key);
      if (column == null) continue; // Bitrix ignores keys it does not filter by
      List<JsonNode> values = Params.values(e.getValue());
      if (values.isEmpty()) continue;
      List<Object> typed = new ArrayList<>();
      for (JsonNode v : values) {
        if (key.equals("NAME")) typed.add(v.asText());
        else typed.add(Input.integer(v, key, (f, s) -> DirectoryErrors.core("NOT_A_NUMBER", f, s)).orElse(0));
      }
      if (key.equals("NAME")) {
        where.append(" AND name = ANY(?)");
        args.add(typed.stream().map(String::valueOf).toArray(String[]::new));
      } else {
        where.append(" AND coalesce(").append(column).append(", 0) = ANY(?)");
        args.add(typed.stream().mapToLong(o -> (Long) o).toArray());
      }
    }
    String sortKey = Input.text(p.first("sort", "SORT"));
    String column = sortKey == null ? null : SORTABLE.get(sortKey.toUpperCase(Locale.ROOT));
    String dir = "DESC".equalsIgnoreCase(Input.text(p.first("order", "ORDER"))) ? " DESC" : " ASC";
    String orderBy = column == null ? "sort ASC, id ASC" : column + dir + " NULLS FIRST, id" + dir;
    long start = Math.max(0, Params.phpInt(p.first("start", "START")));
    List<Departments.Department> rows = departments.list(where.toString(), args, orderBy, start, Page.SIZE);
    long total = departments.count(where.toString(), args);
    List<Object> out = new ArrayList<>();
    for (Departments.Department d : rows) out.add(DirectoryViews.department(d));
    return Page.of(out, start, rows.size(), total);
  }

  Object add(Call call) {
    requireAdmin(call);
    Params p = call.params();
    Departments.Change c = change(p);
    return departments.add(c);
  }

  Object update(Call call) {
    requireAdmin(call);
    Params p = call.params();
    OptionalLong id = Input.integer(p.get("ID"), "ID", (f, s) -> DirectoryErrors.core("NOT_A_NUMBER", f, s));
    if (id.isEmpty()) throw DirectoryErrors.core("DEPARTMENT_NOT_FOUND");
    departments.update(id.getAsLong(), change(p), p.has("PARENT"));
    return true;
  }

  Object delete(Call call) {
    requireAdmin(call);
    OptionalLong id =
        Input.integer(call.params().get("ID"), "ID", (f, s) -> DirectoryErrors.core("NOT_A_NUMBER", f, s));
    if (id.isEmpty()) throw DirectoryErrors.core("DEPARTMENT_NOT_FOUND");
    departments.delete(id.getAsLong());
    return true;
  }

  private static Departments.Change change(Params p) {
    JsonNode name = p.get("NAME");
    if (name != null && name.isContainerNode()) throw DirectoryErrors.core("DEPARTMENT_NAME_MISSING");
    OptionalLong sort = number(p, "SORT");
    OptionalLong parent = number(p, "PARENT");
    OptionalLong head = number(p, "UF_HEAD");
    boolean clearHead = p.has("UF_HEAD") && (head.isEmpty() || head.getAsLong() == 0);
    return new Departments.Change(Input.text(name), sort.isPresent() ? (int) sort.getAsLong() : null,
        parent.isPresent() && parent.getAsLong() > 0 ? parent.getAsLong() : null,
        head.isPresent() && head.getAsLong() > 0 ? head.getAsLong() : null, clearHead);
  }

  private static OptionalLong number(Params p, String field) {
    OptionalLong n = Input.integer(p.get(field), field, (f, s) -> DirectoryErrors.core("NOT_A_NUMBER", f, s));
    if (n.isPresent() && (n.getAsLong() < 0 || n.getAsLong() > Integer.MAX_VALUE && field.equals("SORT"))) {
      throw DirectoryErrors.core("NOT_A_NUMBER", field, n.getAsLong());
    }
    return n;
  }

  private void requireAdmin(Call call) {
    if (!directory.isAdmin(call.userId())) throw DirectoryErrors.core("DEPARTMENT_ACCESS_DENIED");
  }
}
