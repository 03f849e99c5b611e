package dev.b24tasks.console;

import dev.b24tasks.portal.Journal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The request journal for administrators: every REST call with method, credential, parameters, status, duration
 * and answer (the portal feature records them, secrets masked), filtered and paged as {@code journal.list} is.
 */
public final class JournalPage {
  /** One row as the page shows it. */
  public record Row(Journal.Entry e, Desk.Person user) {
    public String credential() {
      return e.credentialKind() == null ? "" : e.credentialKind() + (e.credentialId() == null ? "" : " #" + e.credentialId());
    }

    public String duration() {
      return String.format(java.util.Locale.ROOT, "%.1f ms", e.durationMicros() / 1000.0);
    }

    public boolean failed() {
      return e.status() >= 400;
    }
  }

  /** The page: filters as given, one page of rows, paging. {@code off}: the journal is switched off. */
  public record Model(String method, Long user, String status, String error, List<Row> rows, long total, int start,
      int page, List<Desk.Person> people, boolean off) {
    /** This page's filters at another offset. */
    public String href(int at) {
      return "/console/admin/journal?method=" + enc(method) + "&user=" + (user == null ? "" : user) + "&status="
          + enc(status) + "&error=" + enc(error) + "&start=" + Math.max(0, at);
    }

    private static String enc(String s) {
      return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private final Console console;
  private final Supplier<Journal> journal;

  public JournalPage(Console console, Supplier<Journal> journal) {
    this.console = console;
    this.journal = journal;
  }

  public void register() {
    console.addSection(new Section("journal", "/console/admin/journal", "nav.journal", true));
    console.addRoutes(r -> r.get("/console/admin/journal", console.admin(this::show)));
  }

  private void show(Console.Ctx c) {
    Web.Form q = Web.query(c.req());
    String method = q.get("method").trim();
    Long user = q.id("user");
    Integer status = null;
    try {
      if (!q.get("status").isBlank()) status = Integer.parseInt(q.get("status").trim());
    } catch (NumberFormatException e) {
      status = -1; // matches nothing, as a filter on a status no call has
    }
    String error = q.get("error").trim();
    int start = Math.max(0, q.largest("start", 0, 1_000_000));
    Journal j;
    try {
      j = journal.get();
    } catch (RuntimeException off) {
      j = null;
    }
    List<Row> rows = List.of();
    long total = 0;
    if (j != null) {
      Journal.Page p = j.list(new Journal.Filter(method.isEmpty() ? null : method, user, status,
          error.isEmpty() ? null : error, null, null), start);
      Map<Long, Desk.Person> people = console.desk().persons(p.entries().stream().map(Journal.Entry::userId)
          .filter(u -> u != null).distinct().toList());
      rows = p.entries().stream().map(e -> new Row(e, e.userId() == null ? null : people.get(e.userId()))).toList();
      total = p.total();
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("f", console.frame(c, c.t().get("journal.title"), "journal", null, null));
    m.put("m", new Model(method, user, q.get("status").trim(), error, rows, total, start, Journal.PAGE,
        console.people(), j == null));
    console.render(c, 200, "journal.jte", m);
  }

  /** For the template: the time of an entry in the viewer's words. */
  public static String when(Texts t, Instant at) {
    return t.when(at);
  }
}
