package dev.b24tasks.cli;

import dev.b24tasks.auth.AuthStore;
import dev.b24tasks.auth.Scopes;
import dev.b24tasks.config.Settings;
import dev.b24tasks.directory.Departments;
import dev.b24tasks.directory.Directory;
import dev.b24tasks.directory.Users;
import dev.b24tasks.directory.Workgroups;
import dev.b24tasks.events.OutgoingWebhooks;
import dev.b24tasks.store.Database;
import dev.b24tasks.tasks.TaskService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The one way a command gets at the portal: the store it opened, the portal's clock (the one a running server
 * shares through the store), and the services built on them as {@code App} builds them; plus the argument checks
 * those commands share.
 */
final class AdminStore implements AutoCloseable {
  final Database db;
  final Settings settings;
  final Clock clock;
  final AuthStore auth;
  final Directory directory;

  private AdminStore(Database db, Settings settings) {
    this.db = db;
    this.settings = settings;
    this.clock = dev.b24tasks.portal.Portal.clockOf(db);
    this.auth = new AuthStore(db, clock);
    this.directory = new Directory(db, settings.timeZone);
  }

  Users users() {
    return new Users(db);
  }

  Departments departments() {
    return new Departments(db);
  }

  Workgroups workgroups() {
    return new Workgroups(db, clock);
  }

  TaskService tasks() {
    return new TaskService(db, directory, clock, settings);
  }

  OutgoingWebhooks outgoing() {
    return new OutgoingWebhooks(db, clock);
  }

  /** Runs {@code body} on the store, or explains in one line why the store cannot be opened. */
  static int with(CommandSpec spec, StoreOptions options, Function<AdminStore, Integer> body) {
    return with(spec, options, s -> {}, body);
  }

  /** The same with settings of the command's own ({@code tweak}: the portal's time zone, say). */
  static int with(CommandSpec spec, StoreOptions options, Consumer<Settings> tweak,
      Function<AdminStore, Integer> body) {
    Settings s = options.applyTo(new Settings());
    s.databasePoolSize = 2;
    tweak.accept(s);
    Database db;
    try {
      db = Database.open(s);
    } catch (RuntimeException e) {
      spec.commandLine().getErr().println("b24-tasks: cannot open the store: " + e.getMessage()
          + (s.databaseUrl == null ? "\nThe embedded PostgreSQL in " + s.dataDir.resolve("pg") + " can be opened by one "
              + "process at a time: stop the server first, or run both against --database." : ""));
      return 1;
    }
    try (AdminStore store = new AdminStore(db, s)) {
      return body.apply(store);
    }
  }

  /** Refuses a user id that is not in the portal, so a credential never points at nobody. */
  void requireUser(CommandSpec spec, long userId) {
    if (!directory.exists(userId)) {
      throw new ParameterException(spec.commandLine(), "User " + userId + " does not exist; make one with "
          + "`b24-tasks user create --email ...`");
    }
  }

  /** "task,user" (or "all") as scopes this server knows. */
  static List<String> scopes(CommandSpec spec, String list) {
    Set<String> out = new LinkedHashSet<>();
    for (String raw : list.split("[,\\s]+")) {
      String scope = raw.trim().toLowerCase(Locale.ROOT);
      if (scope.isEmpty()) continue;
      if (scope.equals("all") || scope.equals("*")) {
        out.addAll(Scopes.ALL);
      } else if (Scopes.ALL.contains(scope) || scope.equals("basic")) {
        out.add(scope);
      } else {
        throw new ParameterException(spec.commandLine(), "Unknown scope '" + raw.trim() + "'; known: "
            + String.join(", ", Scopes.ALL) + " (or all)");
      }
    }
    if (out.isEmpty()) throw new ParameterException(spec.commandLine(), "--scopes names no scope");
    return new ArrayList<>(out);
  }

  /** ISO-8601 instant, date-time with offset, or a date (midnight UTC). */
  static Instant instant(CommandSpec spec, String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException e2) {
        throw new ParameterException(spec.commandLine(),
            "--expires must be ISO-8601, e.g. 2027-01-31T18:00:00Z or 2027-01-31; got " + text);
      }
    }
  }

  @Override
  public void close() {
    db.close();
  }
}
