package dev.b24tasks.elapsed;

import static dev.b24tasks.binding.Manifest.optional;
import static dev.b24tasks.binding.Manifest.required;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.b24tasks.directory.Directory;
import dev.b24tasks.binding.ArgType;
import dev.b24tasks.binding.Args;
import dev.b24tasks.binding.LegacyErrors;
import dev.b24tasks.binding.Manifest;
import dev.b24tasks.binding.ManifestDoc;
import dev.b24tasks.binding.PositionalBinder;
import dev.b24tasks.binding.PositionalFamily;
import dev.b24tasks.binding.RowFilter;
import dev.b24tasks.rest.Call;
import dev.b24tasks.rest.Json;
import dev.b24tasks.rest.MethodRegistry;
import dev.b24tasks.rest.Page;
import dev.b24tasks.rest.Params;
import dev.b24tasks.rest.Wire;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** {@code task.elapseditem.*}: positional, scope {@code task}. */
public final class ElapsedMethods {
  private static final String CLS = "ctaskelapseditem";
  static final Manifest ADD = Manifest.of(CLS, "add", required("taskId", ArgType.INTEGER),
      required("arFields", ArgType.ARRAY));
  static final Manifest UPDATE = Manifest.ofItem(CLS, "update", required("arFields", ArgType.ARRAY));
  static final Manifest DELETE = Manifest.ofItem(CLS, "delete");
  static final Manifest GET = Manifest.ofItem(CLS, "get");
  static final Manifest GETLIST = Manifest.of(CLS, "getlist", optional("taskId", ArgType.INTEGER, IntNode.valueOf(0)),
      optional("arOrder", ArgType.ARRAY), optional("arFilter", ArgType.ARRAY), optional("arSelect", ArgType.ARRAY),
      optional("arParams", ArgType.ARRAY));
  static final Manifest ALLOWED = Manifest.ofItem(CLS, "isactionallowed", required("actionId", ArgType.INTEGER));

  static final List<String> WRITABLE = List.of("USER_ID", "COMMENT_TEXT", "SECONDS", "SOURCE", "CREATED_DATE",
      "DATE_START", "DATE_STOP");
  static final List<String> READABLE = List.of("ID", "TASK_ID", "USER_ID", "COMMENT_TEXT", "SECONDS", "MINUTES",
      "SOURCE", "CREATED_DATE", "DATE_START", "DATE_STOP");
  static final List<String> SORTABLE = List.of("ID", "TASK_ID", "USER_ID", "SECONDS", "MINUTES", "CREATED_DATE",
      "DATE_START", "DATE_STOP");
  static final List<String> FILTERABLE = List.of("ID", "TASK_ID", "USER_ID", "CREATED_DATE");

  private final ElapsedService service;
  private final Directory directory;

  public ElapsedMethods(ElapsedService service, Directory directory) {
    this.service = service;
    this.directory = directory;
  }

  public void register(MethodRegistry r) {
    new PositionalFamily(r, "task.elapseditem", "task")
        .write(ADD, this::add)
        .write(UPDATE, (c, a) -> {
          service.update(c.userId(), a.id(0), a.id(1), changes(UPDATE, 2, a.map(2), directory.zoneOf(c.userId())));
          return null;
        })
        .writeItem(DELETE, service::delete, null)
        .read(GET, (c, a) -> view(service.get(c.userId(), a.id(0), a.id(1)), directory.zoneOf(c.userId()), READABLE))
        .readUnbound(GETLIST, this::getList)
        .actionAllowed(ALLOWED, service::isAllowed)
        .manifest(ElapsedMethods::manifest);
  }

  private Object add(Call call, Args a) {
    long taskId = a.id(0);
    ElapsedService.Changes c = changes(ADD, 1, a.map(1), directory.zoneOf(call.userId()));
    if (c.seconds() == null) {
      throw LegacyErrors.wrongArguments("Param #1 (arFields) for method " + ADD.qualifiedName()
          + " must contain key \"SECONDS\".");
    }
    return service.add(call.userId(), taskId, c);
  }

  private Object getList(Call call) {
    List<JsonNode> values = new ArrayList<>(call.args());
    // The task id may be left out: a list whose first value is an array lists the records of every task.
    if (!values.isEmpty() && Params.isArrayLike(values.get(0))) values.add(0, IntNode.valueOf(0));
    Args a = PositionalBinder.bind(GETLIST, values);
    long taskId = a.integer(0);
    if (taskId < 0) throw LegacyErrors.assertion();
    ZoneId zone = directory.zoneOf(call.userId());
    Comparator<ElapsedItem> order = order(a.map(1));
    RowFilter filter = RowFilter.parse(GETLIST, 2, a.map(2), FILTERABLE, zone);
    List<String> select = select(a.list(3));
    long[] nav = nav(a.map(4));
    List<ElapsedItem> rows = new ArrayList<>();
    for (ElapsedItem i : service.list(call.userId(), taskId)) {
      if (filter.matches(field -> switch (field) {
        case "ID" -> i.id();
        case "TASK_ID" -> i.taskId();
        case "USER_ID" -> i.userId();
        default -> i.createdDate();
      })) {
        rows.add(i);
      }
    }
    rows.sort(order);
    long size = nav[0];
    long start = (nav[1] - 1) * size;
    List<ObjectNode> page = rows.stream().skip(start).limit(size).map(i -> view(i, zone, select)).toList();
    return Page.of(page, start, page.size(), rows.size());
  }

  static ManifestDoc manifest() {
    return new ManifestDoc("1.2", "elapseditem").fields("writable", WRITABLE).fields("readable", READABLE)
        .fields("sortable", SORTABLE).fields("filterable", FILTERABLE)
        .dateFields(List.of("CREATED_DATE", "DATE_START", "DATE_STOP"));
  }

  static ElapsedService.Changes changes(Manifest m, int index, ObjectNode f, ZoneId zone) {
    PositionalFamily.onlyKeys(m, index, f, WRITABLE);
    Long seconds = null;
    if (f.has("SECONDS")) {
      var s = Params.asLong(f.get("SECONDS"));
      if (s.isEmpty() || s.getAsLong() < 0) throw PositionalBinder.forbiddenValue(m, index, f.get("SECONDS").asText());
      seconds = s.getAsLong();
    }
    return new ElapsedService.Changes(f.has("USER_ID") ? Params.phpInt(f.get("USER_ID")) : null,
        f.has("COMMENT_TEXT") ? f.get("COMMENT_TEXT").asText() : null, seconds,
        f.has("SOURCE") ? (int) Params.phpInt(f.get("SOURCE")) : null, date(f, "CREATED_DATE", zone),
        date(f, "DATE_START", zone), date(f, "DATE_STOP", zone));
  }

  private static Instant date(ObjectNode f, String key, ZoneId zone) {
    return f.has(key) ? Wire.parseDate(f.get(key).asText(), zone).orElse(null) : null;
  }

  private static Comparator<ElapsedItem> order(ObjectNode order) {
    Comparator<ElapsedItem> cmp = PositionalFamily.order(GETLIST, 1, order, SORTABLE, field -> switch (field) {
      case "ID" -> ElapsedItem::id;
      case "TASK_ID" -> ElapsedItem::taskId;
      case "USER_ID" -> ElapsedItem::userId;
      case "SECONDS", "MINUTES" -> ElapsedItem::seconds;
      case "CREATED_DATE" -> ElapsedItem::createdDate;
      case "DATE_START" -> i -> i.dateStart() == null ? Instant.EPOCH : i.dateStart();
      default -> i -> i.dateStop() == null ? Instant.EPOCH : i.dateStop();
    });
    Comparator<ElapsedItem> byId = Comparator.comparingLong(ElapsedItem::id);
    return cmp == null ? byId : cmp.thenComparing(byId);
  }

  /** SELECT: readable fields ("*" or nothing: all); aggregate columns are not offered here. */
  private static List<String> select(List<JsonNode> select) {
    List<String> out = new ArrayList<>();
    for (JsonNode s : select) {
      String f = s.asText();
      if (f.equals("*")) return READABLE;
      if (READABLE.contains(f) && !out.contains(f)) out.add(f);
    }
    return out.isEmpty() ? READABLE : out;
  }

  /** NAV_PARAMS {nPageSize ≤ 50, iNumPage ≥ 1}: {size, page}. */
  private static long[] nav(ObjectNode params) {
    JsonNode nav = params.get("NAV_PARAMS");
    long size = Page.SIZE;
    long page = 1;
    if (nav != null && nav.isObject()) {
      if (nav.has("nPageSize")) size = Math.max(1, Math.min(Page.SIZE, Params.phpInt(nav.get("nPageSize"))));
      if (nav.has("iNumPage")) page = Math.max(1, Params.phpInt(nav.get("iNumPage")));
    }
    return new long[] {size, page};
  }

  static ObjectNode view(ElapsedItem i, ZoneId zone, List<String> fields) {
    ObjectNode o = Json.object();
    for (String f : fields) {
      switch (f) {
        case "ID" -> o.put(f, Long.toString(i.id()));
        case "TASK_ID" -> o.put(f, Long.toString(i.taskId()));
        case "USER_ID" -> o.put(f, Long.toString(i.userId()));
        case "COMMENT_TEXT" -> o.put(f, i.commentText());
        case "SECONDS" -> o.put(f, Long.toString(i.seconds()));
        case "MINUTES" -> o.put(f, Long.toString(i.minutes()));
        case "SOURCE" -> o.put(f, Integer.toString(i.source()));
        case "CREATED_DATE" -> o.put(f, Wire.date(i.createdDate(), zone));
        case "DATE_START" -> o.put(f, Wire.date(i.dateStart(), zone));
        default -> o.put(f, Wire.date(i.dateStop(), zone));
      }
    }
    return o;
  }
}
