package dev.b24tasks.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many clients fire conflicting status actions at a few tasks, through one or several server nodes; then each
 * task's history must be one unbroken path through the status machine, every step taken by someone the rules let
 * take it, and every successful answer must be exactly one change in the history (no lost update, no double win).
 *
 * <p>Who may do what is checked against a table written here from the reference's status x role matrix
 * (bitrix-task-semantics.md §2.4, TASK_CONTROL=Y, creator and responsible distinct and not admins), not against the
 * server's own rules.
 */
public final class TransitionStorm {
  /** A portal user and the webhook code she calls with. */
  public record Person(long id, String code) {}

  static final List<String> ACTIONS = List.of("start", "pause", "defer", "complete", "approve", "disapprove",
      "delegate", "renew");

  private final List<String> nodes;
  private final Person creator;
  private final Map<Long, Person> people = new ConcurrentHashMap<>();
  private final List<Person> delegateTargets;
  private final AtomicInteger nextTarget = new AtomicInteger();
  private final Map<Long, AtomicInteger> successes = new ConcurrentHashMap<>();
  private final Map<Long, Integer> initialStatus = new ConcurrentHashMap<>();
  private final Map<Long, Long> initialResponsible = new ConcurrentHashMap<>();
  private final AtomicInteger refused = new AtomicInteger();

  /**
   * {@code nodes}: base URLs ({@code http://127.0.0.1:PORT}); {@code responsible}: the first responsible of every
   * task; {@code delegateTargets}: users never responsible before, one per successful or refused delegation, so
   * that every accepted delegation changes the responsible.
   */
  public TransitionStorm(List<String> nodes, Person creator, Person responsible, List<Person> delegateTargets) {
    this.nodes = nodes;
    this.creator = creator;
    this.delegateTargets = delegateTargets;
    people.put(creator.id(), creator);
    people.put(responsible.id(), responsible);
    delegateTargets.forEach(p -> people.put(p.id(), p));
    this.responsible = responsible;
  }

  private final Person responsible;

  private RestClient client(Person p, Random random) {
    return new RestClient(nodes.get(random.nextInt(nodes.size())), p.id(), p.code());
  }

  /** Creates {@code count} tasks (creator -> responsible, TASK_CONTROL=Y) and returns their ids. */
  public List<Long> createTasks(int count) {
    List<Long> ids = new ArrayList<>();
    Random random = new Random(count);
    for (int i = 0; i < count; i++) {
      Response r = client(creator, random).call("tasks.task.add", Map.of("fields", Map.of("TITLE", "Storm " + i,
          "RESPONSIBLE_ID", responsible.id(), "TASK_CONTROL", "Y")));
      assertThat(r.status()).as(r.toString()).isEqualTo(200);
      JsonNode task = r.result().get("task");
      long id = task.get("id").asLong();
      ids.add(id);
      successes.put(id, new AtomicInteger());
      initialStatus.put(id, task.get("status").asInt());
      initialResponsible.put(id, responsible.id());
    }
    return ids;
  }

  /** {@code clients} threads, {@code callsEach} actions each, on random tasks, actors and nodes. */
  public void run(List<Long> tasks, int clients, int callsEach, long seed) throws Exception {
    try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
      List<Future<?>> done = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        Random random = new Random(seed + c);
        done.add(pool.submit(() -> {
          for (int i = 0; i < callsEach; i++) oneCall(tasks.get(random.nextInt(tasks.size())), random);
          return null;
        }));
      }
      for (Future<?> f : done) f.get(10, TimeUnit.MINUTES);
    }
  }

  private void oneCall(long taskId, Random random) {
    // Read who is responsible now (racy on purpose), then act as her or as the creator.
    Response read = client(creator, random).call("tasks.task.get", Map.of("taskId", taskId));
    assertThat(read.status()).as(read.toString()).isEqualTo(200);
    long responsibleNow = read.result().get("task").get("responsibleId").asLong();
    Person actor = random.nextBoolean() ? creator : people.get(responsibleNow);
    String action = ACTIONS.get(random.nextInt(ACTIONS.size()));
    Map<String, Object> params = new java.util.LinkedHashMap<>();
    params.put("taskId", taskId);
    if (action.equals("delegate")) {
      int n = nextTarget.getAndIncrement();
      if (n >= delegateTargets.size()) return;
      params.put("userId", delegateTargets.get(n).id());
    }
    Response r = client(actor, random).call("tasks.task." + action, params);
    if (r.status() == 200) {
      successes.get(taskId).incrementAndGet();
    } else {
      assertThat(r.status()).as(action + " answered " + r).isEqualTo(400);
      refused.incrementAndGet();
    }
  }

  public int successes() {
    return successes.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  public int refused() {
    return refused.get();
  }

  /** One change of a task: the STATUS and RESPONSIBLE_ID rows written by one transaction. */
  record Change(long userId, Integer statusFrom, Integer statusTo, Long responsibleFrom, Long responsibleTo) {}

  /** Checks every task's history (read from the database at {@code jdbcUrl}) against the answers the clients got. */
  public void verify(String jdbcUrl, List<Long> tasks) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl)) {
      for (long id : tasks) {
        List<Change> changes = changes(c, id);
        assertThat(changes).as("changes of task " + id + " vs successful answers").hasSize(successes.get(id).get());
        int status = initialStatus.get(id);
        long resp = initialResponsible.get(id);
        for (Change ch : changes) {
          boolean byCreator = ch.userId() == creator.id();
          boolean byResponsible = ch.userId() == resp;
          assertThat(byCreator || byResponsible).as("task %d: %s by someone neither creator nor responsible", id, ch)
              .isTrue();
          boolean delegation = ch.responsibleTo() != null;
          if (delegation) {
            assertThat(ch.responsibleFrom()).as("task %d: responsible chain at %s", id, ch).isEqualTo(resp);
            assertThat(status).as("task %d: delegated while completed", id).isNotEqualTo(5);
            resp = ch.responsibleTo();
          }
          if (ch.statusTo() != null) {
            assertThat(ch.statusFrom()).as("task %d: status chain at %s", id, ch).isEqualTo(status);
            assertThat(allowed(status, ch.statusTo(), byCreator, byResponsible, delegation))
                .as("task %d: %d -> %d by %s (creator %s, responsible %s, delegation %s)", id, status, ch.statusTo(),
                    ch.userId(), byCreator, byResponsible, delegation)
                .isTrue();
            status = ch.statusTo();
          } else {
            assertThat(delegation).as("task %d: a change without a status or responsible row", id).isTrue();
            assertThat(status).as("task %d: delegation without a status row must start from 2", id).isEqualTo(2);
          }
        }
        try (PreparedStatement st = c.prepareStatement("SELECT status, responsible_id FROM tasks WHERE id = ?")) {
          st.setLong(1, id);
          try (ResultSet rs = st.executeQuery()) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).as("task %d: final status is where its history ends", id).isEqualTo(status);
            assertThat(rs.getLong(2)).as("task %d: final responsible", id).isEqualTo(resp);
          }
        }
      }
    }
  }

  /** The status matrix of §2.4 for the creator and the responsible of a task with TASK_CONTROL=Y. */
  static boolean allowed(int from, int to, boolean byCreator, boolean byResponsible, boolean delegation) {
    if (delegation) return from != 5 && to == 2;
    return switch (to) {
      case 3, 6 -> from == 1 || from == 2; // start, defer
      case 4 -> byResponsible && !byCreator && (from == 1 || from == 2 || from == 3 || from == 6 || from == 7);
      case 5 -> byCreator && from != 5; // creator's complete, or approve of 4
      case 2 -> from == 3 // pause
          || from == 4 // disapprove (creator) or renew (responsible)
          || from == 5 || from == 6; // renew
      default -> false;
    };
  }

  /** Rows of one transaction share the task, the user and the time stamp; rows are grouped that way, in id order. */
  private static List<Change> changes(Connection c, long taskId) throws SQLException {
    List<Change> out = new ArrayList<>();
    try (PreparedStatement st = c.prepareStatement("SELECT user_id, created_date, field, from_value, to_value "
        + "FROM task_history WHERE task_id = ? AND field IN ('STATUS', 'RESPONSIBLE_ID') ORDER BY id")) {
      st.setLong(1, taskId);
      try (ResultSet rs = st.executeQuery()) {
        long user = -1;
        Object at = null;
        Integer sFrom = null;
        Integer sTo = null;
        Long rFrom = null;
        Long rTo = null;
        while (rs.next()) {
          boolean sameChange = rs.getLong(1) == user && rs.getObject(2).equals(at)
              && (rs.getString(3).equals("STATUS") ? sTo == null : rTo == null);
          if (!sameChange && user != -1) {
            out.add(new Change(user, sFrom, sTo, rFrom, rTo));
            sFrom = null;
            sTo = null;
            rFrom = null;
            rTo = null;
          }
          user = rs.getLong(1);
          at = rs.getObject(2);
          if (rs.getString(3).equals("STATUS")) {
            sFrom = Integer.valueOf(rs.getString(4));
            sTo = Integer.valueOf(rs.getString(5));
          } else {
            rFrom = Long.valueOf(rs.getString(4));
            rTo = Long.valueOf(rs.getString(5));
          }
        }
        if (user != -1) out.add(new Change(user, sFrom, sTo, rFrom, rTo));
      }
    }
    return out;
  }
}
