package dev.b24tasks.binding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.b24tasks.rest.RestException;
import java.util.List;

/**
 * Binds a legacy call's values to its manifest by position, names ignored: {@code [13]}, {@code {"TASKID":13}},
 * {@code {"taskId":13}}, {@code {"0":13}} and the form {@code 0=13} all bind 13 to parameter #0. The gateway has
 * already removed {@code auth} and the SDKs' telemetry, so those never shift a position.
 *
 * <p>Mirrors Bitrix's REST service: a missing argument takes its default, else a mandatory one is an error and an
 * optional one ends the list; a present argument must pass its type's lax check. Errors are Bitrix's
 * TE_WRONG_ARGUMENTS texts, which portals send untranslated.
 */
public final class PositionalBinder {
  private PositionalBinder() {}

  public static Args bind(Manifest manifest, List<JsonNode> given) {
    List<Manifest.Param> params = manifest.params();
    JsonNode[] out = new JsonNode[params.size()];
    for (int i = 0; i < params.size(); i++) {
      Manifest.Param p = params.get(i);
      JsonNode v = i < given.size() ? given.get(i) : null;
      if (v == null) {
        if (p.defaultValue() != null) {
          out[i] = p.defaultValue();
          continue;
        }
        if (p.mandatory()) throw notGiven(manifest, i);
        break;
      }
      if (p.type() == ArgType.ARRAY) v = dropEmptyPlaceholder(v);
      if (!p.type().accepts(v)) throw wrongType(manifest, i);
      out[i] = v;
    }
    return new Args(manifest, out);
  }

  /**
   * {@code ORDER[]=} arrives as {@code {"0":""}}: PHP's placeholder for an empty array, which the legacy service
   * drops, leaving an empty array.
   */
  static JsonNode dropEmptyPlaceholder(JsonNode v) {
    if (v instanceof ObjectNode o && o.has("0") && o.get("0").isTextual() && o.get("0").asText().isEmpty()) {
      ObjectNode copy = o.deepCopy();
      copy.remove("0");
      return copy;
    }
    return v;
  }

  static RestException notGiven(Manifest m, int i) {
    return LegacyErrors.wrongArguments("Param #" + i + " (" + m.params().get(i).name() + ") expected by method "
        + m.qualifiedName() + ", but not given.");
  }

  static RestException wrongType(Manifest m, int i) {
    Manifest.Param p = m.params().get(i);
    return LegacyErrors.wrongArguments("Param #" + i + " (" + p.name() + ") for method " + m.qualifiedName()
        + " expected to be of type \"" + p.type().phpName + "\", but given something else.");
  }

  /** {@code Param #1 (arOrder) for method ctaskchecklistitem::getlist() must not contain key "IS_COMPLETED".} */
  public static RestException forbiddenKey(Manifest m, int i, String key) {
    return LegacyErrors.wrongArguments("Param #" + i + " (" + m.params().get(i).name() + ") for method "
        + m.qualifiedName() + " must not contain key \"" + key + "\".");
  }

  /** {@code … must not contain value "X".} for parameters with a fixed set of values. */
  public static RestException forbiddenValue(Manifest m, int i, String value) {
    return LegacyErrors.wrongArguments("Param #" + i + " (" + m.params().get(i).name() + ") for method "
        + m.qualifiedName() + " must not contain value \"" + value + "\".");
  }
}
