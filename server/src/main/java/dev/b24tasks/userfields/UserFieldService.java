package dev.b24tasks.userfields;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.directory.Directory;
import dev.b24tasks.rest.Params;
import dev.b24tasks.rest.RestException;
import dev.b24tasks.store.Database;
import dev.b24tasks.tasks.TaskUserFields;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The custom fields of tasks as the rest module's user-field proxy keeps them for ENTITY_ID {@code TASKS_TASK}: a
 * portal administrator adds, changes and removes them (anyone may read them); FIELD_NAME is upper-cased and gets
 * {@code UF_} when it lacks it, is 4 to 50 Latin letters, digits and underscores, and is taken once; labels are
 * filled for every language of the portal; the type's settings are completed as the portal completes them. The
 * same service keeps the fields' values on tasks, for the tasks feature ({@link TaskUserFields}).
 */
public final class UserFieldService implements TaskUserFields {
  private final Database db;
  private final Directory directory;
  private final String language;
  private final UserFieldStore store = new UserFieldStore();

  public UserFieldService(Database db, Directory directory, String language) {
    this.db = db;
    this.directory = directory;
    this.language = language == null ? "en" : language.toLowerCase(Locale.ROOT);
  }

  // ---- definitions ---------------------------------------------------------------------------------------

  /** task.item.userfield.add: the new field's id. */
  public long add(long userId, JsonNode params, ZoneId zone) {
    if (!directory.isAdmin(userId)) throw UserFieldErrors.accessDenied();
    JsonNode p = params != null && params.isObject() ? params : Params.empty().root();
    String type = text(p.get("USER_TYPE_ID")).trim();
    String name = text(p.get("FIELD_NAME")).trim().toUpperCase(Locale.ROOT);
    List<String> missing = new ArrayList<>();
    if (type.isEmpty()) missing.add("The 'USER_TYPE_ID' field is not found.");
    if (name.isEmpty()) missing.add("The 'FIELD_NAME' field is not found.");
    if (!missing.isEmpty()) throw RestException.literal("ERROR_CORE", 400, String.join("\n", missing));
    if (!name.startsWith("UF_")) name = "UF_" + name;
    List<String> checks = new ArrayList<>();
    if (name.length() < 4) checks.add("FIELD_NAME_TOO_SHORT");
    if (name.length() > 50) checks.add("FIELD_NAME_TOO_LONG");
    if (!name.matches("[0-9A-Z_]+")) checks.add("FIELD_NAME_INVALID");
    if (!UserFieldTypes.STORED.contains(type)) checks.add("USER_TYPE_ID_INVALID");
    if (!checks.isEmpty()) throw UserFieldErrors.checks(language, checks);
    String fieldName = name;
    String label = text(p.get("LABEL")).trim();
    boolean multiple = !type.equals("boolean") && yes(p.get("MULTIPLE"));
    Map<String, Map<String, String>> labels = new LinkedHashMap<>();
    for (String set : UserField.LABEL_SETS) labels.put(set, labels(p.get(set), label.isEmpty() ? fieldName : label));
    int sort = (int) Params.phpInt(p.get("SORT"));
    UserField fresh = new UserField(0, fieldName, type, p.has("XML_ID") && !p.get("XML_ID").isNull()
        ? text(p.get("XML_ID")) : null, sort <= 0 ? 100 : sort, multiple, yes(p.get("MANDATORY")),
        yes(p.get("SHOW_FILTER")) ? "E" : "N", !no(p.get("SHOW_IN_LIST")), !no(p.get("EDIT_IN_LIST")),
        yes(p.get("IS_SEARCHABLE")), UserFieldTypes.settings(type, p.get("SETTINGS"), Map.of(), true, zone), labels);
    return db.tx(tx -> {
      store.lock(tx);
      boolean taken = UserField.BUILT_IN.stream().anyMatch(b -> b.fieldName().equals(fieldName))
          || store.byName(tx, fieldName).isPresent();
      if (taken) throw UserFieldErrors.checks(language, List.of("ADD_ALREADY_ERROR"), fieldName, UserField.ENTITY_ID);
      return store.insert(tx, fresh);
    });
  }

  /** task.item.userfield.update: XML_ID, SORT, MANDATORY, the flags, the labels and the settings. */
  public void update(long userId, long id, JsonNode data, ZoneId zone) {
    change(userId, id, (tx, f) -> {
      Map<String, Map<String, String>> labels = new LinkedHashMap<>(f.labels());
      for (String set : UserField.LABEL_SETS) if (data.has(set)) labels.put(set, labels(data.get(set), ""));
      String xmlId = data.has("XML_ID") ? (data.get("XML_ID").isNull() ? null : text(data.get("XML_ID"))) : f.xmlId();
      int sort = data.has("SORT") ? (int) Params.phpInt(data.get("SORT")) : f.sort();
      boolean mandatory = data.has("MANDATORY") ? yes(data.get("MANDATORY")) : f.mandatory();
      String showFilter = data.has("SHOW_FILTER") ? (yes(data.get("SHOW_FILTER")) ? "E" : "N") : f.showFilter();
      boolean showInList = data.has("SHOW_IN_LIST") ? !no(data.get("SHOW_IN_LIST")) : f.showInList();
      boolean editInList = data.has("EDIT_IN_LIST") ? !no(data.get("EDIT_IN_LIST")) : f.editInList();
      boolean searchable = data.has("IS_SEARCHABLE") ? yes(data.get("IS_SEARCHABLE")) : f.searchable();
      Map<String, Object> settings = UserFieldTypes.settings(f.userTypeId(), data.get("SETTINGS"), f.settings(),
          false, zone);
      // MULTIPLE, FIELD_NAME and USER_TYPE_ID are kept: CUserTypeEntity::Update drops them
      store.update(tx, new UserField(f.id(), f.fieldName(), f.userTypeId(), xmlId, sort, f.multiple(), mandatory,
          showFilter, showInList, editInList, searchable, settings, labels));
    });
  }

  /** task.item.userfield.delete: the field and every task's value of it. */
  public void delete(long userId, long id) {
    change(userId, id, (tx, f) -> store.delete(tx, id));
  }

  @FunctionalInterface
  private interface Change {
    void apply(dev.b24tasks.store.Tx tx, UserField field) throws java.sql.SQLException;
  }

  /**
   * A change of a stored field by an administrator, under the definitions' lock: the id's errors, then the
   * permission, then "not found"; the built-in fields are not the API's to change.
   */
  private void change(long userId, long id, Change change) {
    if (id <= 0) throw UserFieldErrors.invalidId();
    if (!directory.isAdmin(userId)) throw UserFieldErrors.accessDenied();
    db.tx(tx -> {
      store.lock(tx);
      UserField f = stored(tx, id);
      if (f.builtIn()) throw UserFieldErrors.accessDenied();
      change.apply(tx, f);
      return null;
    });
  }

  /** task.item.userfield.get (anyone signed in may read the fields). */
  public UserField get(long id) {
    if (id <= 0) throw UserFieldErrors.invalidId();
    return db.read(tx -> stored(tx, id));
  }

  private UserField stored(dev.b24tasks.store.Tx tx, long id) throws java.sql.SQLException {
    Optional<UserField> b = UserField.BUILT_IN.stream().filter(f -> f.id() == id).findFirst();
    if (b.isPresent()) return b.get();
    return store.find(tx, id).orElseThrow(() -> UserFieldErrors.notFound(id));
  }

  /**
   * task.item.userfield.getlist: the built-in fields and the stored ones, filtered by exact values of ID,
   * FIELD_NAME, USER_TYPE_ID, XML_ID, MULTIPLE, MANDATORY (a list is any of them; other keys are ignored), ordered
   * by ID, FIELD_NAME, USER_TYPE_ID, SORT (asc or desc), then by id.
   */
  public List<UserField> list(JsonNode order, JsonNode filter) {
    List<UserField> all = new ArrayList<>(UserField.BUILT_IN);
    all.addAll(db.read(store::all));
    List<UserField> out = new ArrayList<>();
    for (UserField f : all) if (matches(f, filter)) out.add(f);
    Comparator<UserField> cmp = null;
    if (order != null && order.isObject()) {
      for (Map.Entry<String, JsonNode> e : order.properties()) {
        Comparator<UserField> c = switch (e.getKey().trim().toUpperCase(Locale.ROOT)) {
          case "ID" -> Comparator.comparingLong(UserField::id);
          case "FIELD_NAME" -> Comparator.comparing(UserField::fieldName);
          case "USER_TYPE_ID" -> Comparator.comparing(UserField::userTypeId);
          case "SORT" -> Comparator.comparingInt(UserField::sort);
          default -> null;
        };
        if (c == null) continue;
        if (Params.display(e.getValue()).trim().equalsIgnoreCase("desc")) c = c.reversed();
        cmp = cmp == null ? c : cmp.thenComparing(c);
      }
    }
    Comparator<UserField> byId = Comparator.comparingLong(UserField::id);
    out.sort(cmp == null ? byId : cmp.thenComparing(byId));
    return out;
  }

  private static boolean matches(UserField f, JsonNode filter) {
    if (filter == null || !filter.isObject()) return true;
    for (Map.Entry<String, JsonNode> e : filter.properties()) {
      String have = switch (e.getKey().trim().toUpperCase(Locale.ROOT)) {
        case "ID" -> Long.toString(f.id());
        case "FIELD_NAME" -> f.fieldName();
        case "USER_TYPE_ID" -> f.userTypeId();
        case "XML_ID" -> f.xmlId() == null ? "" : f.xmlId();
        case "MULTIPLE" -> f.multiple() ? "Y" : "N";
        case "MANDATORY" -> f.mandatory() ? "Y" : "N";
        case "ENTITY_ID" -> UserField.ENTITY_ID;
        default -> null;
      };
      if (have == null) continue;
      boolean any = false;
      for (JsonNode v : Params.values(e.getValue())) {
        if (!v.isContainerNode() && v.asText().trim().equalsIgnoreCase(have)) any = true;
      }
      if (!any) return false;
    }
    return true;
  }

  // ---- values on tasks (the tasks feature's port) ---------------------------------------------------------

  @Override
  public List<Changed> write(long taskId, Map<String, JsonNode> values, boolean adding, ZoneId zone) {
    if (values.isEmpty() && !adding) return List.of();
    return db.tx(tx -> {
      List<UserField> fields = store.all(tx);
      Map<UserField, List<UserFieldTypes.Value>> parsed = new LinkedHashMap<>();
      for (UserField f : fields) {
        JsonNode v = values.get(f.fieldName());
        if (v == null) {
          if (adding && f.mandatory()) throw new ValueRefused("UF_REQUIRED", f.title(language));
          continue;
        }
        List<UserFieldTypes.Value> one = new ArrayList<>();
        try {
          if (f.multiple()) {
            for (JsonNode e : Params.values(v)) {
              UserFieldTypes.Value x = UserFieldTypes.value(f, e, zone);
              if (x != null) one.add(x);
            }
          } else {
            JsonNode first = v.isArray() ? (v.isEmpty() ? null : v.get(0)) : v;
            UserFieldTypes.Value x = UserFieldTypes.value(f, first, zone);
            if (x != null) one.add(x);
          }
        } catch (UserFieldTypes.Refused e) {
          throw new ValueRefused(e.key, f.title(language));
        }
        if (f.mandatory() && one.isEmpty()) throw new ValueRefused("UF_REQUIRED", f.title(language));
        parsed.put(f, one);
      }
      Map<Long, List<String>> before = adding || parsed.isEmpty() ? Map.of() : store.taskValues(tx, taskId);
      List<Changed> changed = new ArrayList<>();
      for (Map.Entry<UserField, List<UserFieldTypes.Value>> e : parsed.entrySet()) {
        List<String> old = before.getOrDefault(e.getKey().id(), List.of());
        List<String> now = e.getValue().stream().map(UserFieldTypes.Value::text).toList();
        if (!adding && old.equals(now)) continue; // nothing to write, nothing to tell
        store.replace(tx, taskId, e.getKey().id(), e.getValue());
        if (!adding) changed.add(new Changed(e.getKey().fieldName(), old, now));
      }
      return changed;
    });
  }

  @Override
  public Map<Long, Map<String, Object>> values(Collection<Long> taskIds, Set<String> names, ZoneId zone) {
    if (taskIds.isEmpty()) return Map.of();
    List<UserFieldStore.Joined> rows = db.read(tx -> store.fieldsWithValues(tx, taskIds));
    // the fields in order, each task's values of each field in order
    Map<Long, UserField> fields = new LinkedHashMap<>();
    Map<Long, Map<Long, List<String>>> byTask = new HashMap<>();
    for (UserFieldStore.Joined j : rows) {
      if (names != null && !names.contains(j.field().fieldName())) continue;
      fields.putIfAbsent(j.field().id(), j.field());
      if (j.taskId() != null) {
        byTask.computeIfAbsent(j.taskId(), k -> new HashMap<>())
            .computeIfAbsent(j.field().id(), k -> new ArrayList<>())
            .add(UserFieldTypes.shown(j.field().userTypeId(), j.value(), zone));
      }
    }
    Map<Long, Map<String, Object>> out = new LinkedHashMap<>();
    for (Long task : new LinkedHashSet<>(taskIds)) {
      Map<String, Object> m = new LinkedHashMap<>();
      Map<Long, List<String>> have = byTask.getOrDefault(task, Map.of());
      for (UserField f : fields.values()) {
        List<String> v = have.get(f.id());
        if (f.multiple()) m.put(f.fieldName(), v == null || v.isEmpty() ? Boolean.FALSE : v);
        else m.put(f.fieldName(), v == null || v.isEmpty() ? null : v.get(0));
      }
      out.put(task, m);
    }
    return out;
  }

  @Override
  public List<Described> describe(String lang) {
    List<Described> out = new ArrayList<>();
    for (UserField f : db.read(store::all)) {
      out.add(new Described(f.fieldName(), f.label("EDIT_FORM_LABEL", lang), f.userTypeId()));
    }
    return out;
  }

  @Override
  public Condition condition(String field, String operator, List<JsonNode> values, ZoneId zone) {
    Optional<UserField> found = db.read(tx -> store.byName(tx, field));
    if (found.isEmpty()) return null;
    UserField f = found.get();
    boolean not = operator.startsWith("!");
    String op = operator.replace("!", "");
    String column = switch (f.userTypeId()) {
      case "integer", "double", "boolean" -> "uv.num";
      case "datetime", "date" -> "uv.at";
      default -> "uv.value";
    };
    List<Object> args = new ArrayList<>();
    args.add(f.id());
    String base = "EXISTS (SELECT 1 FROM task_user_field_values uv WHERE uv.task_id = t.id AND uv.field_id = ?";
    boolean noValue = values.isEmpty() || values.stream().allMatch(UserFieldTypes::empty);
    if (noValue) return new Condition((not ? "" : "NOT ") + base + ")", args);
    List<Object> typed = new ArrayList<>();
    for (JsonNode v : values) {
      try {
        UserFieldTypes.Value x = UserFieldTypes.value(f, v, zone);
        if (x == null) continue;
        if (op.equals("%")) {
          typed.add("%" + x.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        } else {
          typed.add(column.equals("uv.num") ? x.num() : column.equals("uv.at") ? x.at() : x.text());
        }
      } catch (UserFieldTypes.Refused e) {
        // a value of the wrong type matches nothing
      }
    }
    if (typed.isEmpty()) return new Condition(not ? "true" : "false", List.of());
    String cmp;
    switch (op) {
      case "<", ">", "<=", ">=" -> {
        cmp = " AND " + column + " " + op + " ?";
        args.add(typed.get(0));
      }
      case "%" -> {
        cmp = " AND uv.value ILIKE ?";
        args.add(typed.get(0));
      }
      default -> {
        cmp = " AND " + column + " IN (" + String.join(", ", java.util.Collections.nCopies(typed.size(), "?")) + ")";
        args.addAll(typed);
      }
    }
    return new Condition((not ? "NOT " : "") + base + cmp + ")", args);
  }

  // ---- helpers ---------------------------------------------------------------------------------------------

  /**
   * A label set for every portal language: a text sets them all; a map sets the languages it names, the others
   * get {@code fallback} (add: LABEL or the field's name; update: nothing).
   */
  private static Map<String, String> labels(JsonNode given, String fallback) {
    Map<String, String> out = new LinkedHashMap<>();
    String all = given != null && given.isValueNode() && !given.isNull() && !given.asText().isEmpty()
        ? given.asText() : null;
    for (String lang : UserFieldTypes.LANGUAGES) {
      JsonNode v = given != null && given.isObject() ? given.get(lang) : null;
      String text = v != null && v.isValueNode() && !v.isNull() && !v.asText().isEmpty() ? v.asText() : null;
      out.put(lang, text != null ? text : all != null ? all : fallback);
    }
    return out;
  }

  private static String text(JsonNode v) {
    return v == null || v.isNull() || v.isContainerNode() ? "" : v.asText();
  }

  private static boolean yes(JsonNode v) {
    return text(v).trim().equalsIgnoreCase("Y");
  }

  private static boolean no(JsonNode v) {
    return text(v).trim().equalsIgnoreCase("N");
  }
}
