package dev.b24tasks.cli;

import dev.b24tasks.auth.AuthStore;
import dev.b24tasks.auth.Scopes;
import dev.b24tasks.directory.Departments;
import dev.b24tasks.directory.Directory;
import dev.b24tasks.directory.Users;
import dev.b24tasks.directory.Workgroups;
import dev.b24tasks.ops.DemoCompany;
import dev.b24tasks.store.Database;
import dev.b24tasks.tasks.TaskService;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code b24-tasks seed demo}: a small company to try clients against: departments with heads, a dozen people,
 * two workgroups and tasks in every status, then the webhook URLs of a few of them. Runs on a stopped server's
 * store (the embedded PostgreSQL is one process at a time) or on a shared external one.
 */
@Command(name = "seed", mixinStandardHelpOptions = true,
    description = "Fill the portal with sample data. The only data set: demo.")
public final class SeedCommand implements Callable<Integer> {
  private static final String DOMAIN = DemoCompany.DOMAIN;

  @Spec CommandSpec spec;
  @Mixin StoreOptions store = new StoreOptions();

  @Parameters(index = "0", description = "What to seed: demo")
  String what;

  @Option(names = "--url", description = "Base URL the printed webhooks start with. Default: ${DEFAULT-VALUE}")
  String url = "http://127.0.0.1:8080";

  @Option(names = "--time-zone", description = "Portal time zone of the tasks' dates. Default: the machine's")
  ZoneId timeZone = ZoneId.systemDefault();

  private Database db;
  private Users users;
  private Departments departments;
  private Workgroups groups;
  private TaskService tasks;
  private Clock clock;
  private final Map<String, Long> people = new LinkedHashMap<>();

  @Override
  public Integer call() {
    if (!"demo".equals(what)) throw new ParameterException(spec.commandLine(), "Unknown data set '" + what + "'; known: demo");
    return AdminStore.with(spec, store, settings -> settings.timeZone = timeZone, portal -> {
      db = portal.db;
      Directory directory = portal.directory;
      users = portal.users();
      departments = portal.departments();
      clock = portal.clock;
      groups = portal.workgroups();
      tasks = portal.tasks();
      PrintWriter out = spec.commandLine().getOut();
      Optional<Map<String, Long>> made =
          new DemoCompany(db, directory, users, departments, groups, tasks, clock, timeZone).seed();
      if (made.isEmpty()) {
        out.println("The demo organisation is already there (users @" + DOMAIN.substring(1) + "); nothing changed.");
        out.flush();
        return 1;
      }
      people.putAll(made.get());
      report(out, new AuthStore(db, clock), people.containsKey("admin"));
      return 0;
    });
  }

  private void report(PrintWriter out, AuthStore auth, boolean newPortal) {
    out.println("Seeded the demo organisation: 5 departments, " + (people.size() - (newPortal ? 1 : 0)) + " people, 2 workgroups, 8 tasks.");
    out.println("Webhooks (every scope) of a few of them; the server must run at " + url + ":");
    for (String key : newPortal ? List.of("admin", "helen", "olga", "maria", "daniel", "liam")
        : List.of("helen", "olga", "maria", "daniel", "liam")) {
      String code = auth.createWebhook(people.get(key), Scopes.ALL, null, null, "seed demo");
      out.printf("  %-7s user %-3d %s/rest/%d/%s/%n", key, people.get(key), url, people.get(key), code);
    }
    out.flush();
  }
}
