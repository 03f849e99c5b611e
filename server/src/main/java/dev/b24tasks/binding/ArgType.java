package dev.b24tasks.binding;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.rest.Params;

/** The four parameter types a legacy manifest declares, each with Bitrix's lax acceptance rule. */
public enum ArgType {
  /** "Lax integer": a JSON integer or a string of digits ("13", "-2"); form encoding only ever sends strings. */
  INTEGER("integer") {
    @Override
    boolean accepts(JsonNode v) {
      if (v.isIntegralNumber()) return v.canConvertToLong();
      return v.isTextual() && v.asText().trim().matches("-?\\d{1,18}");
    }
  },
  /** A PHP array: a JSON object or list. */
  ARRAY("array") {
    @Override
    boolean accepts(JsonNode v) {
      return Params.isArrayLike(v);
    }
  },
  /** 0/1, "0"/"1", true/false. */
  BOOLEAN("boolean") {
    @Override
    boolean accepts(JsonNode v) {
      if (v.isBoolean()) return true;
      if (v.isIntegralNumber()) return v.asLong() == 0 || v.asLong() == 1;
      if (v.isTextual()) {
        String s = v.asText().trim();
        return s.equals("0") || s.equals("1") || s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false");
      }
      return false;
    }
  },
  /** Any scalar: PHP sees every form value as a string. */
  STRING("string") {
    @Override
    boolean accepts(JsonNode v) {
      return v.isValueNode() && !v.isNull();
    }
  };

  /** The name the error texts use: {@code expected to be of type "integer"}. */
  public final String phpName;

  ArgType(String phpName) {
    this.phpName = phpName;
  }

  abstract boolean accepts(JsonNode v);
}
