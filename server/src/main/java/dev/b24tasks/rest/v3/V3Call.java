package dev.b24tasks.rest.v3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.b24tasks.auth.Caller;
import java.util.ArrayList;
import java.util.List;

/**
 * One REST 3.0 call as a handler sees it: the caller, the JSON parameters as sent (typed: an id is an int, a flag
 * a JSON boolean) and the language of messages. The typed readers refuse a wrong type the way the portal does,
 * with {@code VALIDATION_REQUESTVALIDATIONEXCEPTION} naming the field.
 */
public final class V3Call {
  private final Caller caller;
  private final V3Method method;
  private final ObjectNode params;
  private final String language;

  public V3Call(Caller caller, V3Method method, ObjectNode params, String language) {
    this.caller = caller;
    this.method = method;
    this.params = params;
    this.language = language;
  }

  public Caller caller() {
    return caller;
  }

  public long userId() {
    return caller.userId();
  }

  public V3Method method() {
    return method;
  }

  public ObjectNode params() {
    return params;
  }

  public String language() {
    return language;
  }

  /** A required int parameter ({@code id}): missing or not an integer is a request validation error. */
  public long requiredInt(String name) {
    JsonNode v = params.get(name);
    if (v == null || v.isNull()) throw missing(name);
    if (!v.isIntegralNumber() || !v.canConvertToLong()) throw wrongType(name, "int");
    return v.asLong();
  }

  /** A required object parameter ({@code fields}). */
  public ObjectNode requiredObject(String name) {
    JsonNode v = params.get(name);
    if (v == null || v.isNull()) throw missing(name);
    if (!v.isObject()) throw wrongType(name, "array");
    return (ObjectNode) v;
  }

  /** A required string parameter ({@code name}). */
  public String requiredString(String name) {
    JsonNode v = params.get(name);
    if (v == null || v.isNull()) throw missing(name);
    if (!v.isTextual()) throw wrongType(name, "string");
    return v.asText();
  }

  /** An optional list of strings ({@code select}); null when absent. */
  public List<String> strings(String name) {
    JsonNode v = params.get(name);
    if (v == null || v.isNull()) return null;
    if (!v.isArray()) throw V3Exception.of(V3Error.INVALID_SELECT);
    List<String> out = new ArrayList<>();
    for (JsonNode s : v) {
      if (!s.isTextual()) throw V3Exception.of(V3Error.INVALID_SELECT);
      out.add(s.asText());
    }
    return out;
  }

  public static V3Exception missing(String field) {
    return V3Exception.invalid(V3Error.REQUEST_VALIDATION,
        List.of(new V3Exception.Validation(field, "REQUIRED_FIELD", field)));
  }

  public static V3Exception wrongType(String field, String type) {
    return V3Exception.invalid(V3Error.REQUEST_VALIDATION,
        List.of(new V3Exception.Validation(field, "FIELD_TYPE", field, type)));
  }

  /** An int field of a DTO ({@code fields.taskId}): missing is a DTO validation error, another type a request one. */
  public static long dtoInt(ObjectNode fields, String name) {
    JsonNode v = fields.get(name);
    if (v == null || v.isNull()) throw dtoMissing(name);
    if (!v.isIntegralNumber() || !v.canConvertToLong()) throw wrongType(name, "int");
    return v.asLong();
  }

  /** A string field of a DTO ({@code fields.text}): missing or blank is a DTO validation error. */
  public static String dtoText(ObjectNode fields, String name) {
    JsonNode v = fields.get(name);
    if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) throw dtoMissing(name);
    if (!v.isTextual()) throw wrongType(name, "string");
    return v.asText();
  }

  /** DtoValidationException: 'The required field "taskId" is not filled'. */
  public static V3Exception dtoMissing(String name) {
    return V3Exception.invalid(V3Error.DTO_VALIDATION, List.of(new V3Exception.Validation(name, "DTO_REQUIRED", name)));
  }
}
