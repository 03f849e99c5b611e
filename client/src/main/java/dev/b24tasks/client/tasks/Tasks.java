package dev.b24tasks.client.tasks;

import static dev.b24tasks.client.Bitrix24.params;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.client.Bitrix24;
import dev.b24tasks.client.Bitrix24Exception;
import dev.b24tasks.client.Paging;
import dev.b24tasks.client.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code tasks.task.*}, typed: add, update, get, list, delete and the status actions, each answering the task as
 * the portal re-reads it. Checklists, comments and elapsed time are on {@link #checklist()}, {@link #comments()}
 * and {@link #elapsed()}. Get one from {@link Bitrix24#tasks()}.
 */
public final class Tasks {
  private final Bitrix24 client;
  private final Checklists checklist;
  private final Comments comments;
  private final Elapsed elapsed;
  private final TasksV3 v3;

  /** The service over {@code client}; prefer {@link Bitrix24#tasks()}. */
  public Tasks(Bitrix24 client) {
    this.client = client;
    this.checklist = new Checklists(client);
    this.comments = new Comments(client);
    this.elapsed = new Elapsed(client);
    this.v3 = new TasksV3(client);
  }

  /** Creates a task ({@code TITLE} and {@code RESPONSIBLE_ID} are required). */
  public Task add(TaskFields fields) {
    return task(client.call("tasks.task.add", params("fields", fields.toMap())));
  }

  /** Changes the fields set in {@code fields}. */
  public Task update(long taskId, TaskFields fields) {
    return task(client.call("tasks.task.update", params("taskId", taskId, "fields", fields.toMap())));
  }

  /** The task, or empty when it does not exist or the caller may not see it (the portal does not tell apart). */
  public Optional<Task> get(long taskId) {
    return get(taskId, new TaskField[0]);
  }

  /** The task with only {@code select} fields (and what the portal always adds). */
  public Optional<Task> get(long taskId, TaskField... select) {
    Map<String, Object> p = params("taskId", taskId);
    if (select.length > 0) p.put("select", Arrays.stream(select).map(Enum::name).toList());
    JsonNode t = client.call("tasks.task.get", p).result().get("task");
    return t == null || !t.isObject() ? Optional.empty() : Optional.of(Task.from(t));
  }

  /** The first page of tasks matching {@code query}. */
  public TaskPage list(TaskQuery query) {
    return list(query, 0);
  }

  /** The page of tasks matching {@code query} from {@code start} (0, 50, 100…; a page's {@code next}). */
  public TaskPage list(TaskQuery query, long start) {
    Map<String, Object> p = query.toParams();
    p = new java.util.LinkedHashMap<>(p);
    p.put("start", start);
    Response r = client.call("tasks.task.list", p);
    List<Task> tasks = Wire.rows(r.result().get("tasks")).stream().map(Task::from).toList();
    return new TaskPage(tasks, r.total() == null ? tasks.size() : r.total(), r.next());
  }

  /**
   * Every task matching {@code query}, fetched page by page as the stream is read: by the {@code >ID} keyset when
   * the query orders by nothing or by {@code ID} only (fast on any size), else by {@code start}.
   */
  public Stream<Task> stream(TaskQuery query) {
    return client.stream("tasks.task.list", query.toParams(), new Paging(Paging.Mode.AUTO, "id", "ID", "tasks"))
        .map(Task::from);
  }

  /** Deletes the task. */
  public void delete(long taskId) {
    client.call("tasks.task.delete", params("taskId", taskId));
  }

  /** Starts work: status 3. */
  public Task start(long taskId) {
    return action("tasks.task.start", taskId);
  }

  /** Pauses work: status 2. */
  public Task pause(long taskId) {
    return action("tasks.task.pause", taskId);
  }

  /** Defers the task: status 6. */
  public Task defer(long taskId) {
    return action("tasks.task.defer", taskId);
  }

  /** Completes it: status 5, or 4 (awaiting review) under task control when the caller is not the creator. */
  public Task complete(long taskId) {
    return action("tasks.task.complete", taskId);
  }

  /** Renews a completed task: status 2. */
  public Task renew(long taskId) {
    return action("tasks.task.renew", taskId);
  }

  /** Accepts the result of a task awaiting review: status 5. */
  public Task approve(long taskId) {
    return action("tasks.task.approve", taskId);
  }

  /** Sends back a task awaiting review: status 2. */
  public Task disapprove(long taskId) {
    return action("tasks.task.disapprove", taskId);
  }

  /** Hands the task to {@code userId} (the caller becomes an observer). */
  public Task delegate(long taskId, long userId) {
    return task(client.call("tasks.task.delegate", params("taskId", taskId, "userId", userId)));
  }

  /** The caller starts observing the task. */
  public Task startWatch(long taskId) {
    return action("tasks.task.startwatch", taskId);
  }

  /** The caller stops observing the task. */
  public Task stopWatch(long taskId) {
    return action("tasks.task.stopwatch", taskId);
  }

  /** Adds the task to the caller's favourites. */
  public void addFavorite(long taskId) {
    client.call("tasks.task.favorite.add", params("taskId", taskId));
  }

  /** Removes the task from the caller's favourites. */
  public void removeFavorite(long taskId) {
    client.call("tasks.task.favorite.remove", params("taskId", taskId));
  }

  /** Checklist items of tasks. */
  public Checklists checklist() {
    return checklist;
  }

  /** Comments of tasks. */
  public Comments comments() {
    return comments;
  }

  /** Time logged on tasks. */
  public Elapsed elapsed() {
    return elapsed;
  }

  /** The same tasks through REST 3.0. */
  public TasksV3 v3() {
    return v3;
  }

  private Task action(String method, long taskId) {
    return task(client.call(method, params("taskId", taskId)));
  }

  private static Task task(Response r) {
    JsonNode t = r.result() == null ? null : r.result().get("task");
    if (t == null || !t.isObject()) {
      throw new Bitrix24Exception("ERROR_UNEXPECTED_ANSWER", "no task in the answer: " + r.result(), 200,
          r.method());
    }
    return Task.from(t);
  }
}
