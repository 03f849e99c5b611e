package dev.b24tasks.tasks;

import static dev.b24tasks.testing.LegacyAssert.refused;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.testing.People;
import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** task.item.list and task.items.getlist over real HTTP: positional ORDER/FILTER/PARAMS/SELECT, paging, access. */
class TaskItemListTest {
  @RegisterExtension static TestServer server = new TestServer();

  static People.Person creator;
  static People.Person responsible;
  static People.Person stranger;
  static final List<Long> ids = new ArrayList<>();

  @BeforeAll
  static void tasks() {
    People p = new People(server);
    creator = p.create("Anna");
    responsible = p.create("Boris");
    stranger = p.create("Gleb");
    for (String title : List.of("alpha", "beta", "gamma")) {
      ids.add(creator.addTask(Map.of("TITLE", title, "RESPONSIBLE_ID", responsible.id())));
    }
  }

  static List<String> titles(Response r) {
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    List<String> out = new ArrayList<>();
    r.result().forEach(t -> out.add(t.get("TITLE").asText()));
    return out;
  }

  @Test
  void order_filter_nav_params_and_select_bind_by_position() {
    Response r = responsible.call("task.item.list", List.of(Map.of("ID", "desc"),
        Map.of("RESPONSIBLE_ID", responsible.id()), Map.of("NAV_PARAMS", Map.of("nPageSize", 2, "iNumPage", 1)),
        List.of("ID", "TITLE", "STATUS")));
    assertThat(titles(r)).containsExactly("gamma", "beta");
    assertThat(r.json().get("total").asInt()).isEqualTo(3);
    assertThat(r.json().get("next").asInt()).isEqualTo(2);
    JsonNode row = r.result().get(0);
    assertThat(row.get("ID").asText()).isEqualTo(Long.toString(ids.get(2)));
    assertThat(row.get("STATUS").asText()).as("unseen by the responsible").isEqualTo("-2");
    assertThat(row.get("REAL_STATUS").asText()).isEqualTo("2");
    assertThat(row.has("RESPONSIBLE_ID")).isFalse();
    List<Integer> allowed = new ArrayList<>();
    row.get("ALLOWED_ACTIONS").forEach(a -> allowed.add(a.asInt()));
    assertThat(allowed).contains(6, 10);
    Response second = responsible.call("task.item.getlist", List.of(Map.of("ID", "desc"),
        Map.of("RESPONSIBLE_ID", responsible.id()), Map.of("NAV_PARAMS", Map.of("nPageSize", 2, "iNumPage", 2))));
    assertThat(titles(second)).containsExactly("alpha");
    assertThat(second.json().has("next")).isFalse();
  }

  @Test
  void form_placeholders_keep_positions_and_a_stranger_sees_nothing() {
    Response r = responsible.client().form("task.item.list",
        "ORDER[ID]=asc&FILTER[RESPONSIBLE_ID]=" + responsible.id() + "&PARAMS[]=&SELECT[]=");
    assertThat(titles(r)).containsExactly("alpha", "beta", "gamma");
    assertThat(r.result().get(0).has("RESPONSIBLE_ID")).as("empty SELECT: every field").isTrue();
    Response none = stranger.call("task.item.list", List.of(Map.of("ID", "asc"),
        Map.of("RESPONSIBLE_ID", responsible.id())));
    assertThat(none.result()).isEmpty();
    assertThat(none.json().get("total").asInt()).isZero();
  }

  @Test
  void task_items_getlist_takes_order_filter_select_and_nav_params() {
    Response r = creator.call("task.items.getlist", List.of(Map.of("TITLE", "asc"),
        Map.of("RESPONSIBLE_ID", responsible.id()), List.of("ID", "TITLE"), Map.of("nPageSize", 2, "iNumPage", 2)));
    assertThat(titles(r)).containsExactly("gamma");
    assertThat(r.json().get("total").asInt()).isEqualTo(3);
  }

  @Test
  void an_unknown_sort_key_is_a_wrong_arguments_error() {
    refused(creator.call("task.item.list", List.of(Map.of("NO_SUCH", "asc"))), "TASKS_ERROR_EXCEPTION_#256; "
        + "Param #0 (arOrder) for method ctaskitem::list() must not contain key \"NO_SUCH\".; 256/TE/WRONG_ARGUMENTS<br>");
    refused(creator.call("task.item.list", List.of("ID")), "TASKS_ERROR_EXCEPTION_#256; Param #0 (arOrder) for "
        + "method ctaskitem::list() expected to be of type \"array\", but given something else.; "
        + "256/TE/WRONG_ARGUMENTS<br>");
  }
}
