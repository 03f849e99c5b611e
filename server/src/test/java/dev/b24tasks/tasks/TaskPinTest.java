package dev.b24tasks.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.testing.CastTest;
import dev.b24tasks.testing.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** tasks.task.pin / unpin over HTTP: per user, isPinned in get and list, IS_PINNED order, hidden = missing. */
class TaskPinTest extends CastTest {
  @Test
  void a_pin_is_the_callers_own_shows_as_isPinned_and_orders_the_list() {
    long a = task("First", Map.of());
    long b = task("Second", Map.of());
    Response r = responsible.call("tasks.task.pin", Map.of("id", b));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.result().get("task").get("isPinned").asText()).isEqualTo("Y");
    assertThat(responsible.task(b).get("isPinned").asText()).isEqualTo("Y");
    assertThat(creator.task(b).get("isPinned").asText()).isEqualTo("N");
    assertThat(responsible.task(a).get("isPinned").asText()).isEqualTo("N");

    JsonNode list = responsible.call("tasks.task.list", Map.of("order", Map.of("IS_PINNED", "desc"),
        "filter", Map.of("@ID", List.of(a, b)), "select", List.of("ID", "IS_PINNED"))).result().get("tasks");
    List<String> rows = new ArrayList<>();
    list.forEach(t -> rows.add(t.get("id").asText() + ":" + t.get("isPinned").asText()));
    assertThat(rows).containsExactly(b + ":Y", a + ":N");

    Response off = responsible.call("tasks.task.unpin", Map.of("taskId", b));
    assertThat(off.result().get("task").get("isPinned").asText()).isEqualTo("N");
    Response hidden = stranger.call("tasks.task.pin", Map.of("id", a));
    assertThat(hidden.status()).isEqualTo(200);
    assertThat(hidden.body()).startsWith("{\"result\":[]");
    assertThat(stranger.call("tasks.task.pin", Map.of("id", 99_999_999)).body()).startsWith("{\"result\":[]");
    assertThat(stranger.call("tasks.task.pin", Map.of("id", 0)).error()).isEqualTo("0");
    assertThat(stranger.call("tasks.task.pin", Map.of()).error()).isEqualTo("100");
  }
}
