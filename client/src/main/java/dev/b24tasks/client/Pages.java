package dev.b24tasks.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** The lazy page walk behind {@link Bitrix24#stream}. Internal. */
final class Pages extends Spliterators.AbstractSpliterator<JsonNode> {
  /** The portal's fixed page size: a shorter page is the last one. */
  static final int PAGE = 50;

  private final Bitrix24 client;
  private final String method;
  private final ObjectNode params;
  private final Paging paging;
  private final boolean keyset;
  private final boolean descending;
  private final ArrayDeque<JsonNode> buffer = new ArrayDeque<>();
  private String idKey;
  private boolean done;
  private long start;

  private Pages(Bitrix24 client, String method, ObjectNode params, Paging paging) {
    super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
    this.client = client;
    this.method = method;
    this.paging = paging;
    this.idKey = paging.idKey();
    this.params = params.deepCopy();
    String orderKey = findKey(this.params, "order");
    JsonNode order = orderKey == null ? null : this.params.get(orderKey);
    boolean byIdOnly = order == null || order.isEmpty()
        || (order.isObject() && order.size() == 1 && order.fieldNames().next().equalsIgnoreCase(paging.cursorIdKey()));
    this.keyset = paging.mode() == Paging.Mode.KEYSET || (paging.mode() == Paging.Mode.AUTO && byIdOnly);
    this.descending = keyset && order != null && order.isObject() && !order.isEmpty()
        && order.elements().next().asText().equalsIgnoreCase("desc");
    if (keyset) {
      if (orderKey != null) this.params.remove(orderKey);
      this.params.putObject("order").put(paging.cursorIdKey(), descending ? "DESC" : "ASC");
      String filterKey = findKey(this.params, "filter");
      JsonNode filter = filterKey == null ? null : this.params.get(filterKey);
      ObjectNode f = filter instanceof ObjectNode o ? o : Json.MAPPER.createObjectNode();
      if (filterKey != null) this.params.remove(filterKey);
      this.params.set("filter", f);
      this.params.put("start", -1);
    } else {
      JsonNode s = this.params.get("start");
      this.start = s == null ? 0 : Math.max(0, s.asLong());
    }
  }

  static Stream<JsonNode> stream(Bitrix24 client, String method, ObjectNode params, Paging paging) {
    return StreamSupport.stream(new Pages(client, method, params, paging), false);
  }

  @Override
  public boolean tryAdvance(Consumer<? super JsonNode> action) {
    while (buffer.isEmpty()) {
      if (done) return false;
      fetch();
    }
    action.accept(buffer.poll());
    return true;
  }

  private void fetch() {
    if (!keyset) params.put("start", start);
    Response r = client.call(method, params);
    JsonNode rows = rows(r.result());
    int n = 0;
    JsonNode last = null;
    for (JsonNode row : rows) {
      buffer.add(row);
      last = row;
      n++;
    }
    if (keyset) {
      if (n < PAGE) {
        done = true;
        return;
      }
      long id = id(last);
      if (id < 0) {
        throw new IllegalStateException("keyset paging of " + method + " needs the id (" + idKey
            + ") in every row: select it, or pass Paging.offset(...)");
      }
      ObjectNode filter = (ObjectNode) params.get("filter");
      String gt = ">" + paging.cursorIdKey();
      String lt = "<" + paging.cursorIdKey();
      filter.put(descending ? lt : gt, id);
    } else {
      if (r.next() == null || n == 0) {
        done = true;
        return;
      }
      start = r.next();
    }
  }

  /** The rows of a page: the result itself, the list under {@code resultKey}, or the one list it holds. */
  private JsonNode rows(JsonNode result) {
    if (result == null || result.isNull()) return Json.MAPPER.createArrayNode();
    if (paging.resultKey() != null) return listOf(result.path(paging.resultKey()));
    if (result.isArray()) return result;
    if (result.isObject()) {
      JsonNode only = null;
      int lists = 0;
      for (Iterator<JsonNode> it = result.elements(); it.hasNext(); ) {
        JsonNode v = it.next();
        if (v.isArray()) {
          only = v;
          lists++;
        }
      }
      if (lists == 1) return only;
    }
    return listOf(result);
  }

  private static JsonNode listOf(JsonNode n) {
    if (n.isArray()) return n;
    ArrayNode a = Json.MAPPER.createArrayNode();
    if (n.isObject()) n.elements().forEachRemaining(a::add); // a PHP list with holes comes as an object
    return a;
  }

  private long id(JsonNode row) {
    if (idKey == null) idKey = row.has("ID") ? "ID" : "id";
    JsonNode v = row.get(idKey);
    if (v == null || v.isNull()) return -1;
    try {
      return Long.parseLong(v.asText().trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String findKey(ObjectNode params, String name) {
    for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
      String k = it.next().getKey();
      if (k.equalsIgnoreCase(name)) return k;
    }
    return null;
  }
}
