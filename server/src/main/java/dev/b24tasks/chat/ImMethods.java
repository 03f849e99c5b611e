package dev.b24tasks.chat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.directory.Directory;
import dev.b24tasks.directory.User;
import dev.b24tasks.directory.Users;
import dev.b24tasks.rest.Call;
import dev.b24tasks.rest.MethodRegistry;
import dev.b24tasks.rest.Params;
import dev.b24tasks.rest.RestException;
import dev.b24tasks.rest.Wire;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The messenger's methods a client of the new task card needs to read a task chat (scope {@code im}, doc pages
 * {@code chats/messages/im-dialog-messages-get.md}, {@code chats/im-chat-get.md}): {@code im.dialog.messages.get}
 * with {@code DIALOG_ID} {@code chat{CHAT_ID}} gives the messages and their ids (for
 * {@code tasks.task.result.addfromchatmessage}), {@code im.chat.get} finds a task's chat by
 * {@code ENTITY_TYPE=TASKS_TASK}. Parameter names match in any letter case, as the messenger's do. Only task chats
 * exist here: any other dialog is one the caller has no access to.
 */
public final class ImMethods {
  static final String SCOPE = "im";
  private static final Pattern CHAT = Pattern.compile("chat(\\d{1,18})");
  private static final Pattern DIALOG = Pattern.compile("chat\\d+|\\d+");
  /** The messenger's user colours, one per user by id (this server keeps none of its own). */
  private static final List<String> COLORS = List.of("#df532d", "#728f7a", "#4ba984", "#29619b", "#e98fa6",
      "#ab7761", "#3e99ce", "#8474c8", "#1eb4aa", "#f76187");

  private final ChatService service;
  private final Directory directory;
  private final Users users;

  public ImMethods(ChatService service, Directory directory, Users users) {
    this.service = service;
    this.directory = directory;
    this.users = users;
  }

  public void register(MethodRegistry r) {
    r.namedRead("im.dialog.messages.get", SCOPE, this::messages);
    r.namedRead("im.chat.get", SCOPE, this::chat);
  }

  /** {@code {"messages":[…],"users":[…],"files":[],"chat_id":N}}, the newest first. */
  Object messages(Call call) {
    String dialog = text(call, "DIALOG_ID").trim();
    if (!DIALOG.matcher(dialog).matches()) {
      throw RestException.literal("DIALOG_ID_EMPTY", 400, "Dialog ID can't be empty");
    }
    Matcher m = CHAT.matcher(dialog);
    JsonNode first = param(call, "FIRST_ID");
    JsonNode limit = param(call, "LIMIT");
    int n = limit == null ? ChatService.DEFAULT_LIMIT : (int) Math.min(Params.phpInt(limit), ChatService.MAX_LIMIT);
    Optional<ChatService.Page> page = !m.matches() ? Optional.empty()
        : service.messages(call.userId(), Long.parseLong(m.group(1)), first == null ? null : Params.phpInt(first),
            Params.phpInt(param(call, "LAST_ID")), n <= 0 ? ChatService.DEFAULT_LIMIT : n);
    ChatService.Page p = page.orElseThrow(
        () -> RestException.literal("ACCESS_ERROR", 403, "You do not have access to the specified dialog"));
    ZoneId zone = directory.zoneOf(call.userId());
    List<Object> messages = new ArrayList<>();
    Set<Long> authors = new LinkedHashSet<>();
    for (ChatMessage msg : p.messages()) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("id", msg.id());
      o.put("chat_id", msg.chatId());
      o.put("author_id", msg.authorId());
      o.put("date", Wire.date(msg.createdAt(), zone));
      o.put("text", msg.text());
      o.put("params", null);
      messages.add(o);
      authors.add(msg.authorId());
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("messages", messages);
    out.put("users", people(authors, zone));
    out.put("files", List.of());
    out.put("chat_id", p.chatId());
    return out;
  }

  /** {@code {"ID":N}} for {@code ENTITY_TYPE=TASKS_TASK, ENTITY_ID=<task>} of a task the caller reads, else null. */
  Object chat(Call call) {
    String type = text(call, "ENTITY_TYPE");
    long task = Params.phpInt(param(call, "ENTITY_ID"));
    if (!type.equals("TASKS_TASK") || task <= 0) return null;
    return service.chatOfTask(call.userId(), task).<Object>map(id -> Map.of("ID", id)).orElse(null);
  }

  /** The authors as the messenger describes users, read in one query. */
  private List<Object> people(Set<Long> ids, ZoneId zone) {
    List<Object> out = new ArrayList<>();
    if (ids.isEmpty()) return out;
    for (Users.Listed l : users.list("u.id = ANY(?)", List.of(List.copyOf(ids)), "u.id", 0, ids.size())) {
      User u = l.user();
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("id", u.id());
      o.put("name", u.fullName());
      o.put("first_name", u.name());
      o.put("last_name", u.lastName());
      o.put("work_position", u.workPosition() == null ? "" : u.workPosition());
      o.put("color", COLORS.get((int) Math.floorMod(u.id(), (long) COLORS.size())));
      o.put("avatar", u.personalPhoto() == null ? "" : u.personalPhoto());
      o.put("gender", "F".equals(u.personalGender()) ? "F" : "M");
      o.put("birthday", "");
      o.put("extranet", l.extranet());
      o.put("network", false);
      o.put("bot", false);
      o.put("connector", false);
      o.put("external_auth_id", "default");
      o.put("status", "online");
      o.put("idle", false);
      o.put("last_activity_date", u.lastLogin() == null ? false : Wire.date(u.lastLogin(), zone));
      o.put("mobile_last_date", false);
      o.put("departments", l.departments());
      o.put("absent", false);
      Map<String, Object> phones = new LinkedHashMap<>();
      phones.put("work_phone", "");
      phones.put("personal_mobile", "");
      phones.put("personal_phone", "");
      o.put("phones", phones);
      out.add(o);
    }
    return out;
  }

  /** A parameter by its name in any letter case (the messenger upper-cases the keys it is given). */
  private static JsonNode param(Call call, String upper) {
    for (Iterator<Map.Entry<String, JsonNode>> it = call.params().root().fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().toUpperCase(Locale.ROOT).equals(upper)) return e.getValue();
    }
    return null;
  }

  private static String text(Call call, String upper) {
    JsonNode v = param(call, upper);
    return v == null || v.isNull() || v.isContainerNode() ? "" : v.asText();
  }
}
