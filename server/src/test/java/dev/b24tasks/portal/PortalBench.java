package dev.b24tasks.portal;

import dev.b24tasks.App;
import dev.b24tasks.config.Settings;
import dev.b24tasks.rest.GatewayHook;
import dev.b24tasks.testing.RestClient;
import dev.b24tasks.testing.TestPostgres;
import dev.b24tasks.testing.TestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * What the portal controls cost: a snapshot restore of a 1,000-task portal (embedded store, table copies in one
 * transaction; external PostgreSQL, the same and a template-database copy for comparison), and the request
 * journal's (and the whole portal hook's) cost per call. Prints timings, asserts nothing. Run:
 * {@code ./mvnw -B -q -pl server test -Dtest=PortalBench -Dsurefire.failIfNoSpecifiedTests=false -Dbench=true}.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class PortalBench {
  private static Settings settings(String databaseUrl) {
    Settings s = TestServer.nodeSettings(databaseUrl);
    s.databasePoolSize = 8;
    return s;
  }

  private static RestClient admin(App app) {
    return new RestClient("http://127.0.0.1:" + app.port(), 1, TestServer.ADMIN_CODE);
  }

  /** 1,000 tasks, in batches of 50, each with its history, members and the creator's view. */
  private static void seed(App app) {
    RestClient admin = admin(app);
    for (int b = 0; b < 20; b++) {
      Map<String, Object> cmd = new LinkedHashMap<>();
      for (int i = 0; i < 50; i++) {
        cmd.put("t" + i, "tasks.task.add?fields[TITLE]=Task%20" + (b * 50 + i) + "&fields[RESPONSIBLE_ID]=1"
            + "&fields[DEADLINE]=2030-01-01T10:00:00Z&fields[AUDITORS][]=1");
      }
      admin.call("batch", Map.of("halt", 0, "cmd", cmd));
    }
  }

  private static String stats(long[] nanos) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    return String.format("median %.1f ms, p90 %.1f ms, min %.1f ms (n=%d)", s[s.length / 2] / 1e6,
        s[(int) (s.length * 0.9)] / 1e6, s[0] / 1e6, s.length);
  }

  private static long[] restores(App app, int n) {
    RestClient admin = admin(app);
    admin.call("b24tasks.snapshot.save", Map.of("NAME", "bench"));
    long[] t = new long[n];
    for (int i = 0; i < n + 3; i++) {
      admin.call("tasks.task.add", Map.of("fields", Map.of("TITLE", "dirt", "RESPONSIBLE_ID", 1)));
      long t0 = System.nanoTime();
      ((Portal) portalOf(app)).snapshots().restore("bench");
      if (i >= 3) t[i - 3] = System.nanoTime() - t0;
    }
    return t;
  }

  private static Object portalOf(App app) {
    return PORTALS.get(app);
  }

  private static final Map<App, Portal> PORTALS = new java.util.concurrent.ConcurrentHashMap<>();

  private static App start(Settings s) {
    App app = App.start(s);
    // a second handle on the same shared state, for timing the restore without HTTP around it
    PortalClock clock = new PortalClock(s.clock);
    PORTALS.put(app, Portal.open(app.db, clock, null, Portal.JournalOptions.DEFAULT, "bench"));
    return app;
  }

  @Test
  void restore_on_the_embedded_store() throws Exception {
    try (App app = start(settings(null))) {
      seed(app);
      System.out.println("[bench] embedded store, 1,000 tasks, restore (table copies in one transaction): "
          + stats(restores(app, 20)));
    }
  }

  @Test
  void restore_on_external_postgres_table_copy_against_template_database() throws Exception {
    String url = TestPostgres.newDatabase();
    String name = url.replaceAll("^.*/([^/?]+)(\\?.*)?$", "$1");
    try (App app = start(settings(url))) {
      seed(app);
      System.out.println("[bench] external PostgreSQL, 1,000 tasks, restore (table copies in one transaction): "
          + stats(restores(app, 20)));
    }
    // A template copy needs no other session on the source, so the server must be stopped first; "restore" is then
    // DROP DATABASE of the live one and CREATE DATABASE … TEMPLATE the saved one.
    try (Connection c = DriverManager.getConnection(TestPostgres.adminUrl()); Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name + "_tpl TEMPLATE " + name);
      for (String strategy : List.of("WAL_LOG", "FILE_COPY")) {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          long t0 = System.nanoTime();
          st.execute("DROP DATABASE IF EXISTS " + name + "_live");
          st.execute("CREATE DATABASE " + name + "_live TEMPLATE " + name + "_tpl STRATEGY " + strategy);
          times.add(System.nanoTime() - t0);
        }
        System.out.println("[bench] external PostgreSQL, 1,000 tasks, restore by DROP + CREATE DATABASE TEMPLATE ("
            + strategy + "): " + stats(times.stream().mapToLong(Long::longValue).toArray()));
      }
      st.execute("DROP DATABASE IF EXISTS " + name + "_live");
      st.execute("DROP DATABASE IF EXISTS " + name + "_tpl");
    } finally {
      TestPostgres.dropDatabase(url);
    }
  }

  @Test
  void journal_and_portal_hook_cost_per_call() throws Exception {
    String url = TestPostgres.newDatabase();
    try (App app = start(settings(url))) {
      RestClient admin = admin(app);
      long task = admin.call("tasks.task.add", Map.of("fields", Map.of("TITLE", "read me", "RESPONSIBLE_ID", 1)))
          .result().get("task").get("id").asLong();
      GatewayHook withJournal = hookOf(app);
      Settings off = settings(url);
      off.journal = false;
      Portal noJournal = Portal.open(app.db, new PortalClock(off.clock), null,
          new Portal.JournalOptions(false, 0, java.time.Duration.ZERO), "bench");
      Map<String, GatewayHook> hooks = new LinkedHashMap<>();
      hooks.put("no portal hook", GatewayHook.NONE);
      noJournal.attach(app.gateway);
      hooks.put("portal hook, journal off", hookOf(app));
      hooks.put("portal hook, journal on", withJournal);
      for (String method : List.of("server.time", "tasks.task.get")) {
        Map<String, List<Long>> perCall = new LinkedHashMap<>();
        for (int round = 0; round < 6; round++) {
          for (var h : hooks.entrySet()) {
            app.gateway.hook(h.getValue());
            int n = 400;
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) admin.call(method, Map.of("taskId", task));
            if (round > 0) perCall.computeIfAbsent(h.getKey(), k -> new ArrayList<>()).add((System.nanoTime() - t0) / n);
          }
        }
        perCall.forEach((k, v) -> System.out.println("[bench] " + method + ", " + k + ": "
            + stats(v.stream().mapToLong(Long::longValue).toArray()).replace(" ms", " ms/call")));
      }
      app.gateway.hook(withJournal);
    } finally {
      TestPostgres.dropDatabase(url);
    }
  }

  private static GatewayHook hookOf(App app) throws Exception {
    var f = app.gateway.getClass().getDeclaredField("hook");
    f.setAccessible(true);
    return (GatewayHook) f.get(app.gateway);
  }
}
