package dev.b24tasks.testing;

import dev.b24tasks.rest.MethodRegistry;
import dev.b24tasks.rest.Page;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test-only methods that show what the gateway hands a handler, and how it treats failures and scopes. */
public final class ProbeMethods {
  private ProbeMethods() {}

  /**
   * {@code test.echo} (basic) returns {@code {"params": …, "requestId": …}}; {@code test.boom} throws with a
   * secret in the message; {@code test.task} needs scope task; {@code test.list} is a list of 3 of 120 rows.
   */
  public static void register(MethodRegistry r) {
    r.named("test.echo", "basic", call -> {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("params", call.params().root());
      out.put("requestId", call.requestId());
      return out;
    });
    r.named("test.boom", "basic", call -> {
      throw new IllegalStateException("secret-detail at jdbc:postgresql://db/password=hunter2");
    });
    r.named("test.task", "task", call -> Map.of("ok", true));
    r.namedRead("test.list", "basic", call -> {
      long start = call.params().optLong("start").orElse(0);
      List<Map<String, String>> rows = List.of(Map.of("ID", "7"), Map.of("ID", "8"), Map.of("ID", "9"));
      return Page.of(rows, start, rows.size(), 120);
    });
  }
}
