package dev.b24tasks.chat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.b24tasks.rest.v3.V3Call;
import dev.b24tasks.rest.v3.V3Error;
import dev.b24tasks.rest.v3.V3Exception;
import dev.b24tasks.rest.v3.V3Fields;
import dev.b24tasks.rest.v3.V3Method;
import dev.b24tasks.rest.v3.V3Method.Param;
import dev.b24tasks.rest.v3.V3Registry;
import java.util.List;
import java.util.Map;

/**
 * REST 3.0's task chat (doc pages {@code rest-v3/tasks-task-chat-message-*.md}): {@code tasks.task.chat.message.send}
 * answers {@code {"result":{"result":true}}} (the RU page and the SDKs; the EN page renders it {@code {}}), and the
 * message fields' schema. The message id is not in the answer: a client reads it with {@code im.dialog.messages.get}.
 */
public final class ChatV3Methods {
  static final String SCOPE = "task";

  /** The fields of a chat message as tasks.task.chat.message.field.list describes them. */
  static final List<Map<String, Object>> FIELDS = List.of(
      V3Fields.descriptor("id", "int", true, true, false, false, null, false),
      V3Fields.descriptor("taskId", "int", false, false, true, false, null, true),
      V3Fields.descriptor("text", "string", false, false, true, false, null, true));

  private final ChatService service;

  public ChatV3Methods(ChatService service) {
    this.service = service;
  }

  public void register(V3Registry r) {
    Param fieldSelect = new Param("select", "array", false, "Descriptor keys to return");
    r.add(new V3Method("tasks.task.chat.message.send", SCOPE, true,
        List.of(new Param("fields", "object", true, "taskId and text")), "result", null,
        "Sends a message to the task chat", this::send));
    r.add(new V3Method("tasks.task.chat.message.field.list", SCOPE, false, List.of(fieldSelect), "items",
        V3Fields.ENTITY, "Describes the fields of a task chat message", c -> V3Fields.list(c, FIELDS)));
    r.add(new V3Method("tasks.task.chat.message.field.get", SCOPE, false,
        List.of(new Param("name", "string", true, "Field name"), fieldSelect), "item", V3Fields.ENTITY,
        "Describes one field of a task chat message", c -> V3Fields.get(c, FIELDS)));
  }

  /** A task the caller may not read, and one that does not exist: ACCESSDENIEDEXCEPTION on {@code taskId}. */
  Object send(V3Call call) {
    ObjectNode f = call.requiredObject("fields");
    long taskId = V3Call.dtoInt(f, "taskId");
    String text = V3Call.dtoText(f, "text");
    try {
      service.send(call.userId(), taskId, text);
    } catch (ChatService.ChatException e) {
      throw V3Exception.invalid(V3Error.ACCESS_DENIED, List.of(new V3Exception.Validation("taskId", "ACCESS_DENIED")));
    }
    return Map.of("result", true);
  }
}
