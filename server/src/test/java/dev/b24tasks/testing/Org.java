package dev.b24tasks.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds an organisation over real HTTP, as the administrator, and hands out a client per person:
 *
 * <pre>{@code
 * Org org = new Org(server);
 * long sales = org.department("Sales", Org.ROOT);
 * long boss = org.user("Olga", "Head", sales);
 * org.head(sales, boss);
 * long maria = org.user("Maria", "Johnson", sales);
 * long team = org.group("Launch", boss, maria);      // boss owns it, maria is a member
 * org.as(maria).call("tasks.task.add", ...);          // calls as Maria through her own webhook
 * }</pre>
 *
 * Every step asserts that the server accepted it, so a broken setup fails where it happens.
 */
public final class Org {
  /** The top-level department every portal starts with. */
  public static final long ROOT = 1;

  private static final AtomicInteger SEQ = new AtomicInteger();

  private final RestClient admin;
  private final Map<Long, RestClient> clients = new HashMap<>();

  public Org(TestServer server) {
    this(server.admin());
  }

  public Org(RestClient admin) {
    this.admin = admin;
    clients.put(1L, admin);
  }

  public RestClient admin() {
    return admin;
  }

  /** A new department under {@code parent}; returns its id. */
  public long department(String name, long parent) {
    return id(admin.call("department.add", Map.of("NAME", name, "PARENT", parent)), "department.add " + name);
  }

  /** Makes {@code userId} the head of {@code department}. */
  public Org head(long department, long userId) {
    ok(admin.call("department.update", Map.of("ID", department, "UF_HEAD", userId)), "department.update head");
    return this;
  }

  /** A new employee in the given departments (the root one when none are given); returns her id. */
  public long user(String name, String lastName, long... departments) {
    return user(name, lastName, "", departments);
  }

  public long user(String name, String lastName, String workPosition, long... departments) {
    long[] deps = departments.length == 0 ? new long[] {ROOT} : departments;
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("EMAIL", (name + "." + lastName).toLowerCase().replaceAll("[^a-z0-9.]", "") + "." + SEQ.incrementAndGet()
        + "@org.test");
    fields.put("NAME", name);
    fields.put("LAST_NAME", lastName);
    fields.put("WORK_POSITION", workPosition);
    fields.put("UF_DEPARTMENT", Arrays.stream(deps).boxed().toList());
    return id(admin.call("user.add", fields), "user.add " + name);
  }

  /** Makes a user a portal administrator (or not). */
  public Org admin(long userId, boolean admin) {
    ok(admin().call("b24tasks.user.admin.set", Map.of("USER_ID", userId, "ADMIN", admin ? "Y" : "N")), "admin.set");
    return this;
  }

  /** A closed, visible workgroup owned by {@code owner}, with {@code members} as plain members; returns its id. */
  public long group(String name, long owner, long... members) {
    return group(name, false, owner, members);
  }

  public long group(String name, boolean opened, long owner, long... members) {
    long id = id(admin.call("sonet_group.create",
        Map.of("NAME", name, "OPENED", opened ? "Y" : "N", "OWNER_ID", owner)), "sonet_group.create " + name);
    if (members.length > 0) {
      ok(admin.call("sonet_group.user.add", Map.of("GROUP_ID", id, "USER_ID", Arrays.stream(members).boxed().toList())),
          "sonet_group.user.add");
    }
    return id;
  }

  /** Makes members of a group its moderators. */
  public Org moderators(long group, long... users) {
    ok(admin.call("sonet_group.user.update",
        Map.of("GROUP_ID", group, "USER_ID", Arrays.stream(users).boxed().toList(), "ROLE", "E")), "moderators");
    return this;
  }

  /** Turns a group's tasks feature off or on. */
  public Org tasksFeature(long group, boolean enabled) {
    ok(admin.call("b24tasks.group.tasks.set", Map.of("GROUP_ID", group, "ENABLED", enabled ? "Y" : "N")),
        "group.tasks.set");
    return this;
  }

  /** A client calling as {@code userId} through a webhook of her own with every scope (made once, then reused). */
  public RestClient as(long userId) {
    return clients.computeIfAbsent(userId, u -> {
      Response r = admin.call("b24tasks.webhook.add", Map.of("USER_ID", u));
      ok(r, "b24tasks.webhook.add");
      return admin.as(u, r.result().get("CODE").asText());
    });
  }

  /** A client calling as {@code userId} with only the given scopes. */
  public RestClient as(long userId, List<String> scopes) {
    Response r = admin.call("b24tasks.webhook.add", Map.of("USER_ID", userId, "SCOPE", scopes));
    ok(r, "b24tasks.webhook.add");
    return admin.as(userId, r.result().get("CODE").asText());
  }

  private static long id(Response r, String what) {
    ok(r, what);
    JsonNode result = r.result();
    return result.asLong();
  }

  private static void ok(Response r, String what) {
    if (r.status() != 200 || r.result() == null) {
      throw new AssertionError(what + " failed: HTTP " + r.status() + " " + r.body());
    }
  }
}
