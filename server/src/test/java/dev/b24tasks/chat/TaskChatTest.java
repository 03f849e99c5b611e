package dev.b24tasks.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.testing.CastTest;
import dev.b24tasks.testing.People;
import dev.b24tasks.testing.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The task chat of the new card over real HTTP: the chat every task has ({@code chatId}, {@code chat.*}),
 * tasks.task.chat.message.send as the SDKs call it, im.dialog.messages.get and im.chat.get to read it,
 * tasks.task.result.addfromchatmessage, who may do what (a hidden task answers like a missing one), the schema,
 * a task's delete and the portal's snapshots.
 */
class TaskChatTest extends CastTest {
  static Response send(People.Person p, Object taskId, Object text) {
    Map<String, Object> fields = new java.util.LinkedHashMap<>();
    if (taskId != null) fields.put("taskId", taskId);
    if (text != null) fields.put("text", text);
    return p.client().v3("tasks.task.chat.message.send", Map.of("fields", fields));
  }

  static long chatId(People.Person p, long task) {
    Response r = p.call("tasks.task.get", Map.of("taskId", task, "select", List.of("ID", "CHAT_ID")));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    JsonNode chat = r.result().get("task").get("chatId");
    assertThat(chat.isIntegralNumber()).as(r.toString()).isTrue();
    return chat.asLong();
  }

  static Response messages(People.Person p, Map<String, Object> params) {
    return p.call("im.dialog.messages.get", params);
  }

  static List<Long> ids(Response r) {
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    List<Long> out = new ArrayList<>();
    r.result().get("messages").forEach(m -> out.add(m.get("id").asLong()));
    return out;
  }

  static String code(Response r) {
    return r.json().at("/error/code").asText();
  }

  @Test
  void every_task_has_a_chat_shown_in_both_apis() {
    long task = task("Chat of its own", Map.of());
    long chat = chatId(creator, task);
    assertThat(chat).as("a chat id is no task id").isNotEqualTo(task).isGreaterThan(1000);
    assertThat(chatId(auditor, task)).isEqualTo(chat);
    Response got = creator.call("tasks.task.get", Map.of("taskId", task, "select", List.of("ID", "CHAT_ID")));
    List<String> keys = new ArrayList<>();
    got.result().get("task").fieldNames().forEachRemaining(keys::add);
    assertThat(keys).as("the tasks-new.md example").containsExactly("id", "chatId", "favorite", "group", "action");
    assertThat(creator.call("tasks.task.get", Map.of("taskId", task)).result().get("task").has("chatId"))
        .as("without the select the object stays as the seed answers have it").isFalse();
    Response list = creator.call("tasks.task.list", Map.of("filter", Map.of("ID", task), "select",
        List.of("ID", "CHAT_ID")));
    assertThat(list.result().get("tasks").get(0).get("chatId").asLong()).isEqualTo(chat);

    Response v3 = creator.client().v3("tasks.task.get", Map.of("id", task));
    assertThat(v3.result().get("item").get("chatId").asLong()).isEqualTo(chat);
    Response rel = creator.client().v3("tasks.task.get", Map.of("id", task, "select",
        List.of("id", "chat.id", "chat.entityId", "chat.entityType")));
    assertThat(rel.result().get("item").get("chat").toString())
        .isEqualTo("{\"id\":" + chat + ",\"entityId\":" + task + ",\"entityType\":\"TASKS_TASK\"}");
    Response found = creator.call("im.chat.get", Map.of("ENTITY_TYPE", "TASKS_TASK", "ENTITY_ID", task));
    assertThat(found.result().get("ID").asLong()).isEqualTo(chat);
    assertThat(stranger.call("im.chat.get", Map.of("ENTITY_TYPE", "TASKS_TASK", "ENTITY_ID", task)).result()
        .isNull()).as("a hidden task has no chat to find").isTrue();
    assertThat(chatId(creator, task("Another", Map.of()))).isNotEqualTo(chat);
  }

  @Test
  void members_send_and_read_messages_newest_first_with_their_ids() {
    long task = task("Talk", Map.of());
    long chat = chatId(creator, task);
    Response sent = send(responsible, task, "Hello world");
    assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
    assertThat(sent.result().toString()).as("RU docs and the SDKs: result.result").isEqualTo("{\"result\":true}");
    assertThat(send(auditor, task, "An auditor may write too").status()).isEqualTo(200);
    assertThat(send(creator, task, "Third").status()).isEqualTo(200);

    Response all = messages(creator, Map.of("DIALOG_ID", "chat" + chat));
    List<Long> ids = ids(all);
    assertThat(ids).hasSize(3).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    JsonNode newest = all.result().get("messages").get(0);
    List<String> keys = new ArrayList<>();
    newest.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("id", "chat_id", "author_id", "date", "text", "params");
    assertThat(newest.get("text").asText()).isEqualTo("Third");
    assertThat(newest.get("author_id").asLong()).isEqualTo(creator.id());
    assertThat(newest.get("chat_id").asLong()).isEqualTo(chat);
    assertThat(newest.get("date").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d");
    assertThat(newest.get("params").isNull()).isTrue();
    assertThat(all.result().get("chat_id").asLong()).isEqualTo(chat);
    assertThat(all.result().get("files").isArray()).isTrue();
    List<Long> people = new ArrayList<>();
    all.result().get("users").forEach(u -> people.add(u.get("id").asLong()));
    assertThat(people).containsExactlyInAnyOrder(creator.id(), responsible.id(), auditor.id());
    assertThat(all.result().get("users").get(0).get("departments").isArray()).isTrue();

    // paging as the page says: LAST_ID goes back, FIRST_ID forward, LIMIT caps; the keys in any letter case
    assertThat(ids(messages(auditor, Map.of("dialog_id", "chat" + chat, "limit", 1)))).containsExactly(ids.get(0));
    assertThat(ids(messages(auditor, Map.of("DIALOG_ID", "chat" + chat, "LAST_ID", ids.get(0)))))
        .containsExactly(ids.get(1), ids.get(2));
    assertThat(ids(messages(auditor, Map.of("DIALOG_ID", "chat" + chat, "FIRST_ID", 0, "LIMIT", 2))))
        .containsExactly(ids.get(1), ids.get(2));
    assertThat(ids(messages(auditor, Map.of("DIALOG_ID", "chat" + chat, "FIRST_ID", ids.get(1)))))
        .containsExactly(ids.get(0));

    // a chat message moves the task's activity date
    JsonNode t = creator.task(task);
    assertThat(t.get("activityDate").asText()).isEqualTo(newest.get("date").asText());
  }

  @Test
  void outsiders_are_refused_and_a_hidden_task_answers_like_a_missing_one() {
    long task = task("Private talk", Map.of());
    long chat = chatId(creator, task);
    assertThat(send(creator, task, "Members only").status()).isEqualTo(200);

    Response hidden = send(stranger, task, "Let me in");
    Response missing = send(stranger, 99_999_999, "Let me in");
    assertThat(hidden.status()).as(hidden.toString()).isEqualTo(403);
    assertThat(code(hidden)).isEqualTo("BITRIX_REST_V3_EXCEPTION_ACCESSDENIEDEXCEPTION");
    assertThat(hidden.json().at("/error/validation/0/field").asText()).isEqualTo("taskId");
    assertThat(hidden.body()).isEqualTo(missing.body());

    Response notMember = messages(stranger, Map.of("DIALOG_ID", "chat" + chat));
    Response noChat = messages(stranger, Map.of("DIALOG_ID", "chat99999999"));
    assertThat(notMember.status()).isEqualTo(403);
    assertThat(notMember.error()).isEqualTo("ACCESS_ERROR");
    assertThat(notMember.errorDescription()).isEqualTo("You do not have access to the specified dialog");
    assertThat(noChat.body()).isEqualTo(notMember.body());
    assertThat(messages(stranger, Map.of("DIALOG_ID", "7")).body()).as("no private dialogs here")
        .isEqualTo(notMember.body());
    Response empty = messages(creator, Map.of());
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.error()).isEqualTo("DIALOG_ID_EMPTY");
    assertThat(empty.errorDescription()).isEqualTo("Dialog ID can't be empty");
  }

  @Test
  void send_validates_as_the_doc_page_says() {
    long task = task("Validated", Map.of());
    Response noFields = creator.client().v3("tasks.task.chat.message.send", Map.of());
    assertThat(noFields.status()).isEqualTo(400);
    assertThat(code(noFields)).isEqualTo("BITRIX_REST_V3_EXCEPTION_VALIDATION_REQUESTVALIDATIONEXCEPTION");
    assertThat(noFields.json().at("/error/validation/0/field").asText()).isEqualTo("fields");

    Response noTask = send(creator, null, "x");
    assertThat(noTask.status()).isEqualTo(400);
    assertThat(code(noTask)).isEqualTo("BITRIX_REST_V3_EXCEPTION_VALIDATION_DTOVALIDATIONEXCEPTION");
    assertThat(noTask.json().at("/error/validation/0/field").asText()).isEqualTo("taskId");
    assertThat(noTask.json().at("/error/validation/0/message").asText())
        .isEqualTo("The required field \"taskId\" is not filled");
    Response noText = send(creator, task, " ");
    assertThat(code(noText)).isEqualTo("BITRIX_REST_V3_EXCEPTION_VALIDATION_DTOVALIDATIONEXCEPTION");
    assertThat(noText.json().at("/error/validation/0/field").asText()).isEqualTo("text");
    Response typed = send(creator, "abc", "x");
    assertThat(code(typed)).isEqualTo("BITRIX_REST_V3_EXCEPTION_VALIDATION_REQUESTVALIDATIONEXCEPTION");
    assertThat(typed.json().at("/error/validation/0/message").asText())
        .isEqualTo("Field `taskId` requires data type `int` for this request");
    assertThat(ids(messages(creator, Map.of("DIALOG_ID", "chat" + chatId(creator, task))))).isEmpty();

    // a retried send with one Idempotency-Key posts once and replays the answer
    Map<String, Object> body = Map.of("fields", Map.of("taskId", task, "text", "once"));
    Response first = creator.client().v3("tasks.task.chat.message.send", body, "Idempotency-Key", "chat-once-1");
    Response replay = creator.client().v3("tasks.task.chat.message.send", body, "Idempotency-Key", "chat-once-1");
    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    assertThat(replay.headers().firstValue("Idempotent-Replayed")).contains("true");
    assertThat(ids(messages(creator, Map.of("DIALOG_ID", "chat" + chatId(creator, task))))).hasSize(1);
  }

  static Response fromMessage(People.Person p, Object fields) {
    return p.client().v3("tasks.task.result.addfromchatmessage", Map.of("fields", fields));
  }

  @Test
  void a_message_becomes_a_result_once_while_open_and_outsiders_cannot_tell() {
    long task = task("Report", Map.of());
    long chat = chatId(creator, task);
    assertThat(send(auditor, task, "Figures are in").status()).isEqualTo(200);
    long message = ids(messages(responsible, Map.of("DIALOG_ID", "chat" + chat))).get(0);

    Response made = fromMessage(responsible, Map.of("messageId", message));
    assertThat(made.status()).as(made.toString()).isEqualTo(200);
    JsonNode item = made.result().get("item");
    List<String> keys = new ArrayList<>();
    item.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("id", "taskId", "text", "authorId", "createdAt", "updatedAt", "status",
        "fileIds", "rights", "messageId");
    assertThat(item.get("messageId").asLong()).isEqualTo(message);
    assertThat(item.get("taskId").asLong()).isEqualTo(task);
    assertThat(item.get("text").asText()).isEqualTo("Figures are in");
    assertThat(item.get("authorId").asLong()).isEqualTo(responsible.id());
    assertThat(item.get("status").asText()).isEqualTo("open");
    assertThat(item.get("rights").get("edit").asBoolean()).isTrue();

    Response again = fromMessage(creator, Map.of("messageId", message));
    assertThat(again.status()).isEqualTo(400);
    assertThat(code(again)).isEqualTo("BITRIX_REST_V3_EXCEPTION_VALIDATION_REQUESTVALIDATIONEXCEPTION");
    assertThat(again.json().at("/error/validation/0/message").asText()).isEqualTo("Result already exists");

    Response auditorTries = fromMessage(auditor, Map.of("messageId", message));
    assertThat(auditorTries.status()).as("an auditor reads but writes no results").isEqualTo(403);
    assertThat(code(auditorTries)).isEqualTo("BITRIX_REST_V3_EXCEPTION_ACCESSDENIEDEXCEPTION");

    Response hidden = fromMessage(stranger, Map.of("messageId", message));
    Response unknown = fromMessage(stranger, Map.of("messageId", 99_999_999));
    assertThat(hidden.status()).isEqualTo(400);
    assertThat(hidden.json().at("/error/validation/0/field").asText()).isEqualTo("messageId");
    assertThat(hidden.json().at("/error/validation/0/message").asText()).isEqualTo("Message is not from task chat");
    assertThat(hidden.body()).isEqualTo(unknown.body());

    Map<String, Object> nothing = new java.util.HashMap<>();
    nothing.put("messageId", null);
    Response missing = fromMessage(responsible, nothing);
    assertThat(code(missing)).isEqualTo("BITRIX_REST_V3_EXCEPTION_VALIDATION_DTOVALIDATIONEXCEPTION");
    assertThat(missing.json().at("/error/validation/0/field").asText()).isEqualTo("messageId");
    Response files = fromMessage(responsible, Map.of("messageId", message, "fileIds", List.of(1)));
    assertThat(files.json().at("/error/validation/0/message").asText())
        .isEqualTo("Field `fileIds` is not available for filling");
    Response unknownField = fromMessage(responsible, Map.of("messageId", message, "color", "red"));
    assertThat(code(unknownField)).isEqualTo("BITRIX_REST_V3_EXCEPTION_UNKNOWNDTOPROPERTYEXCEPTION");
    assertThat(unknownField.json().at("/error/message").asText()).isEqualTo("Unknown field `color` for entity `ResultDto`");
    Response typed = fromMessage(responsible, Map.of("messageId", "x"));
    assertThat(code(typed)).isEqualTo("BITRIX_REST_V3_EXCEPTION_VALIDATION_REQUESTVALIDATIONEXCEPTION");

    // the classic list shows it with commentId 0 (tasks-new.md), REST 3.0's with its messageId
    Response classic = auditor.call("tasks.task.result.list", Map.of("taskId", task));
    assertThat(classic.result()).hasSize(1);
    assertThat(classic.result().get(0).get("commentId").asInt()).isZero();
    Response v3 = auditor.client().v3("tasks.task.result.list", Map.of("filter", List.of(List.of("taskId", task))));
    assertThat(v3.result().get("items").get(0).get("messageId").asLong()).isEqualTo(message);

    // completed: the result closes, and after a renew the message may become an open result again
    assertThat(responsible.call("tasks.task.complete", Map.of("taskId", task)).status()).isEqualTo(200);
    assertThat(creator.call("tasks.task.renew", Map.of("taskId", task)).status()).isEqualTo(200);
    Response reopened = fromMessage(responsible, Map.of("messageId", message));
    assertThat(reopened.status()).as(reopened.toString()).isEqualTo(200);
    assertThat(auditor.call("tasks.task.result.list", Map.of("taskId", task)).result()).hasSize(2);
  }

  @Test
  void the_message_schema_is_served() {
    Response list = creator.client().v3("tasks.task.chat.message.field.list", Map.of("select",
        List.of("name", "type", "title", "description", "filterable", "sortable", "multiple")));
    assertThat(list.status()).as(list.toString()).isEqualTo(200);
    assertThat(list.result().get("items").toString()).isEqualTo("[{\"name\":\"id\",\"type\":\"int\",\"title\":\"id\","
        + "\"description\":null,\"filterable\":true,\"sortable\":true,\"multiple\":false},{\"name\":\"taskId\","
        + "\"type\":\"int\",\"title\":\"taskId\",\"description\":null,\"filterable\":false,\"sortable\":false,"
        + "\"multiple\":false},{\"name\":\"text\",\"type\":\"string\",\"title\":\"text\",\"description\":null,"
        + "\"filterable\":false,\"sortable\":false,\"multiple\":false}]");
    Response one = creator.client().v3("tasks.task.chat.message.field.get", Map.of("name", "taskId"));
    assertThat(one.result().get("item").get("type").asText()).isEqualTo("int");
    assertThat(one.result().get("item").size()).as("every descriptor key without a select").isEqualTo(11);
    Response none = creator.client().v3("tasks.task.chat.message.field.get", Map.of("name", "nope"));
    assertThat(code(none)).isEqualTo("BITRIX_REST_V3_REALISATION_EXCEPTION_FIELDNOTFOUNDEXCEPTION");
    Response badSelect = creator.client().v3("tasks.task.chat.message.field.list", Map.of("select", List.of("x")));
    assertThat(code(badSelect)).isEqualTo("BITRIX_REST_V3_EXCEPTION_UNKNOWNDTOPROPERTYEXCEPTION");
  }

  @Test
  void a_deleted_task_takes_its_chat_and_snapshots_carry_the_messages() throws Exception {
    long task = task("Short-lived", Map.of());
    long chat = chatId(creator, task);
    assertThat(send(creator, task, "kept").status()).isEqualTo(200);
    Response saved = server.admin().call("b24tasks.snapshot.save", Map.of("NAME", "chat"));
    assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
    assertThat(send(creator, task, "after the snapshot").status()).isEqualTo(200);
    assertThat(ids(messages(creator, Map.of("DIALOG_ID", "chat" + chat)))).hasSize(2);
    Response restored = server.admin().call("b24tasks.snapshot.restore", Map.of("NAME", "chat"));
    assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
    Response back = messages(creator, Map.of("DIALOG_ID", "chat" + chat));
    assertThat(ids(back)).hasSize(1);
    assertThat(back.result().get("messages").get(0).get("text").asText()).isEqualTo("kept");

    assertThat(creator.call("tasks.task.delete", Map.of("taskId", task)).status()).isEqualTo(200);
    assertThat(messages(creator, Map.of("DIALOG_ID", "chat" + chat)).status()).isEqualTo(403);
    long left = server.app().db.read(tx -> tx.queryLong(
        "SELECT count(*) FROM task_chats c LEFT JOIN task_chat_messages m ON m.chat_id = c.id WHERE c.id = ?", chat));
    assertThat(left).isZero();
  }
}
