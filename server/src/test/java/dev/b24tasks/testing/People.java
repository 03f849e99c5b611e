package dev.b24tasks.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Portal people for the HTTP tests: each one a user made through {@code user.add} with a webhook of her own
 * ({@code b24tasks.webhook.add}), by the one organisation builder, {@link Org}: so a test's set-up goes through the
 * same REST methods a client's would.
 */
public final class People {
  private final Org org;

  public People(TestServer server) {
    this.org = new Org(server);
  }

  /** A person and the client that calls as her. */
  public record Person(long id, RestClient client) {
    public Response call(String method, Object body) {
      return client.call(method, body);
    }

    /** Creates a task and returns its id. */
    public long addTask(Map<String, Object> fields) {
      Response r = call("tasks.task.add", Map.of("fields", fields));
      assertThat(r.status()).as(r.toString()).isEqualTo(200);
      return r.result().get("task").get("id").asLong();
    }

    public JsonNode task(long id) {
      Response r = call("tasks.task.get", Map.of("taskId", id));
      assertThat(r.status()).as(r.toString()).isEqualTo(200);
      return r.result().get("task");
    }
  }

  public Person create(String name) {
    return create(name, false);
  }

  public Person create(String name, boolean admin) {
    long id = org.user(name, "Tester");
    if (admin) org.admin(id, true);
    return new Person(id, org.as(id));
  }
}
