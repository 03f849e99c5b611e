package dev.b24tasks.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.Properties;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Where an option not given on the command line comes from: the environment ({@code --tls-port} is
 * {@code B24_TASKS_TLS_PORT}), then the config file ({@code tls-port=8443} in the file named by {@code --config},
 * {@code B24_TASKS_CONFIG}, or {@code ./b24-tasks.properties}), then the built-in default.
 */
public final class ConfigDefaults implements IDefaultValueProvider {
  private static final Set<String> SHARED =
      Set.of("data", "database", "database-user", "database-password", "base-url");

  private final Properties file;
  private final Map<String, String> env;

  private ConfigDefaults(Properties file, Map<String, String> env) {
    this.file = file;
    this.env = env;
  }

  public static ConfigDefaults from(String[] args) {
    return from(args, System.getenv());
  }

  /** As {@link #from(String[])} with the environment given, so the precedence can be tested in one JVM. */
  public static ConfigDefaults from(String[] args, Map<String, String> env) {
    String path = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--config") && i + 1 < args.length) path = args[i + 1];
      else if (args[i].startsWith("--config=")) path = args[i].substring("--config=".length());
    }
    if (path == null) path = env.get("B24_TASKS_CONFIG");
    Path p = Path.of(path == null ? "b24-tasks.properties" : path);
    Properties props = new Properties();
    if (Files.isRegularFile(p)) {
      try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
        props.load(r);
      } catch (IOException e) {
        throw new IllegalArgumentException("Cannot read the config file " + p + ": " + e.getMessage(), e);
      }
    } else if (path != null) {
      throw new IllegalArgumentException("The config file " + p + " does not exist");
    }
    return new ConfigDefaults(props, env);
  }

  @Override
  public String defaultValue(ArgSpec arg) {
    if (!(arg instanceof OptionSpec option) || option.usageHelp() || option.versionHelp()) return null;
    String name = option.longestName().replaceFirst("^-+", "");
    // Every serve option has a default here; of the administrative commands only where the store is, so
    // that an environment meant for the server never silently picks a webhook's user or scopes.
    boolean serve = option.command() != null && "serve".equals(option.command().name());
    if (!serve && !SHARED.contains(name)) return null;
    String fromEnv = env.get("B24_TASKS_" + name.toUpperCase(Locale.ROOT).replace('-', '_'));
    if (fromEnv != null && !fromEnv.isEmpty()) return fromEnv;
    return file.getProperty(name);
  }
}
