package dev.b24tasks.binding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.b24tasks.rest.Json;
import dev.b24tasks.rest.Params;
import java.util.Arrays;
import java.util.OptionalLong;

/** The arguments of one legacy call after positional binding: already type-checked against the manifest. */
public final class Args {
  private final Manifest manifest;
  private final JsonNode[] values;

  Args(Manifest manifest, JsonNode[] values) {
    this.manifest = manifest;
    this.values = values;
  }

  public Manifest manifest() {
    return manifest;
  }

  /** Whether argument {@code i} was given (or has a default). */
  public boolean has(int i) {
    return i < values.length && values[i] != null;
  }

  public JsonNode raw(int i) {
    return has(i) ? values[i] : null;
  }

  /** An integer argument; the binder has checked it is one. */
  public long integer(int i) {
    return Params.asLong(values[i]).orElseThrow();
  }

  /** An id argument: a positive integer, else the CTaskAssert error ({@link LegacyErrors#positive}). */
  public long id(int i) {
    return LegacyErrors.positive(integer(i));
  }

  public OptionalLong optInteger(int i) {
    return has(i) ? OptionalLong.of(integer(i)) : OptionalLong.empty();
  }

  /**
   * An array argument as an object (a JSON list becomes {@code {"0":…,"1":…}}), empty when not given: legacy
   * handlers treat "not given" and "empty placeholder" alike.
   */
  public ObjectNode map(int i) {
    if (!has(i)) return Json.object();
    JsonNode v = values[i];
    if (v.isObject()) return (ObjectNode) v;
    ObjectNode out = Json.object();
    int k = 0;
    for (JsonNode e : v) out.set(Integer.toString(k++), e);
    return out;
  }

  /** An array argument's values in order (for SELECT-like lists). */
  public java.util.List<JsonNode> list(int i) {
    return has(i) ? Params.values(values[i]) : java.util.List.of();
  }

  public boolean bool(int i) {
    return has(i) && Params.truthy(values[i]);
  }

  public String string(int i) {
    return has(i) ? values[i].asText() : null;
  }

  @Override
  public String toString() {
    return manifest.qualifiedName() + Arrays.toString(values);
  }
}
