package dev.b24tasks.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.auth.Scopes;
import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.RestClient;
import dev.b24tasks.testing.TestServer;
import java.util.Map;

/** Portal people for the HTTP tests: a user and a webhook of her own, created through the services. */
public final class People {
  private final TestServer server;

  public People(TestServer server) {
    this.server = server;
  }

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
    long id = server.app().directory.createUser(name.toLowerCase() + System.nanoTime() + "@example.com", name,
        "Tester", admin);
    String code = "personcode" + id;
    server.app().auth.createWebhook(id, Scopes.ALL, code, null, "test");
    return new Person(id, server.as(id, code));
  }
}
