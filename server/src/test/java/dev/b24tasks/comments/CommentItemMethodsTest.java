package dev.b24tasks.comments;

import static dev.b24tasks.testing.LegacyAssert.refused;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.testing.People;
import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.MutableClock;
import dev.b24tasks.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** task.commentitem.* over real HTTP, and the task object's commentsCount / newCommentsCount / activityDate. */
class CommentItemMethodsTest {
  static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));

  @RegisterExtension static TestServer server = new TestServer(s -> {
    s.clock = CLOCK;
    s.timeZone = ZoneId.of("UTC");
  });

  static People.Person creator;
  static People.Person responsible;
  static People.Person stranger;
  static People.Person admin;

  @BeforeAll
  static void people() {
    People p = new People(server);
    creator = p.create("Anna");
    responsible = p.create("Boris");
    stranger = p.create("Gleb");
    admin = p.create("Root", true);
  }

  long task() {
    return creator.addTask(Map.of("TITLE", "Discuss", "RESPONSIBLE_ID", responsible.id()));
  }

  static long add(People.Person p, long taskId, String text) {
    Response r = p.call("task.commentitem.add", List.of(taskId, Map.of("POST_MESSAGE", text)));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.result().asLong();
  }


  @Test
  void comments_count_in_the_task_and_new_ones_count_for_the_others_until_they_read_them() {
    long taskId = task();
    String activityBefore = creator.task(taskId).get("activityDate").asText();
    CLOCK.advance(Duration.ofHours(2));
    long first = add(creator, taskId, "Hello");
    add(creator, taskId, "Anyone?");
    JsonNode asCreator = creator.task(taskId);
    assertThat(asCreator.get("commentsCount").asText()).isEqualTo("2");
    assertThat(asCreator.get("newCommentsCount").asInt()).as("own comments are not new").isZero();
    assertThat(asCreator.get("activityDate").asText()).isNotEqualTo(activityBefore)
        .isEqualTo(CLOCK.instant().atOffset(java.time.ZoneOffset.UTC).format(
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx")));
    assertThat(responsible.task(taskId).get("newCommentsCount").asInt()).isEqualTo(2);
    Response list = responsible.call("task.commentitem.getlist", List.of(taskId));
    assertThat(list.result()).hasSize(2);
    assertThat(list.result().get(0).get("POST_MESSAGE").asText()).as("newest first").isEqualTo("Anyone?");
    assertThat(responsible.task(taskId).get("newCommentsCount").asInt()).isZero();
    JsonNode got = responsible.call("task.commentitem.get", List.of(taskId, first)).result();
    assertThat(got.get("ID").asText()).isEqualTo(Long.toString(first));
    assertThat(got.get("AUTHOR_ID").asText()).isEqualTo(Long.toString(creator.id()));
    assertThat(got.get("AUTHOR_NAME").asText()).isEqualTo("Anna Tester");
    assertThat(got.get("POST_DATE").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d");
    assertThat(got.get("POST_MESSAGE_HTML").isNull()).isTrue();
    assertThat(creator.call("task.commentitem.delete", List.of(taskId, first)).result().asBoolean()).isTrue();
    assertThat(creator.task(taskId).get("commentsCount").asText()).isEqualTo("1");
  }

  @Test
  void only_the_author_or_an_administrator_changes_a_comment() {
    long taskId = task();
    long c = add(creator, taskId, "Mine");
    String denied = "TASKS_ERROR_EXCEPTION_#4; Action is not allowed; 4/TE/ACTION_NOT_ALLOWED<br>";
    refused(responsible.call("task.commentitem.update", List.of(taskId, c, Map.of("POST_MESSAGE", "x"))), denied);
    refused(responsible.call("task.commentitem.delete", List.of(taskId, c)), denied);
    assertThat(responsible.call("task.commentitem.isactionallowed", List.of(taskId, c, 2)).result().asBoolean())
        .isFalse();
    assertThat(responsible.call("task.commentitem.isactionallowed", List.of(taskId, c, 1)).result().asBoolean())
        .isTrue();
    assertThat(creator.call("task.commentitem.update", List.of(taskId, c, Map.of("POST_MESSAGE", "Edited")))
        .result().asBoolean()).isTrue();
    assertThat(admin.call("task.commentitem.update", List.of(taskId, c, Map.of("POST_MESSAGE", "By admin")))
        .result().asBoolean()).isTrue();
    assertThat(creator.call("task.commentitem.get", List.of(taskId, c)).result().get("POST_MESSAGE").asText())
        .isEqualTo("By admin");
    refused(creator.call("task.commentitem.update", List.of(taskId, c, Map.of("POST_MESSAGE", " "))),
        "Comment text not specified.<br>");
  }

  @Test
  void strangers_other_tasks_and_bad_input_get_the_documented_errors_and_nothing_is_written() {
    long taskId = task();
    long other = task();
    long c = add(creator, taskId, "Here");
    refused(stranger.call("task.commentitem.add", List.of(taskId, Map.of("POST_MESSAGE", "x"))),
        "Insufficient permissions to add a comment<br>");
    refused(stranger.call("task.commentitem.getlist", List.of(taskId)),
        "TASKS_ERROR_EXCEPTION_#8; Action failed; 8/TE/ACTION_FAILED_TO_BE_PROCESSED<br>");
    refused(stranger.call("task.commentitem.get", List.of(taskId, c)), "TASKS_ERROR_EXCEPTION_#512; Comment not "
        + "found or not accessible; 512/TE/ITEM_NOT_FOUND_OR_NOT_ACCESSIBLE<br>");
    refused(creator.call("task.commentitem.get", List.of(other, c)), "TASKS_ERROR_EXCEPTION_#512; Comment not "
        + "found or not accessible; 512/TE/ITEM_NOT_FOUND_OR_NOT_ACCESSIBLE<br>");
    refused(creator.call("task.commentitem.delete", List.of(other, c)),
        "TASKS_ERROR_EXCEPTION_#4; Action is not allowed; 4/TE/ACTION_NOT_ALLOWED<br>");
    refused(creator.call("task.commentitem.add", List.of(taskId, Map.of("POST_MESSAGE", ""))),
        "Comment text is not specified<br>");
    refused(creator.call("task.commentitem.add", List.of(taskId, Map.of("POST_MESSAGE", "x", "TITLE", "y"))),
        "TASKS_ERROR_EXCEPTION_#256; Param #1 (arFields) for method ctaskcommentitem::add() must not contain key "
            + "\"TITLE\".; 256/TE/WRONG_ARGUMENTS<br>");
    refused(creator.call("task.commentitem.add", "{\"TASKID\":\"x\",\"FIELDS\":{\"POST_MESSAGE\":\"a\"}}"),
        "TASKS_ERROR_EXCEPTION_#256; Param #0 (taskId) for method ctaskcommentitem::add() expected to be of type "
            + "\"integer\", but given something else.; 256/TE/WRONG_ARGUMENTS<br>");
    refused(creator.call("task.commentitem.getlist", List.of(taskId, Map.of(">=POST_DATE", "asc"))),
        "TASKS_ERROR_EXCEPTION_#256; Param #1 (arOrder) for method ctaskcommentitem::getlist() must not contain key "
            + "\">=POST_DATE\".; 256/TE/WRONG_ARGUMENTS<br>");
    refused(creator.call("task.commentitem.add", List.of(taskId, Map.of("POST_MESSAGE", "f",
        "UF_FORUM_MESSAGE_DOC", List.of("n12")))), "File not found<br>");
    assertThat(creator.task(taskId).get("commentsCount").asText()).isEqualTo("1");
    assertThat(creator.call("task.commentitem.getlist", List.of(other)).result()).isEmpty();
  }

  @Test
  void getlist_orders_and_filters_by_the_manifests_fields() {
    long taskId = task();
    long a = add(creator, taskId, "one");
    add(responsible, taskId, "two");
    add(creator, taskId, "three");
    List<String> asc = new ArrayList<>();
    creator.call("task.commentitem.getlist", List.of(taskId, Map.of("ID", "asc"),
        Map.of("AUTHOR_ID", creator.id()))).result().forEach(c -> asc.add(c.get("POST_MESSAGE").asText()));
    assertThat(asc).containsExactly("one", "three");
    JsonNode after = creator.call("task.commentitem.getlist", List.of(taskId, Map.of("ID", "asc"),
        Map.of(">ID", a))).result();
    assertThat(after).hasSize(2);
  }
}
