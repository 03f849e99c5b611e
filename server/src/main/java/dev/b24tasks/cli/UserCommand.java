package dev.b24tasks.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code b24-tasks user create}: a person of the portal, whom webhooks and tokens can act as;
 * {@code b24-tasks user password}: her password for the web console.
 */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Portal users.",
    subcommands = {UserCommand.Create.class, UserCommand.Password.class})
public final class UserCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a user and print its id.")
  static final class Create implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StoreOptions store = new StoreOptions();

    @Option(names = "--email", required = true, description = "E-mail address (also the login)")
    String email;

    @Option(names = "--name", description = "First name")
    String name = "";

    @Option(names = "--last-name", description = "Last name")
    String lastName = "";

    @Option(names = "--admin", description = "Make the user a portal administrator")
    boolean admin;

    @Override
    public Integer call() {
      if (!email.matches("[^@\\s]+@[^@\\s]+")) {
        throw new ParameterException(spec.commandLine(), "--email must look like name@example.com; got " + email);
      }
      return AdminStore.with(spec, store, s -> {
        long id = s.directory.createUser(email, name, lastName, admin);
        PrintWriter out = spec.commandLine().getOut();
        out.println("Created user " + id + (admin ? " (administrator)" : "") + ": " + email);
        out.flush();
        return 0;
      });
    }
  }

  @Command(name = "password", mixinStandardHelpOptions = true,
      description = "Set a user's web console password (read from standard input, or asked for on a terminal).")
  static final class Password implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StoreOptions store = new StoreOptions();

    @Option(names = "--id", description = "The user's id")
    Long id;

    @Option(names = "--email", description = "The user's e-mail address (instead of --id)")
    String email;

    @Override
    public Integer call() throws java.io.IOException {
      if ((id == null) == (email == null)) {
        throw new ParameterException(spec.commandLine(), "Name the user with --id or --email (one of them)");
      }
      String password = readPassword();
      java.util.Optional<String> problem = dev.b24tasks.console.Passwords.problem(password);
      if (problem.isPresent()) {
        throw new ParameterException(spec.commandLine(), problem.get().equals("password.tooShort")
            ? "The password needs at least " + dev.b24tasks.console.Passwords.MIN_LENGTH + " characters"
            : "The password is too long (" + dev.b24tasks.console.Passwords.MAX_BYTES + " bytes at most)");
      }
      return AdminStore.with(spec, store, s -> {
        Long user = id != null ? (s.directory.exists(id) ? id : null)
            : s.users().byEmail(email).map(dev.b24tasks.directory.User::id).orElse(null);
        if (user == null) {
          spec.commandLine().getErr().println("b24-tasks: no active user " + (id != null ? id : email));
          return 1;
        }
        new dev.b24tasks.console.Passwords(s.db, java.time.Clock.systemUTC()).set(user, password);
        PrintWriter out = spec.commandLine().getOut();
        out.println("Password set for user " + user + "; sign in at /console/ with the user's e-mail address.");
        out.flush();
        return 0;
      });
    }

    /** A console on a terminal (JDK 22+ also gives one when input is piped; {@code isTerminal} tells). */
    private static boolean interactive(java.io.Console c) {
      if (c == null) return false;
      try {
        return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(c);
      } catch (ReflectiveOperationException e) {
        return true; // JDK 21: a console exists only on a terminal
      }
    }

    private static String readPassword() throws java.io.IOException {
      java.io.Console terminal = System.console();
      if (interactive(terminal)) {
        char[] typed = terminal.readPassword("New password: ");
        return typed == null ? "" : new String(typed);
      }
      String line = new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
          java.nio.charset.StandardCharsets.UTF_8)).readLine();
      return line == null ? "" : line;
    }
  }
}
