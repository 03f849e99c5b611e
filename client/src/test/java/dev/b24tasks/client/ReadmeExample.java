package dev.b24tasks.client;

import dev.b24tasks.client.tasks.Task;
import dev.b24tasks.client.tasks.TaskField;
import dev.b24tasks.client.tasks.TaskFields;
import dev.b24tasks.client.tasks.TaskQuery;
import dev.b24tasks.client.tasks.TaskQuery.Op;
import dev.b24tasks.client.tasks.TaskStatus;
import java.time.OffsetDateTime;

/** The README's example, compiled by the build and run by {@link ReadmeExampleTest}; keep the two the same. */
final class ReadmeExample {
  private ReadmeExample() {}

  static void run(String webhookUrl) {
    // README:begin
    try (Bitrix24 b24 = Bitrix24.webhook(webhookUrl)) { // "https://your.bitrix24.com/rest/1/your-code/"
      Task task = b24.tasks().add(TaskFields.create().title("Call the supplier").responsibleId(1)
          .deadline(OffsetDateTime.now().plusDays(2)).taskControl(true));
      b24.tasks().start(task.id());
      b24.tasks().checklist().add(task.id(), "Ask for the new price list");
      b24.tasks().stream(TaskQuery.create().where(TaskField.RESPONSIBLE_ID, 1)
              .where(TaskField.STATUS, Op.NOT, TaskStatus.COMPLETED))
          .forEach(t -> System.out.println(t.id() + " " + t.status() + " " + t.title()));
    } catch (Bitrix24Exception e) {
      System.err.println(e.code() + ": " + e.description() + " (HTTP " + e.httpStatus() + ")");
    }
    // README:end
  }
}
