package dev.b24tasks.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.b24tasks.client.tasks.Task;
import dev.b24tasks.client.tasks.TaskQuery;
import dev.b24tasks.client.tasks.TaskStatus;
import dev.b24tasks.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The README's example runs against a real server, and the README shows exactly its code. */
class ReadmeExampleTest {
  @RegisterExtension static TestServer server = new TestServer();

  @Test
  void theExampleRuns() {
    PrintStream out = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      ReadmeExample.run(Servers.webhookUrl(server));
    } finally {
      System.setOut(out);
    }
    try (Bitrix24 b24 = Servers.admin(server)) {
      List<Task> tasks = b24.tasks().list(TaskQuery.create()).tasks();
      assertThat(tasks).singleElement().satisfies(t -> {
        assertThat(t.title()).isEqualTo("Call the supplier");
        assertThat(t.status()).isEqualTo(TaskStatus.IN_PROGRESS);
      });
      assertThat(b24.tasks().checklist().list(tasks.get(0).id())).hasSize(2); // the checklist and its item
      assertThat(printed.toString(StandardCharsets.UTF_8).trim())
          .isEqualTo(tasks.get(0).id() + " IN_PROGRESS Call the supplier");
    }
  }

  @Test
  void theReadmeShowsTheCompiledCode() throws IOException {
    String source = Files.readString(Path.of("src/test/java/dev/b24tasks/client/ReadmeExample.java"));
    String block = source.substring(source.indexOf("// README:begin") + 15, source.indexOf("// README:end"));
    String readme = Files.readString(Path.of("../README.md"));
    assertThat(normalized(readme)).contains(normalized(block));
  }

  private static String normalized(String text) {
    return Arrays.stream(text.split("\n")).map(String::strip).filter(l -> !l.isEmpty())
        .collect(Collectors.joining("\n"));
  }
}
