package dev.b24tasks.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.b24tasks.client.tasks.Task;
import dev.b24tasks.client.tasks.TaskFields;
import dev.b24tasks.client.tasks.TaskQuery;
import dev.b24tasks.client.tasks.TaskQuery.Op;
import dev.b24tasks.testing.TestServer;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Answers lost on the way back (the server did the work, the connection closed): writes are sent again with the
 * same {@code bx24_request_id} and applied once, because the server replays its stored answer.
 */
class ClientLostAnswerTest {
  @RegisterExtension static TestServer server = new TestServer();
  static LossyProxy wire;
  static Bitrix24 direct;

  @BeforeAll
  static void proxy() throws IOException {
    wire = new LossyProxy(server.app().port());
    direct = Servers.admin(server);
  }

  @AfterAll
  static void close() throws IOException {
    direct.close();
    wire.close();
  }

  static Bitrix24 viaWire(boolean retryLostWrites) {
    return Bitrix24.builder().webhook(wire.baseUrl() + "/rest/1/" + TestServer.ADMIN_CODE + "/")
        .rateLimit(RateLimit.OFF).retryLostWrites(retryLostWrites).sleeper(d -> {}).build();
  }

  /** Drops the answer of the first request containing {@code text}. */
  static void dropFirst(String text) {
    AtomicBoolean done = new AtomicBoolean();
    Predicate<String> rule = r -> r.contains(text) && done.compareAndSet(false, true);
    wire.dropAnswersOf(rule);
  }

  static long countTitled(String title) {
    return direct.tasks().list(TaskQuery.create().where("TITLE", Op.LIKE, title)).total();
  }

  static List<String> sentWith(String text) {
    return wire.requests().stream().filter(r -> r.contains(text)).toList();
  }

  static String requestId(String request) {
    Matcher m = Pattern.compile("bx24_request_id=([0-9a-f-]+)").matcher(request);
    return m.find() ? m.group(1) : null;
  }

  @Test
  void aWriteWhoseAnswerWasLostIsAppliedOnce() {
    String title = "lost-once-" + System.nanoTime();
    dropFirst(title);
    try (Bitrix24 b24 = viaWire(true)) {
      Task t = b24.tasks().add(TaskFields.create().title(title).responsibleId(1));
      assertThat(wire.dropped()).isPositive();
      List<String> sent = sentWith(title);
      assertThat(sent).hasSize(2);
      assertThat(requestId(sent.get(0))).isNotNull().isEqualTo(requestId(sent.get(1)));
      assertThat(countTitled(title)).as("one task, though the add went twice").isEqualTo(1);
      assertThat(direct.tasks().get(t.id()).orElseThrow().title()).isEqualTo(title);
      assertThat(b24.stats().retries()).isEqualTo(1);
    }
  }

  @Test
  void aRestV3WriteWhoseAnswerWasLostIsAppliedOnceByItsIdempotencyKey() {
    String title = "lost-v3-" + System.nanoTime();
    dropFirst(title);
    try (Bitrix24 b24 = viaWire(true)) {
      var item = b24.tasks().v3().add(Map.of("title", title, "creatorId", 1, "responsibleId", 1));
      List<String> sent = sentWith(title);
      assertThat(sent).hasSize(2);
      Matcher first = Pattern.compile("(?i)idempotency-key: ([0-9a-f-]+)").matcher(sent.get(0));
      assertThat(first.find()).isTrue();
      assertThat(sent.get(1)).containsIgnoringCase("idempotency-key: " + first.group(1));
      assertThat(countTitled(title)).isEqualTo(1);
      assertThat(item.title()).isEqualTo(title);
    }
  }

  @Test
  void withoutLostWriteRetriesTheLossIsReported() {
    String title = "lost-reported-" + System.nanoTime();
    dropFirst(title);
    try (Bitrix24 b24 = viaWire(false)) {
      assertThatThrownBy(() -> b24.tasks().add(TaskFields.create().title(title).responsibleId(1)))
          .isInstanceOfSatisfying(TransportException.class, e -> {
            assertThat(e.code()).isEqualTo("NETWORK_ERROR");
            assertThat(e.httpStatus()).isZero();
          });
      assertThat(sentWith(title)).hasSize(1);
      assertThat(countTitled(title)).as("the server did the write").isEqualTo(1);
    }
  }

  @Test
  void readsAreRetriedEvenWithoutLostWriteRetries() {
    Task t = direct.tasks().add(TaskFields.create().title("read me").responsibleId(1));
    dropFirst("\"taskId\":" + t.id() + "}");
    try (Bitrix24 b24 = viaWire(false)) {
      assertThat(b24.tasks().get(t.id())).isPresent();
      assertThat(b24.stats().retries()).isEqualTo(1);
    }
  }

  @Test
  void positionalWritesCarryNoRequestIdSoTheyAreNotResent() {
    Task t = direct.tasks().add(TaskFields.create().title("commented").responsibleId(1));
    String text = "comment-" + System.nanoTime();
    dropFirst(text);
    try (Bitrix24 b24 = viaWire(true)) {
      assertThatThrownBy(() -> b24.tasks().comments().add(t.id(), text)).isInstanceOf(TransportException.class);
      List<String> sent = sentWith(text);
      assertThat(sent).hasSize(1);
      assertThat(sent.get(0)).startsWith("POST /rest/1/" + TestServer.ADMIN_CODE + "/task.commentitem.add HTTP");
      assertThat(direct.tasks().comments().list(t.id())).hasSize(1);
    }
  }

  @Test
  void batchesOfWritesAreNotResentButBatchesOfReadsAre() {
    String title = "batched-" + System.nanoTime();
    dropFirst(title);
    try (Bitrix24 b24 = viaWire(true)) {
      BatchRequest add = BatchRequest.create()
          .add("a", "tasks.task.add", Map.of("fields", Map.of("TITLE", title, "RESPONSIBLE_ID", 1)));
      assertThatThrownBy(() -> b24.batch(add)).isInstanceOf(TransportException.class);
      assertThat(countTitled(title)).isEqualTo(1);

      dropFirst("server.time");
      BatchResult reads = b24.batch(BatchRequest.create().add("t", "server.time", null)
          .add("u", "user.current", null));
      assertThat(reads.ok()).isTrue();
      assertThat(b24.stats().retries()).isEqualTo(1);
    }
  }
}
