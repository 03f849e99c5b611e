package dev.b24tasks.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
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
  private final Properties file;

  private ConfigDefaults(Properties file) {
    this.file = file;
  }

  public static ConfigDefaults from(String[] args) {
    String path = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--config") && i + 1 < args.length) path = args[i + 1];
      else if (args[i].startsWith("--config=")) path = args[i].substring("--config=".length());
    }
    if (path == null) path = System.getenv("B24_TASKS_CONFIG");
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
    return new ConfigDefaults(props);
  }

  @Override
  public String defaultValue(ArgSpec arg) {
    if (!(arg instanceof OptionSpec option)) return null;
    String name = option.longestName().replaceFirst("^-+", "");
    String env = System.getenv("B24_TASKS_" + name.toUpperCase(Locale.ROOT).replace('-', '_'));
    if (env != null && !env.isEmpty()) return env;
    return file.getProperty(name);
  }
}
