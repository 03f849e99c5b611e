package dev.b24tasks.planner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.b24tasks.testing.CastTest;
import dev.b24tasks.testing.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** task.planner.getlist over HTTP: positional, no parameters, the (empty) daily plan; any casing of the name. */
class PlannerMethodsTest extends CastTest {
  @Test
  void the_daily_plan_is_a_list_of_ids_empty_without_a_work_day_planner() {
    task("Today's work", Map.of());
    Response r = responsible.call("task.planner.getlist", Map.of());
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.body()).startsWith("{\"result\":[]");
    assertThat(responsible.call("task.planner.getList", List.of()).status()).isEqualTo(200);
  }
}
