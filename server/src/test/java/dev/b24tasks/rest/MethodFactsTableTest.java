package dev.b24tasks.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.b24tasks.testing.TestServer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The method table of the whole server: a method named like a reader ({@code …get}, {@code …getlist},
 * {@code …list}, {@code …fields}, {@code …count}) is registered as one that only reads, unless it is one of the
 * few Bitrix readers' names that really write, listed here with the reason. A getter registered as a write is safe
 * but replayed from the reply store; one that writes registered as a read would be applied twice on a retry.
 */
class MethodFactsTableTest {
  @RegisterExtension static TestServer server = new TestServer();

  /** Methods named like readers that write, and what they write. */
  static final Map<String, String> WRITING_READERS = Map.of(
      "event.offline.get", "takes the events it returns out of the queue (clear=1, the default) or reserves them",
      "task.stages.get", "makes the default stages of a board the first time it is read");

  static final Set<String> READER_WORDS = Set.of("list", "count", "current", "time", "info", "search", "history");

  static boolean namedLikeReader(String name) {
    String last = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    return last.startsWith("get") || last.startsWith("is") || last.endsWith("fields") || READER_WORDS.contains(last);
  }

  @Test
  void every_method_named_like_a_reader_is_registered_as_reading() {
    List<String> writing = server.app().registry.methods().stream()
        .filter(m -> namedLikeReader(m.name()) && m.writes())
        .map(Method::name)
        .filter(n -> !WRITING_READERS.containsKey(n.toLowerCase(Locale.ROOT)))
        .sorted()
        .toList();
    assertThat(writing).as("registered as writes, but named like readers").isEmpty();
  }

  @Test
  void the_known_writing_readers_are_registered_and_write() {
    for (String n : WRITING_READERS.keySet()) {
      assertThat(server.app().registry.find(n)).as(n).hasValueSatisfying(m -> assertThat(m.writes()).isTrue());
    }
  }
}
