package dev.b24tasks.comments;

import static dev.b24tasks.testing.LegacyAssert.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.b24tasks.testing.CastTest;
import dev.b24tasks.testing.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Deprecated task.comment.add over real HTTP: the text as a string or POST_MESSAGE object, on the comments path. */
class LegacyCommentAddTest extends CastTest {
  long task() {
    return creator.addTask(Map.of("TITLE", "Discuss", "RESPONSIBLE_ID", responsible.id()));
  }

  static long ok(Response r) {
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.result().isIntegralNumber()).as(r.toString()).isTrue();
    return r.result().asLong();
  }

  @Test
  void adds_a_comment_from_a_string_an_object_or_the_doc_example_and_answers_its_id() {
    long taskId = task();
    long a = ok(creator.call("task.comment.add", List.of(taskId, "plain text")));
    long b = ok(responsible.call("task.comment.add", List.of(taskId, Map.of("POST_MESSAGE", "object"))));
    long c = ok(creator.call("task.comment.add",
        "{\"TASKID\":" + taskId + ",\"FIELDS\":{\"POST_MESSAGE\":\"doc example\"}}"));
    assertThat(List.of(a, b, c)).doesNotHaveDuplicates();
    var got = creator.call("task.commentitem.get", List.of(taskId, c)).result();
    assertThat(got.get("POST_MESSAGE").asText()).isEqualTo("doc example");
    assertThat(got.get("AUTHOR_ID").asText()).isEqualTo(Long.toString(creator.id()));
    assertThat(creator.call("task.commentitem.get", List.of(taskId, b)).result().get("AUTHOR_ID").asText())
        .isEqualTo(Long.toString(responsible.id()));
    assertThat(creator.task(taskId).get("commentsCount").asText()).isEqualTo("3");
  }

  @Test
  void missing_mistyped_empty_and_unreadable_are_refused_and_nothing_is_written() {
    long taskId = task();
    refused(creator.call("task.comment.add", List.of()),
        "TASKS_ERROR_EXCEPTION_#256; Param #0 (taskId) expected by method ctaskcommentitem::add(), but not "
            + "given.; 256/TE/WRONG_ARGUMENTS<br>");
    refused(creator.call("task.comment.add", List.of("x", "text")),
        "TASKS_ERROR_EXCEPTION_#256; Param #0 (taskId) for method ctaskcommentitem::add() expected to be of type "
            + "\"integer\", but given something else.; 256/TE/WRONG_ARGUMENTS<br>");
    refused(creator.call("task.comment.add", List.of(taskId, List.of(List.of("a")))),
        "TASKS_ERROR_EXCEPTION_#256; Param #1 (commentText) for method ctaskcommentitem::add() expected to be of "
            + "type \"string\", but given something else.; 256/TE/WRONG_ARGUMENTS<br>");
    refused(creator.call("task.comment.add", List.of(taskId, "")), "Comment text is not specified<br>");
    refused(creator.call("task.comment.add", List.of(taskId)), "Comment text is not specified<br>");
    refused(stranger.call("task.comment.add", List.of(taskId, "x")), "Insufficient permissions to add a comment<br>");
    refused(stranger.call("task.comment.add", List.of(999_999, "x")),
        "Insufficient permissions to add a comment<br>");
    assertThat(creator.call("task.commentitem.getlist", List.of(taskId)).result()).isEmpty();
  }
}
