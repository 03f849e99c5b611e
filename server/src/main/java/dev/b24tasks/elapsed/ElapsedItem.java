package dev.b24tasks.elapsed;

import java.time.Instant;

/** One elapsed-time record: who spent how many seconds on a task, when, and why. */
public record ElapsedItem(long id, long taskId, long userId, String commentText, long seconds, int source,
    Instant createdDate, Instant dateStart, Instant dateStop) {

  /** Bitrix keeps MINUTES as the rounded seconds. */
  public long minutes() {
    return Math.round(seconds / 60.0);
  }
}
