package dev.b24tasks.stages;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.rest.Call;
import dev.b24tasks.rest.MethodRegistry;
import dev.b24tasks.rest.Params;
import dev.b24tasks.rest.RestError;
import dev.b24tasks.rest.RestException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code task.stages.get / add / update / delete / canmovetask / movetask}: named parameters; ids are cast as
 * PHP's (int) does (a non-number is 0, so "not found"), a missing one is the binder's error 100.
 */
public final class StageMethods {
  private final StageService service;

  public StageMethods(StageService service) {
    this.service = service;
  }

  public void register(MethodRegistry r) {
    r.named("task.stages.get", "task", c -> {
      Map<String, Object> out = new LinkedHashMap<>();
      for (StageView v : service.get(c.userId(), id(c, "entityId"), admin(c), c.language())) {
        out.put(Long.toString(v.id()), v.fields());
      }
      return out;
    });
    r.named("task.stages.add", "task", c -> service.add(c.userId(), fields(c, true), admin(c), c.language()));
    r.named("task.stages.update", "task", c -> {
      service.update(c.userId(), id(c, "id"), fields(c, false), admin(c), c.language());
      return true;
    });
    r.named("task.stages.delete", "task", c -> {
      service.delete(c.userId(), id(c, "id"), admin(c));
      return true;
    });
    r.named("task.stages.canmovetask", "task", c -> {
      id(c, "entityType");
      return service.canMove(c.userId(), id(c, "entityId"), Params.display(c.params().get("entityType")));
    });
    r.named("task.stages.movetask", "task", c -> {
      // before / after: the task's place among the group's others (SORTING)
      service.moveTask(c.userId(), id(c, "id"), id(c, "stageId"), optional(c, "before"), optional(c, "after"));
      return true;
    });
  }

  /** An optional id ({@code before}, {@code after}): absent or not a positive number is 0. */
  private static long optional(Call c, String name) {
    JsonNode v = c.params().get(name);
    return v == null || v.isNull() || v.isContainerNode() ? 0 : Math.max(0, Params.phpInt(v));
  }

  private static long id(Call c, String name) {
    JsonNode v = c.params().get(name);
    if (v == null || v.isNull()) throw RestException.of(RestError.ARGUMENT_MISSING, name);
    return Params.phpInt(v);
  }

  private static boolean admin(Call c) {
    return Params.truthy(c.params().get("isAdmin"));
  }

  private static StageService.Fields fields(Call c, boolean adding) {
    JsonNode f = c.params().get("fields");
    if (f == null || f.isNull()) throw RestException.of(RestError.ARGUMENT_MISSING, "fields");
    if (!f.isObject()) throw RestException.of(RestError.ARGUMENT_TYPE, Params.display(f), "fields", "array");
    JsonNode after = f.get("AFTER_ID");
    return new StageService.Fields(text(f.get("TITLE")), text(f.get("COLOR")),
        after == null || after.isNull() ? null : Long.valueOf(Math.max(0, Params.phpInt(after))),
        adding ? Math.max(0, Params.phpInt(f.get("ENTITY_ID"))) : 0);
  }

  private static String text(JsonNode v) {
    return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
  }
}
