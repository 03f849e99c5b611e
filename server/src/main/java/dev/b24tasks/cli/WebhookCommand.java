package dev.b24tasks.cli;

import dev.b24tasks.auth.AuthStore;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code b24-tasks webhook create|list}: inbound webhooks, as on Bitrix24's "Developer resources" page. */
@Command(name = "webhook", mixinStandardHelpOptions = true, description = "Inbound webhooks.",
    subcommands = {WebhookCommand.Create.class, WebhookCommand.ListWebhooks.class})
public final class WebhookCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "create", mixinStandardHelpOptions = true,
      description = "Create a webhook and print its URL (the code is shown this once).")
  static final class Create implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StoreOptions store = new StoreOptions();

    @Option(names = "--user", required = true, description = "The user every call of the webhook runs as")
    long user;

    @Option(names = "--scopes", required = true, description = "Comma-separated scopes, e.g. task,user; or all")
    String scopes;

    @Option(names = "--code", description = "The secret code; default: 16 random letters and digits")
    String code;

    @Option(names = "--expires", description = "Expiry, ISO-8601 (e.g. 2027-01-31T18:00:00Z); default: never")
    String expires;

    @Option(names = "--title", description = "A note saying what the webhook is for")
    String title;

    @Option(names = "--base-url", description = "Server address shown in the URL. Default: ${DEFAULT-VALUE}")
    String baseUrl = "http://127.0.0.1:8080";

    @Override
    public Integer call() {
      var scopeList = AdminStore.scopes(spec, scopes);
      Instant expiresAt = expires == null ? null : AdminStore.instant(spec, expires);
      if (code != null && !code.matches("[A-Za-z0-9_-]{8,64}")) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
            "--code must be 8-64 letters, digits, '-' or '_'");
      }
      return AdminStore.with(spec, store, s -> {
        s.requireUser(spec, user);
        if (code != null && s.auth.webhookExists(user, code)) {
          throw new picocli.CommandLine.ParameterException(spec.commandLine(),
              "User " + user + " already has a webhook with this code");
        }
        String made = s.auth.createWebhook(user, scopeList, code, expiresAt, title == null ? "cli" : title);
        PrintWriter out = spec.commandLine().getOut();
        out.println("Webhook to call REST API (user " + user + ", scopes " + String.join(",", scopeList)
            + (expiresAt == null ? "" : ", expires " + expiresAt) + "):");
        out.println(baseUrl.replaceAll("/+$", "") + "/rest/" + user + "/" + made + "/");
        out.flush();
        return 0;
      });
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "List webhooks (codes are stored hashed and cannot be shown).")
  static final class ListWebhooks implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StoreOptions store = new StoreOptions();

    @Option(names = "--user", description = "Only this user's webhooks")
    Long user;

    @Override
    public Integer call() {
      return AdminStore.with(spec, store, s -> {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-6s %-6s %-40s %-22s %s%n", "ID", "USER", "SCOPES", "EXPIRES", "TITLE");
        for (AuthStore.Webhook w : s.auth.webhooks(user)) {
          out.printf("%-6d %-6d %-40s %-22s %s%n", w.id(), w.userId(), String.join(",", w.scopes()),
              w.expiresAt() == null ? "never" : w.expiresAt().toString(), w.title() == null ? "" : w.title());
        }
        out.flush();
        return 0;
      });
    }
  }
}
