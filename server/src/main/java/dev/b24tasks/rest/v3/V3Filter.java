package dev.b24tasks.rest.v3;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.rest.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A REST 3.0 filter (reference §B.4), read into a tree a feature turns into SQL over its allow-listed columns:
 * a JSON array of nodes, AND-ed; a node is {@code [field, operator, value]}, {@code [field, value]} (an array value
 * means {@code in}, else {@code =}), a group {@code {"logic":"or","negative":false,"conditions":[…]}} or the long
 * forms with {@code "type":"condition"} / {@code "type":"filter"}. Operators are exactly
 * {@code = != > >= < <= in between}.
 */
public sealed interface V3Filter {
  Set<String> OPERATORS = Set.of("=", "!=", ">", ">=", "<", "<=", "in", "between");

  /** {@code field operator value}; for {@code in} the value is an array, for {@code between} a pair. */
  record Condition(String field, String operator, JsonNode value) implements V3Filter {}

  /** {@code conditions} joined by {@code and} or {@code or}, the whole negated when {@code negative}. */
  record Group(boolean or, boolean negative, List<V3Filter> conditions) implements V3Filter {}

  /** The top level: an array of nodes AND-ed; absent or null is no condition. */
  static Group parse(JsonNode filter) {
    if (filter == null || filter.isNull()) return new Group(false, false, List.of());
    if (!filter.isArray()) throw V3Exception.message(V3Error.INVALID_FILTER, "FILTER_NOT_ARRAY");
    return new Group(false, false, nodes(filter, 0));
  }

  private static List<V3Filter> nodes(JsonNode array, int depth) {
    if (depth > 16) throw V3Exception.message(V3Error.INVALID_FILTER, "FILTER_TOO_DEEP");
    List<V3Filter> out = new ArrayList<>();
    for (JsonNode n : array) out.add(node(n, depth));
    return out;
  }

  private static V3Filter node(JsonNode n, int depth) {
    if (n.isArray()) {
      if (n.size() == 2 && n.get(0).isTextual()) {
        JsonNode v = n.get(1);
        return new Condition(n.get(0).asText(), v.isArray() ? "in" : "=", v);
      }
      if (n.size() == 3 && n.get(0).isTextual() && n.get(1).isTextual()) {
        return condition(n.get(0).asText(), n.get(1).asText(), n.get(2));
      }
      throw V3Exception.message(V3Error.INVALID_FILTER, "FILTER_BAD_NODE", Json.MAPPER.valueToTree(n).toString());
    }
    if (n.isObject()) {
      String type = n.path("type").asText("");
      if (type.equals("condition")) {
        JsonNode left = n.get("leftOperand");
        JsonNode op = n.get("operator");
        if (left == null || !left.isTextual() || op == null || !op.isTextual() || !n.has("rightOperand")) {
          throw V3Exception.message(V3Error.INVALID_FILTER, "FILTER_BAD_NODE", n.toString());
        }
        return condition(left.asText(), op.asText(), n.get("rightOperand"));
      }
      if (type.isEmpty() || type.equals("filter")) {
        JsonNode conditions = n.get("conditions");
        if (conditions == null || !conditions.isArray()) {
          throw V3Exception.message(V3Error.INVALID_FILTER, "FILTER_BAD_NODE", n.toString());
        }
        String logic = n.path("logic").asText("and").toLowerCase(Locale.ROOT);
        if (!logic.equals("and") && !logic.equals("or")) {
          throw V3Exception.message(V3Error.INVALID_FILTER, "FILTER_BAD_LOGIC", logic);
        }
        return new Group(logic.equals("or"), n.path("negative").asBoolean(false), nodes(conditions, depth + 1));
      }
    }
    throw V3Exception.message(V3Error.INVALID_FILTER, "FILTER_BAD_NODE", n.toString());
  }

  private static Condition condition(String field, String operator, JsonNode value) {
    String op = operator.toLowerCase(Locale.ROOT);
    if (!OPERATORS.contains(op)) throw V3Exception.of(V3Error.UNKNOWN_FILTER_OPERATOR, operator);
    if (op.equals("in") && (!value.isArray() || value.isEmpty())) {
      throw V3Exception.message(V3Error.INVALID_FILTER, "FILTER_IN_ARRAY", field);
    }
    if (op.equals("between") && (!value.isArray() || value.size() != 2)) {
      throw V3Exception.message(V3Error.INVALID_FILTER, "FILTER_BETWEEN_PAIR", field);
    }
    return new Condition(field, op, value);
  }

  /** Every field the filter names, for the caller's allow-list check. */
  static void fields(V3Filter f, List<String> out) {
    if (f instanceof Condition c) {
      out.add(c.field());
    } else if (f instanceof Group g) {
      for (V3Filter child : g.conditions()) fields(child, out);
    }
  }
}
