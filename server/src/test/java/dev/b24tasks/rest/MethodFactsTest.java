package dev.b24tasks.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.TestServer;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Dispatch reads what the method table says about a method, never its name: a writing method whose name starts
 * with {@code get} is still applied once per request id, a reading one named like a writer runs every time, and a
 * method that is not batchable is refused inside a batch whatever it is called.
 */
class MethodFactsTest {
  static final AtomicLong writes = new AtomicLong();
  static final AtomicLong reads = new AtomicLong();

  @RegisterExtension
  static TestServer server = new TestServer(s -> {}, r -> {
    r.named("test.facts.getNextNumber", "basic", call -> writes.incrementAndGet());
    r.namedRead("test.facts.add", "basic", call -> reads.incrementAndGet());
    r.add(Method.named("test.facts.alone", "basic", call -> true).reading().notBatchable());
  });

  @Test
  void a_writing_method_named_get_is_applied_once_per_request_id() {
    Map<String, Object> body = Map.of("bx24_request_id", "facts-1");
    Response first = server.admin().call("test.facts.getNextNumber", body);
    Response retry = server.admin().call("test.facts.getNextNumber", body);
    assertThat(first.status()).isEqualTo(200);
    assertThat(retry.result()).isEqualTo(first.result());
    assertThat(writes.get()).isEqualTo(1);
  }

  @Test
  void a_reading_method_named_add_runs_on_every_retry() {
    Map<String, Object> body = Map.of("bx24_request_id", "facts-2");
    long before = reads.get();
    Response first = server.admin().call("test.facts.add", body);
    Response retry = server.admin().call("test.facts.add", body);
    assertThat(first.status()).isEqualTo(200);
    assertThat(retry.result().asLong()).isEqualTo(first.result().asLong() + 1);
    assertThat(reads.get()).isEqualTo(before + 2);
  }

  @Test
  void a_method_the_table_keeps_out_of_batches_is_refused_there() {
    Response r = server.admin().call("batch", Map.of("cmd", Map.of("a", "test.facts.alone")));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.result().get("result_error").get("a").get("error").asText())
        .isEqualTo("ERROR_BATCH_METHOD_NOT_ALLOWED");
  }
}
