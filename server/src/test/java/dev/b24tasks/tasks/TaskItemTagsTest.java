package dev.b24tasks.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.testing.CastTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** task.item.list with PARAMS.LOAD_TAGS: each row carries its TAGS names; without it, no TAGS key. */
class TaskItemTagsTest extends CastTest {
  @Test
  void load_tags_adds_the_names_to_every_row() {
    long tagged = task("tagged", Map.of("TAGS", List.of("alpha", "beta")));
    long plain = task("plain", Map.of());
    JsonNode rows = creator.call("task.item.list", List.of(Map.of("ID", "asc"),
        Map.of("ID", List.of(tagged, plain)), Map.of("LOAD_TAGS", "Y"))).result();
    assertThat(rows.size()).isEqualTo(2);
    assertThat(rows.get(0).get("ID").asText()).isEqualTo(Long.toString(tagged));
    assertThat(rows.get(0).get("TAGS").toString()).contains("\"alpha\"").contains("\"beta\"");
    assertThat(rows.get(1).get("TAGS").toString()).isEqualTo("[]");
    JsonNode without = creator.call("task.item.list", List.of(Map.of("ID", "asc"), Map.of("ID", tagged)))
        .result();
    assertThat(without.get(0).has("TAGS")).isFalse();
  }
}
