package dev.b24tasks.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.testing.Org;
import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.RestClient;
import dev.b24tasks.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** department.* over HTTP: the documented shape, filters, sorting, paging and every refusal. */
class DepartmentsTest {
  @RegisterExtension static TestServer server = new TestServer(s -> s.language = "en");

  static Org org;
  static long sales, head;

  @BeforeAll
  static void build() {
    org = new Org(server);
    sales = org.department("Sales", Org.ROOT);
    head = org.user("Olga", "Head", sales);
    org.head(sales, head);
  }

  @Test
  void department_get_shows_ids_as_strings_sort_as_a_number_and_parent_and_head_only_when_set() {
    JsonNode root = org.admin().call("department.get", Map.of("ID", 1)).result().get(0);
    assertThat(root.toString()).isEqualTo("{\"ID\":\"1\",\"NAME\":\"Company\",\"SORT\":500}");
    JsonNode row = org.admin().call("department.get", Map.of("ID", sales)).result().get(0);
    assertThat(row.toString()).isEqualTo("{\"ID\":\"" + sales + "\",\"NAME\":\"Sales\",\"SORT\":500,\"PARENT\":\"1\","
        + "\"UF_HEAD\":\"" + head + "\"}");
  }

  @Test
  void any_employee_reads_the_structure_with_filters_sorting_and_pages() {
    long parent = org.department("Regions", Org.ROOT);
    for (int i = 0; i < 53; i++) org.admin().call("department.add", Map.of("NAME", "R" + (100 + i), "PARENT", parent,
        "SORT", 1000 - i));
    RestClient c = org.as(head);
    Response first = c.call("department.get", Map.of("PARENT", parent, "sort", "NAME", "order", "DESC"));
    assertThat(first.result()).hasSize(50);
    assertThat(first.json().get("total").asInt()).isEqualTo(53);
    assertThat(first.json().get("next").asInt()).isEqualTo(50);
    assertThat(first.result().get(0).get("NAME").asText()).isEqualTo("R152");
    Response last = c.call("department.get", Map.of("PARENT", parent, "sort", "SORT", "start", 50));
    assertThat(last.result()).hasSize(3);
    assertThat(last.result().get(0).get("SORT").asInt()).isEqualTo(998);
    assertThat(c.call("department.get", Map.of("UF_HEAD", head)).result()).hasSize(1);
    assertThat(c.call("department.get", Map.of("NAME", List.of("Sales", "Regions"))).result()).hasSize(2);
    Response bad = c.call("department.get", Map.of("PARENT", "abc"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.error()).isEqualTo("ERROR_CORE");
  }

  @Test
  void department_fields_names_the_five_fields() {
    List<String> keys = new ArrayList<>();
    org.admin().call("department.fields", null).result().fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("ID", "NAME", "SORT", "PARENT", "UF_HEAD");
  }

  @Test
  void refusals_have_the_documented_codes_and_texts_and_write_nothing() {
    RestClient admin = org.admin();
    long before = admin.call("department.get", Map.of()).json().get("total").asLong();
    expect(org.as(head).call("department.add", Map.of("NAME", "Mine", "PARENT", 1)), "Access denied");
    expect(admin.call("department.add", Map.of("PARENT", 1)), "The department name is not provided.<br>");
    expect(admin.call("department.add", Map.of("NAME", "Second top")),
        "There can only be one top-level department in the company structure");
    Response notNumber = admin.call("department.add", Map.of("NAME", "X", "PARENT", "sales"));
    assertThat(notNumber.status()).isEqualTo(400);
    assertThat(notNumber.errorDescription()).contains("PARENT");
    Response noParent = admin.call("department.add", Map.of("NAME", "X", "PARENT", 424242));
    assertThat(noParent.status()).isEqualTo(400);
    Response noHead = admin.call("department.add", Map.of("NAME", "X", "PARENT", 1, "UF_HEAD", 424242));
    assertThat(noHead.status()).isEqualTo(400);
    assertThat(admin.call("department.get", Map.of()).json().get("total").asLong()).isEqualTo(before);
    expect(admin.call("department.delete", Map.of("ID", 424242)), "Department not found");
    expect(admin.call("department.update", Map.of("ID", 424242, "NAME", "x")), "Department not found");
    expect(org.as(head).call("department.delete", Map.of("ID", sales)), "Access denied");
    expect(admin.call("department.delete", Map.of("ID", 1)),
        "There can only be one top-level department in the company structure");
  }

  @Test
  void update_renames_and_moves() {
    long d = org.department("Old", Org.ROOT);
    Response r = org.admin().call("department.update", Map.of("ID", d, "NAME", "New", "PARENT", sales, "SORT", 7));
    assertThat(r.result().asBoolean()).isTrue();
    JsonNode row = org.admin().call("department.get", Map.of("ID", d)).result().get(0);
    assertThat(row.get("NAME").asText()).isEqualTo("New");
    assertThat(row.get("PARENT").asText()).isEqualTo(Long.toString(sales));
    assertThat(row.get("SORT").asInt()).isEqualTo(7);
    assertThat(server.app().directory.isManagerOf(head, org.user("In", "New", d))).isTrue();
  }

  static void expect(Response r, String description) {
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.error()).isEqualTo("ERROR_CORE");
    assertThat(r.errorDescription()).isEqualTo(description);
  }
}
