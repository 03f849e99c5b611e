package dev.b24tasks.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A task chat message fires ONTASKCOMMENTADD as the new card sends it: ID 0, TASK_ID and MESSAGE_ID. */
class ChatEventsTest {
  static final EventReceiver receiver = new EventReceiver();

  @RegisterExtension static TestServer server = new TestServer();

  @AfterAll
  static void stopReceiver() {
    receiver.close();
  }

  @Test
  void a_chat_message_is_a_comment_added_with_its_message_id() throws Exception {
    AppKit app = AppKit.install(server.admin(), receiver, "chat", List.of("task"));
    Response bound = app.call("event.bind", Map.of("event", "ONTASKCOMMENTADD", "event_type", "offline"));
    assertThat(bound.status()).as(bound.toString()).isEqualTo(200);
    long task = EventsTest.addTask(server.admin(), "talked about");
    Response sent = server.admin().v3("tasks.task.chat.message.send", Map.of("fields", Map.of("taskId", task,
        "text", "Hello world")));
    assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
    long chat = server.admin().call("tasks.task.get", Map.of("taskId", task, "select", List.of("CHAT_ID")))
        .result().get("task").get("chatId").asLong();
    long message = server.admin().call("im.dialog.messages.get", Map.of("DIALOG_ID", "chat" + chat)).result()
        .get("messages").get(0).get("id").asLong();

    JsonNode events = app.call("event.offline.get", Map.of()).result().get("events");
    assertThat(events).hasSize(1);
    assertThat(events.get(0).get("EVENT_NAME").asText()).isEqualTo("ONTASKCOMMENTADD");
    assertThat(events.get(0).get("EVENT_DATA").toString()).isEqualTo("{\"FIELDS_BEFORE\":\"undefined\","
        + "\"FIELDS_AFTER\":{\"ID\":0,\"TASK_ID\":" + task + ",\"MESSAGE_ID\":" + message + "},"
        + "\"IS_ACCESSIBLE_BEFORE\":\"N\",\"IS_ACCESSIBLE_AFTER\":\"undefined\"}");
  }
}
