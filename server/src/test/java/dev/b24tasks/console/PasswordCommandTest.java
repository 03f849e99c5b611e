package dev.b24tasks.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.b24tasks.App;
import dev.b24tasks.cli.Main;
import dev.b24tasks.config.Settings;
import dev.b24tasks.testing.TestPostgres;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code b24-tasks user password} sets the password a server on the same store then signs in with; that server's
 * {@code --language ru} is the console's language.
 */
class PasswordCommandTest {
  record Run(int exit, String out, String err) {}

  static Run run(String stdin, String... args) {
    InputStream before = System.in;
    System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    try {
      CommandLine cli = new CommandLine(new Main());
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      cli.setOut(new PrintWriter(out, true));
      cli.setErr(new PrintWriter(err, true));
      int exit = cli.execute(args);
      return new Run(exit, out.toString(), err.toString());
    } finally {
      System.setIn(before);
    }
  }

  @Test
  void setsAPasswordTheConsoleAccepts() throws Exception {
    String url = TestPostgres.newDatabase();
    try {
      assertThat(run("", "user", "create", "--email", "Mia@Example.com", "--name", "Mia", "--database", url).exit())
          .isZero();
      Run tooShort = run("short\n", "user", "password", "--email", "mia@example.com", "--database", url);
      assertThat(tooShort.exit()).isNotZero();
      assertThat(tooShort.err()).contains("at least 8 characters");
      assertThat(run("a long password\n", "user", "password", "--email", "nobody@example.com", "--database", url)
          .err()).contains("no active user nobody@example.com");
      Run ok = run("a long password\n", "user", "password", "--email", "mia@example.com", "--database", url);
      assertThat(ok.exit()).as(ok.err()).isZero();
      assertThat(ok.out()).contains("Password set for user 1");

      Settings s = new Settings();
      s.dataDir = Files.createTempDirectory("b24-tasks-console-cli");
      s.databaseUrl = url;
      s.port = 0;
      s.tlsPort = -1;
      s.announce = false;
      s.language = "ru";
      try (App app = App.start(s)) {
        ConsoleClient b = new ConsoleClient("http://127.0.0.1:" + app.port());
        // the server's --language is the console's default
        assertThat(b.get("/console/signin").body()).contains("<h1>Вход</h1>").contains("lang=\"ru\"");
        assertThat(b.signIn("MIA@example.com", "a long password").statusCode()).isEqualTo(303);
        assertThat(b.get("/console/board").body()).contains("Mia").contains("Новая задача");
        // she has a password: the start prints no one-time link for her
        assertThat(app.adminSignInLink()).isNull();
      }
    } finally {
      TestPostgres.dropDatabase(url);
    }
  }
}
