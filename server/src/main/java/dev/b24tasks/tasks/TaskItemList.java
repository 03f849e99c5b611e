package dev.b24tasks.tasks;

import dev.b24tasks.binding.ArgType;
import dev.b24tasks.binding.Args;
import dev.b24tasks.binding.Manifest;
import dev.b24tasks.binding.PositionalBinder;
import static dev.b24tasks.binding.Manifest.optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.b24tasks.rest.Call;
import dev.b24tasks.rest.Page;
import dev.b24tasks.rest.Params;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code task.item.list} (alias {@code getlist}) and {@code task.items.getlist}: the same query as
 * {@code tasks.task.list} (visibility, filter operators, sort keys), paged by {@code NAV_PARAMS} or by
 * {@code start}, rows in the legacy UPPER_SNAKE shape.
 */
final class TaskItemList {
  static final Manifest LIST = Manifest.of(TaskItemMethods.CLS, "list", optional("arOrder", ArgType.ARRAY),
      optional("arFilter", ArgType.ARRAY), optional("arParams", ArgType.ARRAY), optional("arSelect", ArgType.ARRAY));
  static final Manifest ITEMS = Manifest.of("ctasks", "getlist", optional("arOrder", ArgType.ARRAY),
      optional("arFilter", ArgType.ARRAY), optional("arSelect", ArgType.ARRAY), optional("arNavParams",
          ArgType.ARRAY));

  private final TaskService tasks;

  TaskItemList(TaskService tasks) {
    this.tasks = tasks;
  }

  Object list(Call call) {
    Args a = PositionalBinder.bind(LIST, values(call));
    return page(call, LIST, a.map(0), a.map(1), a.list(3), a.map(2).get("NAV_PARAMS"));
  }

  Object itemsGetList(Call call) {
    Args a = PositionalBinder.bind(ITEMS, values(call));
    return page(call, ITEMS, a.map(0), a.map(1), a.list(2), a.map(3));
  }

  /** The positional values without {@code start}, which the REST layer reads by name for paging. */
  private static List<JsonNode> values(Call call) {
    List<JsonNode> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : call.params().root().properties()) {
      if (!e.getKey().equals("start")) out.add(e.getValue());
    }
    return out;
  }

  /** Highest page number that is computed; beyond it every page is past the end anyway. */
  private static final long MAX_PAGE = 1L << 40;

  private Object page(Call call, Manifest m, ObjectNode order, ObjectNode filter, List<JsonNode> select,
      JsonNode nav) {
    long size = Page.SIZE;
    long start = Math.max(0, call.params().optLong("start").orElse(0));
    if (nav != null && nav.isObject()) {
      if (nav.has("nPageSize")) size = Math.max(1, Math.min(Page.SIZE, Params.phpInt(nav.get("nPageSize"))));
      // clamped, so a huge page number is an empty page, not an overflowed negative OFFSET
      if (nav.has("iNumPage")) start = Math.min(MAX_PAGE, Math.max(1, Params.phpInt(nav.get("iNumPage"))) - 1) * size;
    }
    TaskService.Page found;
    try {
      found = tasks.list(call.userId(), TaskFilterInput.filter(filter, tasks.zoneOf(call.userId())),
          TaskFilterInput.order(order), start, (int) size, true);
    } catch (IllegalArgumentException e) {
      boolean orderKey = order.has(e.getMessage()) || order.has(e.getMessage().toLowerCase(java.util.Locale.ROOT));
      throw PositionalBinder.forbiddenKey(m, orderKey ? 0 : 1, e.getMessage());
    }
    List<String> keep = select(select);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Map<String, Object> row : new TaskDataView(tasks, call.userId()).rows(found.tasks())) {
      if (!keep.isEmpty()) row.keySet().removeIf(k -> !keep.contains(k) && !k.equals("ALLOWED_ACTIONS"));
      rows.add(row);
    }
    return Page.of(rows, start, rows.size(), found.total());
  }

  /** SELECT keys to keep; empty (or "*") keeps every readable field. STATUS brings REAL_STATUS along. */
  private static List<String> select(List<JsonNode> select) {
    List<String> out = new ArrayList<>();
    for (JsonNode s : select) {
      String key = s.asText().trim().toUpperCase(java.util.Locale.ROOT);
      if (key.equals("*")) return List.of();
      if (!key.isEmpty()) out.add(key);
    }
    if (out.contains("STATUS")) out.add("REAL_STATUS");
    if (!out.isEmpty() && !out.contains("ID")) out.add("ID");
    return out;
  }
}
