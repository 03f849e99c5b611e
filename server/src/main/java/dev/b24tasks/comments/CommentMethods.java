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
import dev.b24tasks.binding.PositionalFamily;
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

/** {@code task.commentitem.*}: positional, scope {@code task}. */
public final class CommentMethods {
  private static final String CLS = "ctaskcommentitem";
  static final Manifest ADD = Manifest.of(CLS, "add", required("taskId", ArgType.INTEGER),
      required("arFields", ArgType.ARRAY));
  /** Deprecated {@code task.comment.add}: the text's type is checked by the handler (a string or an object). */
  static final Manifest LEGACY_ADD = Manifest.of(CLS, "add", required("taskId", ArgType.INTEGER));
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
    new PositionalFamily(r, "task.commentitem", "task")
        .write(ADD, this::add)
        .write(UPDATE, this::update)
        .writeItem(DELETE, service::delete, true)
        .read(GET, this::get)
        .read(GETLIST, this::getList)
        .actionAllowed(ALLOWED, service::isAllowed)
        .manifest(CommentMethods::manifest);
    new PositionalFamily(r, "task.comment", "task").write(LEGACY_ADD, this::legacyAdd);
  }

  /**
   * {@code task.comment.add(TASKID, COMMENTTEXT)}: the text as a string, or an object with POST_MESSAGE (the doc
   * example nests it under FIELDS); then the very same path as {@code task.commentitem.add}.
   */
  private Object legacyAdd(Call call, Args a) {
    List<JsonNode> args = call.args();
    JsonNode given = args.size() > 1 ? args.get(1) : null;
    if (given != null && given.isObject() && given.has("FIELDS")) given = given.get("FIELDS");
    String text;
    if (given == null || given.isNull()) text = null;
    else if (given.isObject()) text = text((ObjectNode) given);
    else if (given.isValueNode()) text = given.asText();
    else throw LegacyErrors.wrongArguments("Param #1 (commentText) for method ctaskcommentitem::add() expected to be"
        + " of type \"string\", but given something else.");
    return service.add(call.userId(), a.id(0), text, null, null);
  }

  private Object add(Call call, Args a) {
    long taskId = a.id(0);
    ObjectNode f = fields(ADD, 1, a.map(1));
    JsonNode author = f.get("AUTHOR_ID");
    Instant postDate = f.has("POST_DATE")
        ? Wire.parseDate(f.get("POST_DATE").asText(), directory.zoneOf(call.userId())).orElse(null) : null;
    return service.add(call.userId(), taskId, text(f), author == null ? null : Params.phpInt(author), postDate,
        docs(f));
  }

  private Object update(Call call, Args a) {
    ObjectNode f = fields(UPDATE, 2, a.map(2));
    service.update(call.userId(), positive(a.integer(0)), positive(a.integer(1)), text(f), docs(f));
    return true;
  }

  private Object get(Call call, Args a) {
    Comment c = service.get(call.userId(), positive(a.integer(0)), positive(a.integer(1)));
    return view(c, directory.users(Set.of(c.authorId())), directory.zoneOf(call.userId()),
        service.attachedObjects(call.userId(), List.of(c.id())));
  }

  private Object getList(Call call, Args a) {
    Comparator<ObjectNode> order = PositionalFamily.order(GETLIST, 1, a.map(1), SORTABLE,
        key -> key.endsWith("ID") ? r -> Params.phpInt(r.get(key)) : r -> r.get(key).asText());
    ZoneId zone = directory.zoneOf(call.userId());
    RowFilter filter = RowFilter.parse(GETLIST, 2, a.map(2), FILTERABLE, zone);
    List<Comment> all = service.list(call.userId(), a.id(0));
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
    rows.sort(order == null ? Comparator.comparing((ObjectNode r) -> Params.phpInt(r.get("ID"))).reversed() : order);
    return rows;
  }

  static ManifestDoc manifest() {
    return new ManifestDoc("1.1", "commentitem").fields("writable", WRITABLE).fields("readable", READABLE)
        .fields("sortable", SORTABLE).fields("filterable", FILTERABLE).dateFields(List.of("POST_DATE"));
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
