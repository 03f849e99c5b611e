package dev.b24tasks.files;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.rest.FilterKey;
import dev.b24tasks.rest.Params;
import dev.b24tasks.rest.RestException;
import dev.b24tasks.rest.Wire;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code filter} and {@code order} of {@code disk.folder.getchildren} / {@code disk.storage.getchildren} as
 * SQL over {@code disk_objects}: keys are the object's fields ({@code disk.folder.getfields}), the prefix of a
 * filter key its operation ({@code > >= < <= @ !@ % =% %= = != !}). Only fields of the allow-list reach SQL, by
 * their column; a field that is not there is ignored, as the disk module drops fields it cannot filter by.
 */
final class ChildQuery {
  private enum Kind { NUMBER, TEXT, DATE }

  private record Field(String column, Kind kind, boolean filter) {
    Field(String column, Kind kind) {
      this(column, kind, true);
    }
  }

  private static final Map<String, Field> OBJECTS = Map.ofEntries(
      Map.entry("ID", new Field("id", Kind.NUMBER)),
      Map.entry("NAME", new Field("name", Kind.TEXT)),
      Map.entry("TYPE", new Field("kind", Kind.TEXT)),
      Map.entry("CODE", new Field("code", Kind.TEXT)),
      Map.entry("STORAGE_ID", new Field("storage_id", Kind.NUMBER)),
      Map.entry("PARENT_ID", new Field("parent_id", Kind.NUMBER)),
      Map.entry("CREATE_TIME", new Field("created_at", Kind.DATE)),
      Map.entry("UPDATE_TIME", new Field("updated_at", Kind.DATE)),
      Map.entry("DELETE_TIME", new Field("deleted_at", Kind.DATE)),
      Map.entry("CREATED_BY", new Field("created_by", Kind.NUMBER, false)),
      Map.entry("UPDATED_BY", new Field("updated_by", Kind.NUMBER, false)),
      Map.entry("DELETED_BY", new Field("deleted_by", Kind.NUMBER, false)),
      Map.entry("DELETED_TYPE", new Field("deleted_type", Kind.NUMBER)),
      Map.entry("SIZE", new Field("size", Kind.NUMBER, false)),
      Map.entry("GLOBAL_CONTENT_VERSION", new Field("version", Kind.NUMBER, false)),
      Map.entry("FILE_ID", new Field("content_id", Kind.NUMBER, false)));

  /** The fields of a version ({@code disk.file.getVersions}). */
  private static final Map<String, Field> VERSIONS = Map.ofEntries(
      Map.entry("ID", new Field("id", Kind.NUMBER)),
      Map.entry("OBJECT_ID", new Field("object_id", Kind.NUMBER)),
      Map.entry("NAME", new Field("name", Kind.TEXT)),
      Map.entry("SIZE", new Field("size", Kind.NUMBER)),
      Map.entry("GLOBAL_CONTENT_VERSION", new Field("version", Kind.NUMBER)),
      Map.entry("CREATE_TIME", new Field("created_at", Kind.DATE)),
      Map.entry("CREATED_BY", new Field("created_by", Kind.NUMBER)));

  private final Map<String, Field> fields;
  private final String defaultOrder;

  final StringBuilder where = new StringBuilder();
  final List<Object> args = new ArrayList<>();
  private final StringBuilder order = new StringBuilder();

  /** A getchildren's {@code filter} and {@code order} (objects; anything else is no filter, no order). */
  static ChildQuery children(JsonNode filter, JsonNode orderBy, ZoneId zone) {
    return new ChildQuery(OBJECTS, "kind DESC, lower(name), id", filter, orderBy, zone);
  }

  /** getVersions' {@code filter}; newest first. */
  static ChildQuery versions(JsonNode filter, ZoneId zone) {
    return new ChildQuery(VERSIONS, "id DESC", filter, null, zone);
  }

  private ChildQuery(Map<String, Field> fields, String defaultOrder, JsonNode filter, JsonNode orderBy,
      ZoneId zone) {
    this.fields = fields;
    this.defaultOrder = defaultOrder;
    if (filter != null && filter.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = filter.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        condition(e.getKey(), e.getValue(), zone);
      }
    }
    if (orderBy != null && orderBy.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = orderBy.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        Field f = fields.get(e.getKey().toUpperCase(Locale.ROOT));
        if (f == null) continue;
        boolean desc = e.getValue().asText().trim().equalsIgnoreCase("desc");
        String col = f.kind() == Kind.TEXT ? "lower(" + f.column() + ")" : f.column();
        order.append(col).append(desc ? " DESC" : " ASC").append(", ");
      }
    }
  }

  /** The ORDER BY list: the asked order (the id last, so pages are stable), else the default. */
  String orderBy() {
    return order.length() == 0 ? defaultOrder : order + "id";
  }

  private void condition(String key, JsonNode value, ZoneId zone) {
    FilterKey k = FilterKey.parse(key);
    Field f = fields.get(k.field().toUpperCase(Locale.ROOT));
    if (f == null || !f.filter()) return;
    List<JsonNode> values = Params.values(value);
    if (values.isEmpty()) return;
    String col = f.kind() == Kind.TEXT ? "lower(" + f.column() + ")" : f.column();
    where.append(k.not() ? " AND NOT coalesce(" : " AND (");
    switch (k.operation()) {
      case ">", ">=", "<", "<=" -> {
        where.append(col).append(' ').append(k.operation()).append(" ?");
        args.add(value(f, key, values.get(0), zone));
      }
      case "%", "=%", "%=" -> {
        where.append("false");
        for (JsonNode v : values) {
          String text = v.asText().toLowerCase(Locale.ROOT);
          String pattern = k.operation().equals("%") ? "%" + text.replace("\\", "\\\\").replace("%", "\\%")
              .replace("_", "\\_") + "%" : text;
          where.append(" OR ").append("lower(").append(f.column()).append("::text) LIKE ?");
          args.add(pattern);
        }
      }
      default -> { // "", "=", "@": equal to one of the values
        List<Object> list = new ArrayList<>();
        for (JsonNode v : values) {
          Object x = value(f, key, v, zone);
          list.add(x instanceof java.time.Instant i ? i.toString() : x);
        }
        where.append(col).append(f.kind() == Kind.DATE ? " = ANY (CAST(? AS timestamptz[]))" : " = ANY (?)");
        args.add(list);
      }
    }
    where.append(k.not() ? ", false)" : ")");
  }

  private static Object value(Field f, String key, JsonNode v, ZoneId zone) {
    String text = v.isNull() ? "" : v.asText().trim();
    return switch (f.kind()) {
      case TEXT -> text.toLowerCase(Locale.ROOT);
      case NUMBER -> {
        if (!text.matches("-?\\d{1,18}")) throw bad(key, text);
        yield Long.parseLong(text);
      }
      case DATE -> Wire.parseDate(text, zone).orElseThrow(() -> bad(key, text));
    };
  }

  private static RestException bad(String key, String text) {
    return RestException.literal("ERROR_ARGUMENT", 400, "Invalid value `" + text + "` in filter `" + key + "`");
  }
}
