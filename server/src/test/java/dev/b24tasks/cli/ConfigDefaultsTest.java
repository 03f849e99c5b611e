package dev.b24tasks.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Where serve's options come from: the command line, then B24_TASKS_* variables, then the config file. */
class ConfigDefaultsTest {
  @TempDir Path dir;

  private ServeCommand parse(Map<String, String> env, String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setDefaultValueProvider(ConfigDefaults.from(args, env));
    CommandLine.ParseResult result = cli.parseArgs(args);
    return (ServeCommand) result.subcommand().commandSpec().userObject();
  }

  private Path file(String text) throws Exception {
    Path f = dir.resolve("b24.properties");
    Files.writeString(f, text);
    return f;
  }

  @Test
  void the_command_line_beats_the_environment_which_beats_the_file() throws Exception {
    Path f = file("port=9090\ntls-port=9443\nlanguage=ru\noperating-limit=480\nmax-body-bytes=1000\n"
        + "data=/srv/file-data\nrate-limit=enterprise\n");
    ServeCommand serve = parse(Map.of("B24_TASKS_TLS_PORT", "7443", "B24_TASKS_PORT", "7000",
        "B24_TASKS_RATE_LIMIT", "off"), "serve", "--config", f.toString(), "--port", "7070");
    assertThat(serve.port).as("CLI over env and file").isEqualTo(7070);
    assertThat(serve.tlsPort).as("env over file").isEqualTo(7443);
    assertThat(serve.rateLimit).as("env over file").isEqualTo("off");
    assertThat(serve.language).as("file").isEqualTo("ru");
    assertThat(serve.operatingLimit).isEqualTo(480.0);
    assertThat(serve.maxBodyBytes).isEqualTo(1000L);
    assertThat(serve.store.data).as("shared store options come from the file too").isEqualTo(Path.of("/srv/file-data"));
    assertThat(serve.host).as("built-in default").isEqualTo("127.0.0.1");

    var settings = serve.settings();
    assertThat(settings.port).isEqualTo(7070);
    assertThat(settings.tlsPort).isEqualTo(7443);
    assertThat(settings.language).isEqualTo("ru");
    assertThat(settings.rateLimit).isEqualTo("off");
    assertThat(settings.operatingLimitSeconds).isEqualTo(480.0);
    assertThat(settings.maxBodyBytes).isEqualTo(1000L);
    assertThat(settings.dataDir).isEqualTo(Path.of("/srv/file-data"));
  }

  @Test
  void the_config_file_may_be_named_by_the_environment_and_a_missing_named_file_is_an_error() throws Exception {
    Path f = file("tls-port=-1\n");
    ServeCommand serve = parse(Map.of("B24_TASKS_CONFIG", f.toString()), "serve");
    assertThat(serve.tlsPort).isEqualTo(-1);
    assertThatThrownBy(() -> ConfigDefaults.from(new String[] {"serve", "--config", dir.resolve("nope").toString()},
        Map.of())).hasMessageContaining("does not exist");
  }

  @Test
  void administrative_commands_take_only_the_store_from_the_environment() {
    Map<String, String> env = Map.of("B24_TASKS_DATABASE", "jdbc:postgresql://h/db", "B24_TASKS_CODE", "from-env");
    String[] args = {"webhook", "create", "--scopes", "task", "--user", "3"};
    CommandLine cli = new CommandLine(new Main());
    cli.setDefaultValueProvider(ConfigDefaults.from(args, env));
    CommandLine.ParseResult r = cli.parseArgs(args);
    WebhookCommand.Create create = (WebhookCommand.Create) r.subcommand().subcommand().commandSpec().userObject();
    assertThat(create.store.database).isEqualTo("jdbc:postgresql://h/db");
    assertThat(create.user).isEqualTo(3);

    assertThat(create.code).as("B24_TASKS_CODE must not choose a webhook's secret").isNull();
  }
}
