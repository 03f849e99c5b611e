package dev.b24tasks.cli;

import dev.b24tasks.apps.AppService;
import dev.b24tasks.config.Settings;
import dev.b24tasks.rest.Json;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code b24-tasks app add|list|install|uninstall|delete}: local applications, as the portal's developer form
 * registers them (the same as the REST family {@code b24tasks.app.*}).
 */
@Command(name = "app", mixinStandardHelpOptions = true, description = "Local applications (OAuth 2.0 clients).",
    subcommands = {AppCommand.Add.class, AppCommand.ListApps.class, AppCommand.Install.class,
        AppCommand.Uninstall.class, AppCommand.Delete.class})
public final class AppCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Options every app subcommand shares: the store and where the server is reached (for event auth blocks). */
  static class Common {
    @Spec CommandSpec spec;
    @Mixin StoreOptions store = new StoreOptions();

    @Option(names = "--base-url", description = "Server address given to apps as client_endpoint. Default: ${DEFAULT-VALUE}")
    String baseUrl = "http://127.0.0.1:8080";

    int withApps(Function<AppService, Integer> body) {
      return withApps(null, body);
    }

    /** Runs {@code body} on the store; {@code actingUser} (the administrator saving) must exist when given. */
    int withApps(Long actingUser, Function<AppService, Integer> body) {
      return AdminStore.with(spec, store, s -> {
        if (actingUser != null) s.requireUser(spec, actingUser);
        String origin = baseUrl.replaceAll("/+$", "");
        AppService apps = new AppService(s.db, Clock.systemUTC(), new Settings(), s.auth, () -> origin);
        return body.apply(apps);
      });
    }

    void print(Object value) {
      PrintWriter out = spec.commandLine().getOut();
      out.println(new String(Json.write(value), StandardCharsets.UTF_8));
      out.flush();
    }
  }

  @Command(name = "add", mixinStandardHelpOptions = true,
      description = "Register an app; prints {ID, CLIENT_ID, CLIENT_SECRET} (the secret is shown this once).")
  static final class Add extends Common implements Callable<Integer> {
    @Option(names = "--name", required = true, description = "Application name")
    String name;

    @Option(names = "--handler", required = true, description = "Handler path (also the OAuth redirect_uri)")
    String handler;

    @Option(names = "--install", description = "Initial installation path (ONAPPINSTALL goes there for API-only apps)")
    String install;

    @Option(names = "--scopes", required = true, description = "Comma-separated permissions, e.g. task,user; or all")
    String scopes;

    @Option(names = "--api-only", description = "Y: uses the API only (no interface); N: has an interface. Default: ${DEFAULT-VALUE}")
    String apiOnly = "Y";

    @Option(names = "--admin", description = "The administrator saving the form (ONAPPINSTALL's tokens are theirs). Default: ${DEFAULT-VALUE}")
    long admin = 1;

    @Override
    public Integer call() {
      List<String> scopeList = AdminStore.scopes(spec, scopes).stream().filter(s -> !s.equals("b24tasks")
          && !s.equals("basic")).toList();
      if (scopeList.isEmpty()) throw new ParameterException(spec.commandLine(), "--scopes names no app permission");
      if (!apiOnly.equalsIgnoreCase("Y") && !apiOnly.equalsIgnoreCase("N")) {
        throw new ParameterException(spec.commandLine(), "--api-only must be Y or N");
      }
      for (String url : install == null ? List.of(handler) : List.of(handler, install)) {
        if (!url.matches("(?i)https?://[^/\\s]+.*")) {
          throw new ParameterException(spec.commandLine(), "Not an http(s) URL: " + url);
        }
      }
      return withApps(admin, apps -> {
        AppService.Registered r = apps.register(admin, new AppService.Form(name.trim(), handler.trim(),
            install == null || install.isBlank() ? null : install.trim(), scopeList, apiOnly.equalsIgnoreCase("Y")));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ID", r.app().id());
        out.put("CLIENT_ID", r.app().clientId());
        out.put("CLIENT_SECRET", r.clientSecret());
        print(out);
        try {
          apps.awaitNotices(Duration.ofSeconds(15));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return 0;
      });
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List apps (secrets are stored hashed).")
  static final class ListApps extends Common implements Callable<Integer> {
    @Override
    public Integer call() {
      return withApps(apps -> {
        print(apps.describe());
        return 0;
      });
    }
  }

  @Command(name = "install", mixinStandardHelpOptions = true,
      description = "Finish installing an app with an interface, or reinstall an uninstalled one.")
  static final class Install extends Common implements Callable<Integer> {
    @Option(names = "--id", required = true, description = "The app's ID")
    long id;

    @Option(names = "--admin", description = "The administrator installing it. Default: ${DEFAULT-VALUE}")
    long admin = 1;

    @Override
    public Integer call() {
      return withApps(admin, apps -> {
        if (apps.app(id).isEmpty()) throw new ParameterException(spec.commandLine(), "No app " + id);
        print(apps.install(id, admin));
        return 0;
      });
    }
  }

  @Command(name = "uninstall", mixinStandardHelpOptions = true,
      description = "Uninstall an app: its tokens and options go, the registration stays.")
  static final class Uninstall extends Common implements Callable<Integer> {
    @Option(names = "--id", required = true, description = "The app's ID")
    long id;

    @Override
    public Integer call() {
      return withApps(apps -> {
        if (apps.app(id).isEmpty()) throw new ParameterException(spec.commandLine(), "No app " + id);
        print(apps.uninstall(id));
        return 0;
      });
    }
  }

  @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete an app (uninstalled first).")
  static final class Delete extends Common implements Callable<Integer> {
    @Option(names = "--id", required = true, description = "The app's ID")
    long id;

    @Override
    public Integer call() {
      return withApps(apps -> {
        if (!apps.delete(id)) throw new ParameterException(spec.commandLine(), "No app " + id);
        print(true);
        return 0;
      });
    }
  }
}
