package dev.b24tasks.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.b24tasks.directory.Directory;
import dev.b24tasks.rest.Wire;
import dev.b24tasks.rest.v3.V3Call;
import dev.b24tasks.rest.v3.V3Error;
import dev.b24tasks.rest.v3.V3Exception;
import dev.b24tasks.rest.v3.V3Filter;
import dev.b24tasks.rest.v3.V3Method;
import dev.b24tasks.rest.v3.V3Method.Param;
import dev.b24tasks.rest.v3.V3Query;
import dev.b24tasks.rest.v3.V3Registry;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * REST 3.0's task results (doc pages {@code rest-v3/result/*.md}): {@code tasks.task.result.add}, {@code update},
 * {@code delete} (by {@code id} or {@code filter}, exactly one), {@code list} (a {@code taskId} filter required).
 */
public final class ResultV3Methods {
  static final String ENTITY = "TaskResultDto";

  private final ResultService service;
  private final Directory directory;

  public ResultV3Methods(ResultService service, Directory directory) {
    this.service = service;
    this.directory = directory;
  }

  public void register(V3Registry r) {
    Param fields = new Param("fields", "object", true, "taskId and text");
    r.add(new V3Method("tasks.task.result.add", "task", true, List.of(fields), "item", ENTITY,
        "Adds a result to a task", this::add));
    r.add(new V3Method("tasks.task.result.addfromchatmessage", "task", true,
        List.of(new Param("fields", "object", true, "messageId: a message of the task chat")), "item", ENTITY,
        "Makes a task chat message a result", this::addFromChatMessage));
    r.add(new V3Method("tasks.task.result.update", "task", true,
        List.of(new Param("id", "integer", true, "Result identifier"), new Param("fields", "object", true, "text")),
        "item", ENTITY, "Changes the text of a result", this::update));
    r.add(new V3Method("tasks.task.result.delete", "task", true,
        List.of(new Param("id", "integer", false, "Result identifier"),
            new Param("filter", "array", false, "[[\"taskId\", N]]: every result of the task the caller may remove")),
        "result", null, "Deletes results", this::delete));
    r.add(new V3Method("tasks.task.result.list", "task", false,
        List.of(new Param("filter", "array", true, "[[\"taskId\", N]] (required)"),
            new Param("select", "array", false, "Fields to return"),
            new Param("pagination", "object", false, "{page, limit, offset}")),
        "items", ENTITY, "The results of a task", this::list));
  }

  Object add(V3Call call) {
    ObjectNode f = call.requiredObject("fields");
    long taskId = V3Call.dtoInt(f, "taskId");
    String text = V3Call.dtoText(f, "text");
    return Map.of("item", item(guard(() -> service.add(call.userId(), taskId, text), taskId), call));
  }

  /**
   * {@code fields: {messageId}} only: {@code fileIds} is refused as not fillable, any other key as unknown to
   * ResultDto; a message of no task chat (or of a task the caller may not read) is a request validation error on
   * {@code messageId}, a second open result from it too.
   */
  Object addFromChatMessage(V3Call call) {
    ObjectNode f = call.requiredObject("fields");
    for (var it = f.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (k.equals("fileIds")) {
        throw V3Exception.invalid(V3Error.DTO_VALIDATION, List.of(new V3Exception.Validation(k, "NOT_FILLABLE", k)));
      }
      if (!k.equals("messageId")) throw V3Exception.of(V3Error.UNKNOWN_DTO_PROPERTY, k, "ResultDto");
    }
    long messageId = V3Call.dtoInt(f, "messageId");
    try {
      return Map.of("item", item(service.fromChatMessage(call.userId(), messageId), call));
    } catch (ResultService.ResultException e) {
      throw switch (e.refusal()) {
        case ACCESS_DENIED -> V3Exception.invalid(V3Error.ACCESS_DENIED,
            List.of(new V3Exception.Validation("messageId", "ACCESS_DENIED")));
        case RESULT_EXISTS -> V3Exception.invalid(V3Error.REQUEST_VALIDATION,
            List.of(new V3Exception.Validation("messageId", "RESULT_EXISTS")));
        default -> V3Exception.invalid(V3Error.REQUEST_VALIDATION,
            List.of(new V3Exception.Validation("messageId", "NOT_FROM_TASK_CHAT")));
      };
    }
  }

  Object update(V3Call call) {
    long id = call.requiredInt("id");
    String text = V3Call.dtoText(call.requiredObject("fields"), "text");
    return Map.of("item", item(guard(() -> service.update(call.userId(), id, text), id), call));
  }

  Object delete(V3Call call) {
    boolean byId = call.params().hasNonNull("id");
    boolean byFilter = call.params().hasNonNull("filter");
    if (byId == byFilter) {
      throw V3Exception.invalid(V3Error.REQUEST_VALIDATION, List.of(new V3Exception.Validation("id",
          "LITERAL", byId ? "Only one of the values must be provided: id, filter"
              : "At least one required field must be filled: id, filter")));
    }
    if (byId) {
      long id = call.requiredInt("id");
      guard(() -> {
        service.delete(call.userId(), id);
        return null;
      }, id);
    } else {
      long taskId = taskFilter(call);
      for (ResultService.Seen s : guard(() -> service.list(call.userId(), taskId), taskId)) {
        if (s.mayEdit()) service.delete(call.userId(), s.result().id());
      }
    }
    return Map.of("result", true);
  }

  Object list(V3Call call) {
    V3Query q = V3Query.of(call, 1000);
    long taskId = taskFilter(call);
    List<ResultService.Seen> all = guard(() -> service.list(call.userId(), taskId), taskId);
    List<Object> items = new ArrayList<>();
    for (int i = (int) Math.min(q.offset(), all.size()); i < all.size() && items.size() < q.limit(); i++) {
      Map<String, Object> full = item(all.get(i), call);
      if (q.select() == null || q.select().isEmpty()) {
        items.add(full);
      } else {
        Map<String, Object> picked = new LinkedHashMap<>();
        for (String k : full.keySet()) if (q.select().contains(k)) picked.put(k, full.get(k));
        items.add(picked);
      }
    }
    return Map.of("items", items);
  }

  /** {@code filter: [["taskId", N]]} (or {@code [["taskId", "=", N]]}): required, as the docs say. */
  private static long taskFilter(V3Call call) {
    V3Filter.Group g = V3Filter.parse(call.params().get("filter"));
    for (V3Filter f : g.conditions()) {
      if (f instanceof V3Filter.Condition c && c.field().equals("taskId") && c.operator().equals("=")
          && c.value().canConvertToLong()) {
        return c.value().asLong();
      }
    }
    throw V3Exception.invalid(V3Error.REQUEST_FILTER_VALIDATION,
        List.of(new V3Exception.Validation("filter.taskId", "REQUIRED_FIELD", "taskId")));
  }

  private Map<String, Object> item(ResultService.Seen s, V3Call call) {
    ZoneId zone = directory.zoneOf(call.userId());
    TaskResult r = s.result();
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("id", r.id());
    o.put("taskId", r.taskId());
    o.put("text", r.text());
    o.put("authorId", r.authorId());
    o.put("createdAt", Wire.date(r.createdAt(), zone));
    o.put("updatedAt", Wire.date(r.updatedAt(), zone));
    o.put("status", r.closed() ? "closed" : "open");
    o.put("fileIds", List.of());
    o.put("rights", Map.of("edit", s.mayEdit(), "remove", s.mayEdit()));
    o.put("messageId", r.messageId());
    return o;
  }

  private interface Work<T> {
    T run();
  }

  private static <T> T guard(Work<T> work, long id) {
    try {
      return work.run();
    } catch (ResultService.ResultException e) {
      throw switch (e.refusal()) {
        case ACCESS_DENIED -> V3Exception.of(V3Error.ACCESS_DENIED);
        case TEXT_EMPTY -> V3Call.dtoMissing("text");
        default -> V3Exception.of(V3Error.ENTITY_NOT_FOUND, id);
      };
    }
  }
}
