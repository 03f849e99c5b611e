package dev.b24tasks.portal;

import dev.b24tasks.rest.Method;
import dev.b24tasks.rest.MethodRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The conformance report: every method the server registers (read from the method table, so it cannot list a
 * method that is not served or miss one that is), its status, the compatibility notes that apply and the test
 * classes that call it. Statuses and notes come from {@code conformance/methods.properties} (a method not named
 * there is {@code exact}; {@code b24tasks.*} are this server's extensions); the tests from
 * {@code conformance/tests.properties}, which {@code ConformanceIndexTest} rebuilds from the test sources and
 * checks on every build.
 */
public final class Conformance {
  /** One row of the report. */
  public record Row(String method, String scope, List<String> aliases, String status, String notes,
      List<String> tests) {}

  private final List<Row> rows;

  private Conformance(List<Row> rows) {
    this.rows = rows;
  }

  /** The file {@code ConformanceIndexTest} writes from the method table and the test sources, and checks. */
  public static final String INDEX = "conformance/served.tsv";

  /** From the live method table (what {@code b24tasks.conformance} answers). */
  public static Conformance of(MethodRegistry registry) {
    List<String[]> served = new ArrayList<>();
    Map<Method, List<String>> aliases = new LinkedHashMap<>();
    for (String name : registry.names()) {
      Method m = registry.find(name).orElseThrow();
      aliases.computeIfAbsent(m, k -> new ArrayList<>());
      if (!name.equals(m.name().toLowerCase(Locale.ROOT))) aliases.get(m).add(name);
    }
    aliases.forEach((m, a) -> served.add(new String[] {m.name(), m.scope(), String.join(",", a)}));
    return build(served, index());
  }

  /**
   * From the index alone, without starting a server (the command line). The index equals the method table, or the
   * build fails.
   */
  public static Conformance fromIndex() {
    Map<String, String[]> idx = index();
    List<String[]> served = new ArrayList<>(idx.values());
    return build(served, idx);
  }

  /** Served names, lower case, aliases included (what {@code methods} lists). */
  public List<String> methodNames() {
    List<String> out = new ArrayList<>();
    for (Row r : rows) {
      out.add(r.method().toLowerCase(Locale.ROOT));
      out.addAll(r.aliases());
    }
    return out;
  }

  /** method (lower case) -> {name, scope, aliases, tests}, in the index's order. */
  static Map<String, String[]> index() {
    Map<String, String[]> out = new LinkedHashMap<>();
    try (InputStream in = Conformance.class.getClassLoader().getResourceAsStream(INDEX)) {
      if (in == null) return out;
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) continue;
        String[] f = line.split("\t", -1);
        if (f.length < 4) continue;
        out.put(f[0].toLowerCase(Locale.ROOT), new String[] {f[0], f[1], f[2], f[3]});
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static Conformance build(List<String[]> served, Map<String, String[]> idx) {
    Properties statuses = load("conformance/methods.properties");
    List<Row> rows = new ArrayList<>();
    for (String[] m : served) {
      String key = m[0].toLowerCase(Locale.ROOT);
      String spec = statuses.getProperty(key);
      String status;
      String notes = "";
      if (spec != null) {
        int bar = spec.indexOf('|');
        status = (bar < 0 ? spec : spec.substring(0, bar)).trim();
        notes = bar < 0 ? "" : spec.substring(bar + 1).trim();
      } else {
        status = key.startsWith("b24tasks.") ? "extension" : "exact";
      }
      String[] known = idx.get(key);
      String t = known == null ? "" : known[3];
      rows.add(new Row(m[0], m[1], m[2].isBlank() ? List.of() : List.of(m[2].split(",")), status, notes,
          t.isBlank() ? List.of() : List.of(t.split(","))));
    }
    return new Conformance(List.copyOf(rows));
  }

  public List<Row> rows() {
    return rows;
  }

  /** As {@code b24tasks.conformance} answers. */
  public List<Map<String, Object>> asResult() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Row r : rows) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("METHOD", r.method());
      m.put("SCOPE", r.scope());
      m.put("ALIASES", r.aliases());
      m.put("STATUS", r.status());
      m.put("NOTES", r.notes());
      m.put("TESTS", r.tests());
      out.add(m);
    }
    return out;
  }

  /** A Markdown table, as the README carries it. */
  public String markdown() {
    return markdownOf(rows);
  }

  static String markdownOf(List<Row> rows) {
    StringBuilder sb = new StringBuilder();
    sb.append("| method | scope | status | notes | proven by |\n|---|---|---|---|---|\n");
    for (Row r : rows) {
      String name = "`" + r.method() + "`" + (r.aliases().isEmpty() ? ""
          : " (" + String.join(", ", r.aliases().stream().map(a -> "`" + a + "`").toList()) + ")");
      sb.append("| ").append(name).append(" | ").append(r.scope()).append(" | ").append(r.status()).append(" | ")
          .append(r.notes().replace("|", "\\|")).append(" | ")
          .append(r.tests().isEmpty() ? "none" : String.join(", ", r.tests())).append(" |\n");
    }
    return sb.toString();
  }

  /** Plain text for a terminal: one method a line. */
  public String text() {
    StringBuilder sb = new StringBuilder();
    for (Row r : rows) {
      sb.append(String.format("%-40s %-11s %-10s %s%n", r.method(), r.scope(), r.status(),
          r.tests().isEmpty() ? "(no test)" : String.join(",", r.tests())));
      if (!r.notes().isEmpty()) sb.append("    ").append(r.notes()).append('\n');
    }
    long exact = rows.stream().filter(r -> r.status().equals("exact")).count();
    long untested = rows.stream().filter(r -> r.tests().isEmpty()).count();
    sb.append(String.format("%d methods: %d exact, %d partial, %d not modelled, %d extensions; %d without a test%n",
        rows.size(), exact, count("partial"), count("not modelled"), count("extension"), untested));
    return sb.toString();
  }

  private long count(String status) {
    return rows.stream().filter(r -> r.status().equals(status)).count();
  }

  private static Properties load(String resource) {
    Properties p = new Properties();
    try (InputStream in = Conformance.class.getClassLoader().getResourceAsStream(resource)) {
      if (in != null) p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }
}
