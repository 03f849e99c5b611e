package dev.b24tasks.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.testing.CastTest;
import dev.b24tasks.testing.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** TAGS over HTTP: on add and update (history), tags in get/list when selected, the TAG filter, gettags. */
class TaskTagsTest extends CastTest {
  static List<String> titles(JsonNode tags) {
    List<String> out = new ArrayList<>();
    tags.properties().forEach(e -> {
      assertThat(e.getValue().get("id").isNumber()).isTrue();
      assertThat(e.getValue().get("id").asText()).isEqualTo(e.getKey());
      out.add(e.getValue().get("title").asText());
    });
    return out;
  }

  @Test
  void tags_are_written_on_add_and_update_shown_when_selected_filtered_and_listed_by_gettags() {
    long id = task("Tagged", Map.of("TAGS", List.of("urgent", " client ", "urgent", "")));
    long other = task("Plain", Map.of());
    JsonNode got = creator.call("tasks.task.get", Map.of("taskId", id, "select", List.of("ID", "TAGS")))
        .result().get("task");
    assertThat(titles(got.get("tags"))).containsExactly("urgent", "client");
    assertThat(creator.task(id).has("tags")).isFalse(); // only when selected
    assertThat(creator.call("task.item.gettags", List.of(id)).result().toString())
        .isEqualTo("[\"urgent\",\"client\"]");

    JsonNode listed = creator.call("tasks.task.list", Map.of("filter", Map.of("TAG", "client"),
        "select", List.of("ID", "TAGS"))).result().get("tasks");
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).get("id").asText()).isEqualTo(Long.toString(id));
    assertThat(titles(listed.get(0).get("tags"))).containsExactly("urgent", "client");
    JsonNode both = creator.call("tasks.task.list", Map.of("filter", Map.of("@ID", List.of(id, other)),
        "order", Map.of("ID", "asc"), "select", List.of("ID", "TAGS"))).result().get("tasks");
    assertThat(both.get(1).get("tags").toString()).isEqualTo("[]");

    Response up = creator.call("tasks.task.update", Map.of("taskId", id, "fields", Map.of("TAGS", "client,later")));
    assertThat(up.status()).as(up.toString()).isEqualTo(200);
    assertThat(creator.call("task.item.gettags", List.of(id)).result().toString())
        .isEqualTo("[\"client\",\"later\"]");
    JsonNode history = creator.call("tasks.task.history.list", Map.of("taskId", id)).result().get("list");
    List<String> rows = new ArrayList<>();
    history.forEach(e -> {
      if (e.get("field").asText().equals("TAGS")) {
        rows.add(e.get("value").get("from").asText() + "->" + e.get("value").get("to").asText());
      }
    });
    assertThat(rows).containsExactly("urgent,client->client,later");

    // the auditor may read but not edit: changing tags is refused, the same tags are no change
    Response denied = auditor.call("tasks.task.update", Map.of("taskId", id, "fields", Map.of("TAGS", List.of("x"))));
    assertThat(denied.status()).isEqualTo(400);
    assertThat(creator.call("task.item.gettags", List.of(id)).result().toString())
        .isEqualTo("[\"client\",\"later\"]");
    Response hidden = stranger.call("task.item.gettags", List.of(id));
    assertThat(hidden.status()).isEqualTo(400);
    assertThat(hidden.body()).isEqualTo(stranger.call("task.item.gettags", List.of(99_999_999)).body());
    Response cleared = creator.call("tasks.task.update", Map.of("taskId", id, "fields", Map.of("TAGS", List.of())));
    assertThat(cleared.status()).isEqualTo(200);
    assertThat(creator.call("task.item.gettags", List.of(id)).result().toString()).isEqualTo("[]");
  }
}
