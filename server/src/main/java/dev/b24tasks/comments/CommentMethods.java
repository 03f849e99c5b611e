package dev.b24tasks.comments;

import static dev.b24tasks.binding.LegacyErrors.positive;
import static dev.b24tasks.binding.Manifest.optional;
import static dev.b24tasks.binding.Manifest.required;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.b24tasks.directory.Directory;
import dev.b24tasks.directory.User;
import dev.b24tasks.binding.ArgType;
import dev.b24tasks.binding.Args;
import dev.b24tasks.binding.LegacyErrors;
import dev.b24tasks.binding.Manifest;
import dev.b24tasks.binding.ManifestDoc;
import dev.b24tasks.binding.PositionalBinder;
import dev.b24tasks.binding.RowFilter;
import dev.b24tasks.rest.Call;
import dev.b24tasks.rest.Json;
import dev.b24tasks.rest.MethodRegistry;
import dev.b24tasks.rest.Params;
import dev.b24tasks.rest.Wire;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** {@code task.commentitem.*}: positional, scope {@code task}. */
public final class CommentMethods {
  private static final String CLS = "ctaskcommentitem";
  static final Manifest ADD = Manifest.of(CLS, "add", required("taskId", ArgType.INTEGER),
      required("arFields", ArgType.ARRAY));
  static final Manifest UPDATE = Manifest.ofItem(CLS, "update", required("arFields", ArgType.ARRAY));
  static final Manifest DELETE = Manifest.ofItem(CLS, "delete");
  static final Manifest GET = Manifest.ofItem(CLS, "get");
  static final Manifest GETLIST = Manifest.of(CLS, "getlist", required("taskId", ArgType.INTEGER),
      optional("arOrder", ArgType.ARRAY), optional("arFilter", ArgType.ARRAY));
  static final Manifest ALLOWED = Manifest.ofItem(CLS, "isactionallowed", required("actionId", ArgType.INTEGER));

  static final List<String> WRITABLE = List.of("POST_MESSAGE", "AUTHOR_ID", "POST_DATE", "UF_FORUM_MESSAGE_DOC");
  static final List<String> READABLE = List.of("POST_MESSAGE_HTML", "ID", "AUTHOR_ID", "AUTHOR_NAME",
      "AUTHOR_EMAIL", "POST_DATE", "POST_MESSAGE", "UF_FORUM_MESSAGE_DOC", "ATTACHED_OBJECTS");
  static final List<String> SORTABLE = List.of("ID", "AUTHOR_ID", "AUTHOR_NAME", "AUTHOR_EMAIL", "POST_DATE");
  static final List<String> FILTERABLE = List.of("ID", "AUTHOR_ID", "AUTHOR_NAME", "POST_DATE");

  private final CommentService service;
  private final Directory directory;

  public CommentMethods(CommentService service, Directory directory) {
    this.service = service;
    this.directory = directory;
  }


  public void register(MethodRegistry r) {
    r.positional("task.commentitem.add", "task", this::add);
    r.positional("task.commentitem.update", "task", this::update);
    r.positional("task.commentitem.delete", "task", this::delete);
    r.positionalRead("task.commentitem.get", "task", this::get);
    r.positionalRead("task.commentitem.getlist", "task", this::getList);
    r.positionalRead("task.commentitem.isactionallowed", "task", this::isActionAllowed);
    r.positionalRead("task.commentitem.getmanifest", "task", c -> manifest());
  }

  private Object add(Call call) {
    Args a = PositionalBinder.bind(ADD, call.args());
    long taskId = positive(a.integer(0));
    ObjectNode f = fields(ADD, 1, a.map(1));
    JsonNode author = f.get("AUTHOR_ID");
    Instant postDate = f.has("POST_DATE")
        ? Wire.parseDate(f.get("POST_DATE").asText(), directory.zoneOf(call.userId())).orElse(null) : null;
    return service.add(call.userId(), taskId, text(f), author == null ? null : Params.phpInt(author), postDate,
        docs(f));
  }

  private Object update(Call call) {
    Args a = PositionalBinder.bind(UPDATE, call.args());
    ObjectNode f = fields(UPDATE, 2, a.map(2));
    service.update(call.userId(), positive(a.integer(0)), positive(a.integer(1)), text(f), docs(f));
    return true;
  }

  private Object delete(Call call) {
    Args a = PositionalBinder.bind(DELETE, call.args());
    service.delete(call.userId(), positive(a.integer(0)), positive(a.integer(1)));
    return true;
  }

  private Object get(Call call) {
    Args a = PositionalBinder.bind(GET, call.args());
    Comment c = service.get(call.userId(), positive(a.integer(0)), positive(a.integer(1)));
    return view(c, directory.users(Set.of(c.authorId())), directory.zoneOf(call.userId()),
        service.attachedObjects(call.userId(), List.of(c.id())));
  }

  private Object getList(Call call) {
    Args a = PositionalBinder.bind(GETLIST, call.args());
    ObjectNode order = a.map(1);
    for (String key : keys(order)) {
      if (!SORTABLE.contains(key)) throw PositionalBinder.forbiddenKey(GETLIST, 1, key);
    }
    ZoneId zone = directory.zoneOf(call.userId());
    RowFilter filter = RowFilter.parse(GETLIST, 2, a.map(2), FILTERABLE, zone);
    List<Comment> all = service.list(call.userId(), positive(a.integer(0)));
    Set<Long> authors = new HashSet<>();
    all.forEach(c -> authors.add(c.authorId()));
    Map<Long, User> users = directory.users(authors);
    Map<Long, Map<String, Object>> attached = service.attachedObjects(call.userId(),
        all.stream().map(Comment::id).toList());
    List<ObjectNode> rows = new ArrayList<>();
    for (Comment c : all) {
      ObjectNode row = view(c, users, zone, attached);
      if (filter.matches(field -> switch (field) {
        case "ID" -> c.id();
        case "AUTHOR_ID" -> c.authorId();
        case "POST_DATE" -> c.postDate();
        default -> row.get(field).asText();
      })) {
        rows.add(row);
      }
    }
    rows.sort(order.isEmpty() ? Comparator.comparing((ObjectNode r) -> Params.phpInt(r.get("ID"))).reversed()
        : comparator(order));
    return rows;
  }

  private static Comparator<ObjectNode> comparator(ObjectNode order) {
    Comparator<ObjectNode> cmp = null;
    for (Map.Entry<String, JsonNode> e : order.properties()) {
      String key = e.getKey();
      Function<ObjectNode, Comparable> by = key.endsWith("ID")
          ? r -> Params.phpInt(r.get(key)) : r -> r.get(key).asText();
      @SuppressWarnings("unchecked")
      Comparator<ObjectNode> one = Comparator.comparing(by);
      if (e.getValue().asText().trim().equalsIgnoreCase("desc")) one = one.reversed();
      cmp = cmp == null ? one : cmp.thenComparing(one);
    }
    return cmp;
  }

  private Object isActionAllowed(Call call) {
    Args a = PositionalBinder.bind(ALLOWED, call.args());
    return service.isAllowed(call.userId(), a.integer(0), a.integer(1), a.integer(2));
  }

  static ObjectNode manifest() {
    return new ManifestDoc("1.1", "commentitem").fields("writable", WRITABLE).fields("readable", READABLE)
        .fields("sortable", SORTABLE).fields("filterable", FILTERABLE).dateFields(List.of("POST_DATE"))
        .methods(List.of(ADD, UPDATE, DELETE, GET, GETLIST, ALLOWED));
  }

  /** Checks FIELDS against the writable keys. */
  private static ObjectNode fields(Manifest m, int index, ObjectNode f) {
    for (String key : keys(f)) {
      if (!WRITABLE.contains(key)) throw PositionalBinder.forbiddenKey(m, index, key);
    }
    return f;
  }

  /** UF_FORUM_MESSAGE_DOC as given ({@code ["n12", …]}, empty values dropped), or null when absent. */
  private static List<String> docs(ObjectNode f) {
    JsonNode files = f.get("UF_FORUM_MESSAGE_DOC");
    if (files == null) return null;
    List<String> out = new ArrayList<>();
    if (files.isNull() || files.isBoolean()) return out;
    for (JsonNode v : Params.values(files)) {
      String s = v.isContainerNode() ? "" : v.asText().trim();
      if (!s.isEmpty() && !out.contains(s)) out.add(s);
    }
    return out;
  }

  private static String text(ObjectNode f) {
    JsonNode t = f.get("POST_MESSAGE");
    return t == null || t.isNull() || t.isContainerNode() ? null : t.asText();
  }

  private static List<String> keys(ObjectNode o) {
    return o.properties().stream().map(Map.Entry::getKey).toList();
  }

  static ObjectNode view(Comment c, Map<Long, User> users, ZoneId zone, Map<Long, Map<String, Object>> attached) {
    User author = users.get(c.authorId());
    ObjectNode o = Json.object();
    o.putNull("POST_MESSAGE_HTML");
    o.put("ID", Long.toString(c.id()));
    o.put("AUTHOR_ID", Long.toString(c.authorId()));
    o.put("AUTHOR_NAME", author == null ? "" : author.fullName());
    o.put("AUTHOR_EMAIL", "");
    o.put("POST_DATE", Wire.date(c.postDate(), zone));
    o.put("POST_MESSAGE", c.message());
    Map<String, Object> files = attached.get(c.id());
    o.set("ATTACHED_OBJECTS", files == null || files.isEmpty() ? Json.object() : Json.MAPPER.valueToTree(files));
    return o;
  }
}
