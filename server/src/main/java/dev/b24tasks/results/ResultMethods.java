package dev.b24tasks.results;

import dev.b24tasks.directory.Directory;
import dev.b24tasks.rest.Call;
import dev.b24tasks.rest.MethodRegistry;
import dev.b24tasks.rest.RestException;
import dev.b24tasks.rest.Wire;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The classic face of task results (doc pages {@code result/*.md}): {@code tasks.task.result.list},
 * {@code addFromComment}, {@code deleteFromComment}. Ids and status are numbers here (0 open, 1 closed), refusals
 * are code {@code "0"} with the pages' texts.
 */
public final class ResultMethods {
  private final ResultService service;
  private final Directory directory;

  public ResultMethods(ResultService service, Directory directory) {
    this.service = service;
    this.directory = directory;
  }

  public void register(MethodRegistry r) {
    r.namedRead("tasks.task.result.list", "task", c -> guarded(() -> {
      ZoneId zone = directory.zoneOf(c.userId());
      return service.list(c.userId(), c.params().requireLong("taskId")).stream()
          .map(s -> object(s.result(), zone, true)).toList();
    }));
    r.named("tasks.task.result.addFromComment", "task", c -> guarded(
        () -> object(service.fromComment(c.userId(), c.params().requireLong("commentId")).result(),
            directory.zoneOf(c.userId()), false)));
    r.named("tasks.task.result.deleteFromComment", "task", c -> guarded(() -> {
      service.deleteFromComment(c.userId(), c.params().requireLong("commentId"));
      return null;
    }));
  }

  /** The classic result object; {@code files} is {@code []} in lists and {@code null} in addFromComment's answer. */
  static Map<String, Object> object(TaskResult r, ZoneId zone, boolean inList) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("id", r.id());
    o.put("taskId", r.taskId());
    o.put("commentId", r.commentId() == null ? 0 : r.commentId());
    o.put("createdBy", r.authorId());
    o.put("createdAt", Wire.date(r.createdAt(), zone));
    o.put("updatedAt", Wire.date(r.updatedAt() == null ? r.createdAt() : r.updatedAt(), zone));
    o.put("status", r.closed() ? 1 : 0);
    o.put("text", r.text());
    o.put("formattedText", formatted(r.text()));
    o.put("files", inList ? List.of() : null);
    return o;
  }

  /** The text as the task card shows it: HTML-escaped, line breaks as {@code <br />}. */
  static String formatted(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
        .replace("\r\n", "\n").replace("\n", "<br />");
  }

  private interface Work {
    Object run();
  }

  private static Object guarded(Work work) {
    try {
      return work.run();
    } catch (ResultService.ResultException e) {
      String key = switch (e.refusal()) {
        case RESULT_EXISTS -> "RESULT_EXISTS";
        case COMMENT_NOT_FOUND -> "COMMENT_NOT_FOUND";
        default -> "ACCESS_DENIED";
      };
      throw RestException.message("0", 400, "results", key);
    }
  }
}
