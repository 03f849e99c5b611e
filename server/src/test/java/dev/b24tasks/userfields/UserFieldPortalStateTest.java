package dev.b24tasks.userfields;

import static dev.b24tasks.userfields.UserFieldMethodsTest.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.testing.CastTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Snapshots and the reset cover the custom fields and their values; after a reset the ids start again at 100. */
class UserFieldPortalStateTest extends CastTest {
  static long field(String name) {
    return ok(server.admin().call("task.item.userfield.add", Map.of("PARAMS", Map.of("USER_TYPE_ID", "string",
        "FIELD_NAME", name)))).result().asLong();
  }

  static JsonNode value(long task) {
    return ok(creator.call("tasks.task.get", Map.of("taskId", task, "select", List.of("UF_*")))).result().get("task");
  }

  @Test
  void a_snapshot_brings_fields_and_values_back_and_a_reset_empties_them() {
    long id = field("UF_KEPT");
    long task = task("with a value", Map.of("UF_KEPT", "before"));
    ok(server.admin().call("b24tasks.snapshot.save", Map.of("NAME", "with-fields")));
    ok(server.admin().call("task.item.userfield.delete", Map.of("ID", id)));
    assertThat(value(task).has("ufKept")).isFalse();

    ok(server.admin().call("b24tasks.snapshot.restore", Map.of("NAME", "with-fields")));
    assertThat(value(task).get("ufKept").asText()).isEqualTo("before");
    // the sequence goes on past the restored field
    assertThat(field("UF_AFTER_RESTORE")).isGreaterThan(id);

    ok(server.admin().call("b24tasks.reset", Map.of()));
    JsonNode list = ok(server.admin().call("task.item.userfield.getlist", Map.of())).result();
    assertThat(list.size()).as("only the built-in fields are left").isEqualTo(3);
    assertThat(field("UF_FRESH")).as("ids start again past the built-in ones").isEqualTo(100);
    long left = server.app().db.read(tx -> tx.queryLong("SELECT count(*) FROM task_user_field_values"));
    assertThat(left).isZero();
  }
}
