package dev.b24tasks.dependencies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.b24tasks.testing.CastTest;
import dev.b24tasks.testing.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Gantt links over HTTP: add, the refusals with the doc pages' codes, loops, delete, task.item.getdependson. */
class DependencyMethodsTest extends CastTest {
  static Response add(dev.b24tasks.testing.People.Person p, long from, long to, int type) {
    return p.call("task.dependence.add", Map.of("taskIdFrom", from, "taskIdTo", to, "linkType", type));
  }

  static void refused(Response r, String code, String text) {
    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    assertThat(r.error()).isEqualTo(code);
    assertThat(r.errorDescription()).isEqualTo(text);
  }

  @Test
  void a_link_is_made_once_shows_in_getdependson_and_can_be_deleted() {
    long a = task("Design", Map.of());
    long b = task("Build", Map.of());
    Response r = add(creator, a, b, 2);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.body()).startsWith("{\"result\":[]");
    assertThat(creator.call("task.item.getdependson", List.of(b)).result().toString()).isEqualTo("[\"" + a + "\"]");
    assertThat(creator.call("task.item.getdependson", List.of(a)).result().toString()).isEqualTo("[]");
    refused(add(creator, a, b, 0), "ILLEGAL_NEW_LINK", "A link between tasks already exists");

    Response d = creator.call("task.dependence.delete", Map.of("taskIdFrom", a, "taskIdTo", b));
    assertThat(d.status()).as(d.toString()).isEqualTo(200);
    refused(creator.call("task.dependence.delete", Map.of("taskIdFrom", a, "taskIdTo", b)), "ILLEGAL_NEW_LINK",
        "The dependency between tasks does not exist");
  }

  @Test
  void a_link_that_closes_a_loop_is_refused() {
    long a = task("One", Map.of());
    long b = task("Two", Map.of());
    long c = task("Three", Map.of());
    assertThat(add(creator, a, b, 2).status()).isEqualTo(200);
    assertThat(add(creator, b, c, 2).status()).isEqualTo(200);
    refused(add(creator, c, a, 2), "ILLEGAL_NEW_LINK", "A link between tasks cannot make a loop");
    refused(add(creator, a, a, 2), "ILLEGAL_NEW_LINK", "A link between tasks cannot make a loop");
  }

  @Test
  void only_who_may_change_the_dates_links_and_a_hidden_task_is_refused_like_a_missing_one() {
    long a = task("Mine", Map.of());
    long b = task("Also mine", Map.of());
    refused(add(stranger, a, b, 2), "ACTION_NOT_ALLOWED", "Unable to add a link between tasks");
    refused(add(creator, a, 99_999_999, 2), "ACTION_NOT_ALLOWED", "Unable to add a link between tasks");
    refused(add(creator, 99_999_999, b, 2), "ACTION_NOT_ALLOWED", "Unable to add a link between tasks");
    refused(add(creator, a, b, 7), "ACTION_NOT_ALLOWED", "Unable to add a link between tasks");
    Response missing = creator.call("task.dependence.add", Map.of("taskIdFrom", a, "linkType", 2));
    assertThat(missing.status()).isEqualTo(400);
    Response hidden = stranger.call("task.item.getdependson", List.of(a));
    Response none = stranger.call("task.item.getdependson", List.of(99_999_999));
    assertThat(hidden.status()).isEqualTo(400);
    assertThat(hidden.body()).isEqualTo(none.body());
  }
}
