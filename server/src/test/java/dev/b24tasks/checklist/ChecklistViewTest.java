package dev.b24tasks.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.b24tasks.tasks.TaskFacts;
import dev.b24tasks.tasks.TaskAction;
import dev.b24tasks.rest.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChecklistViewTest {
  static final TaskFacts CREATOR = new TaskFacts(8, 3, 4, Set.of(), 3, false, Set.of(),
      Set.of(TaskAction.CHECKLIST_ADD_ITEMS, TaskAction.CHECKLIST_REORDER));

  static ChecklistItem item(long id, long parent, int sort, boolean complete) {
    return new ChecklistItem(id, 8, parent, 3, "t" + id, sort, complete, false, complete ? 3L : null,
        complete ? Instant.parse("2026-01-02T10:00:00Z") : null, Map.of());
  }

  static JsonNode wire(ObjectNode node) throws Exception {
    return Json.MAPPER.readTree(new String(Json.write(node), StandardCharsets.UTF_8));
  }

  @Test
  void the_tree_numbers_checklists_and_their_items_the_way_the_task_card_shows_them() throws Exception {
    List<ChecklistItem> items = List.of(item(1, 0, 0, false), item(2, 1, 0, true), item(3, 1, 1, false),
        item(4, 2, 0, true), item(5, 0, 1, false));
    JsonNode nodes = Json.MAPPER.readTree(new String(Json.write(ChecklistView.treeNodes(items, CREATOR)),
        StandardCharsets.UTF_8));
    JsonNode first = nodes.get(0);
    assertThat(first.get("nodeId").asInt()).isEqualTo(1);
    assertThat(first.get("fields").get("id").asLong()).isEqualTo(1);
    assertThat(first.get("fields").get("displaySortIndex").asText()).isEqualTo("1");
    assertThat(first.get("fields").get("completedCount").asInt()).isEqualTo(1);
    JsonNode second = first.get("descendants").get(1);
    assertThat(second.get("fields").get("displaySortIndex").asText()).isEqualTo("2");
    JsonNode nested = first.get("descendants").get(0).get("descendants").get(0);
    assertThat(nested.get("fields").get("displaySortIndex").asText()).isEqualTo("1.1");
    assertThat(nested.get("fields").get("isComplete").isBoolean()).isTrue();
    assertThat(nodes.get(1).get("fields").get("displaySortIndex").asText()).isEqualTo("2");
    assertThat(nested.get("nodeId").asInt()).isEqualTo(3);
    assertThat(first.get("action").get("modify").asBoolean()).isTrue();
  }

  @Test
  void the_task_checklist_is_keyed_by_id_with_strings_and_y_n_and_is_php_empty_when_empty() throws Exception {
    JsonNode map = wire(ChecklistView.taskChecklist(List.of(item(1, 0, 0, false), item(2, 1, 0, true)), CREATOR,
        ZoneId.of("Europe/Berlin")));
    JsonNode two = map.get("2");
    assertThat(two.get("id").asText()).isEqualTo("2");
    assertThat(two.get("parentId").asText()).isEqualTo("1");
    assertThat(two.get("isComplete").asText()).isEqualTo("Y");
    assertThat(two.get("toggledDate").asText()).isEqualTo("2026-01-02T11:00:00+01:00");
    assertThat(two.get("members").isArray()).isTrue();
    assertThat(wire(ChecklistView.taskChecklist(List.of(), CREATOR, ZoneId.of("UTC"))).isArray()).isTrue();
  }
}
