package dev.b24tasks.results;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.testing.CastTest;
import dev.b24tasks.testing.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Task results over HTTP, classic and REST 3.0: made from a comment or as text, open until the task is completed
 * and closed for good after, who may write, change and remove them, and the documented refusals.
 */
class ResultMethodsTest extends CastTest {
  static long comment(dev.b24tasks.testing.People.Person p, long taskId, String text) {
    Response r = p.call("task.commentitem.add", List.of(taskId, Map.of("POST_MESSAGE", text)));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.result().asLong();
  }

  static void refused(Response r, String text) {
    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    assertThat(r.error()).isEqualTo("0");
    assertThat(r.errorDescription()).isEqualTo(text);
  }

  @Test
  void a_comment_becomes_a_result_once_and_closes_when_the_task_is_completed_for_good() {
    long task = task("Quarterly report", Map.of());
    long c = comment(responsible, task, "Sent to <the board>\nwith figures");
    Response made = responsible.call("tasks.task.result.addFromComment", Map.of("commentId", c));
    assertThat(made.status()).as(made.toString()).isEqualTo(200);
    JsonNode r = made.result();
    assertThat(r.get("taskId").asLong()).isEqualTo(task);
    assertThat(r.get("commentId").asLong()).isEqualTo(c);
    assertThat(r.get("createdBy").asLong()).isEqualTo(responsible.id());
    assertThat(r.get("status").asInt()).isEqualTo(0);
    assertThat(r.get("formattedText").asText()).isEqualTo("Sent to &lt;the board&gt;<br />with figures");
    assertThat(r.get("files").isNull()).isTrue();
    refused(responsible.call("tasks.task.result.addFromComment", Map.of("commentId", c)), "Result already exists.");

    Response list = auditor.call("tasks.task.result.list", Map.of("taskId", task));
    assertThat(list.result()).hasSize(1);
    assertThat(list.result().get(0).get("files").isArray()).isTrue();

    assertThat(responsible.call("tasks.task.complete", Map.of("taskId", task)).status()).isEqualTo(200);
    assertThat(creator.call("tasks.task.result.list", Map.of("taskId", task)).result().get(0).get("status").asInt())
        .isEqualTo(1);
    assertThat(creator.call("tasks.task.renew", Map.of("taskId", task)).status()).isEqualTo(200);
    assertThat(creator.call("tasks.task.result.list", Map.of("taskId", task)).result().get(0).get("status").asInt())
        .as("a renew does not reopen a result").isEqualTo(1);
  }

  @Test
  void only_the_author_makes_a_result_of_a_comment_and_outsiders_see_nothing() {
    long task = task("Audit", Map.of());
    long c = comment(responsible, task, "Done");
    refused(creator.call("tasks.task.result.addFromComment", Map.of("commentId", c)), "Access denied.");
    refused(stranger.call("tasks.task.result.addFromComment", Map.of("commentId", c)), "Comment not found.");
    refused(responsible.call("tasks.task.result.addFromComment", Map.of("commentId", 99_999_999)), "Comment not found.");
    refused(stranger.call("tasks.task.result.list", Map.of("taskId", task)), "Access denied.");
    refused(stranger.call("tasks.task.result.list", Map.of("taskId", 99_999_999)), "Access denied.");
    Response typed = responsible.call("tasks.task.result.addFromComment", Map.of("commentId", "abc"));
    assertThat(typed.status()).isEqualTo(400);
    assertThat(typed.error()).isEqualTo("100");

    assertThat(responsible.call("tasks.task.result.addFromComment", Map.of("commentId", c)).status()).isEqualTo(200);
    Response removed = responsible.call("tasks.task.result.deleteFromComment", Map.of("commentId", c));
    assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
    assertThat(removed.result().isNull()).isTrue();
    assertThat(responsible.call("tasks.task.result.list", Map.of("taskId", task)).result()).isEmpty();
  }

  @Test
  void rest_v3_adds_changes_lists_and_deletes_results() {
    long task = task("Launch", Map.of());
    Response add = responsible.client().v3("tasks.task.result.add", Map.of("fields", Map.of("taskId", task,
        "text", "Launched")));
    assertThat(add.status()).as(add.toString()).isEqualTo(200);
    JsonNode item = add.result().get("item");
    assertThat(item.get("status").asText()).isEqualTo("open");
    assertThat(item.get("authorId").asLong()).isEqualTo(responsible.id());
    assertThat(item.get("rights").get("edit").asBoolean()).isTrue();
    assertThat(item.get("updatedAt").isNull()).isTrue();
    long id = item.get("id").asLong();

    Response upd = responsible.client().v3("tasks.task.result.update", Map.of("id", id, "fields",
        Map.of("text", "Launched on time")));
    assertThat(upd.result().get("item").get("text").asText()).isEqualTo("Launched on time");
    Response byAuditor = auditor.client().v3("tasks.task.result.update", Map.of("id", id, "fields",
        Map.of("text", "no")));
    assertThat(byAuditor.status()).isEqualTo(403);

    Response list = auditor.client().v3("tasks.task.result.list", Map.of("filter", List.of(List.of("taskId", task))));
    assertThat(list.result().get("items")).hasSize(1);
    assertThat(list.result().get("items").get(0).get("rights").get("edit").asBoolean()).isFalse();
    Response noFilter = auditor.client().v3("tasks.task.result.list", Map.of());
    assertThat(noFilter.json().at("/error/code").asText())
        .isEqualTo("BITRIX_REST_V3_EXCEPTION_VALIDATION_REQUESTFILTERVALIDATIONEXCEPTION");
    assertThat(noFilter.json().at("/error/validation/0/field").asText()).isEqualTo("filter.taskId");

    Response missing = responsible.client().v3("tasks.task.result.add", Map.of("fields", Map.of("text", "x")));
    assertThat(missing.json().at("/error/code").asText())
        .isEqualTo("BITRIX_REST_V3_EXCEPTION_VALIDATION_DTOVALIDATIONEXCEPTION");
    assertThat(missing.json().at("/error/validation/0/message").asText())
        .isEqualTo("The required field \"taskId\" is not filled");
    Response hidden = stranger.client().v3("tasks.task.result.add", Map.of("fields", Map.of("taskId", task,
        "text", "x")));
    assertThat(hidden.json().at("/error/code").asText()).isEqualTo("BITRIX_REST_V3_EXCEPTION_ENTITYNOTFOUNDEXCEPTION");

    Response both = responsible.client().v3("tasks.task.result.delete", Map.of("id", id,
        "filter", List.of(List.of("taskId", task))));
    assertThat(both.status()).isEqualTo(400);
    Response neither = responsible.client().v3("tasks.task.result.delete", Map.of());
    assertThat(neither.status()).isEqualTo(400);
    Response del = responsible.client().v3("tasks.task.result.delete", Map.of("id", id));
    assertThat(del.result().get("result").asBoolean()).isTrue();
    assertThat(auditor.client().v3("tasks.task.result.list", Map.of("filter", List.of(List.of("taskId", task))))
        .result().get("items")).isEmpty();
  }
}
