package dev.b24tasks.directory;

import dev.b24tasks.store.Database;
import dev.b24tasks.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How long the directory's questions take on a big company: 1,111 departments four levels deep, every one with a
 * head, 20,000 employees. Prints timings, asserts nothing. Run: {@code ./mvnw -o verify -DskipITs
 * -Dtest=SubordinatesBench -Dsurefire.failIfNoSpecifiedTests=false -Dbench=true}.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class SubordinatesBench {
  @RegisterExtension static TestServer server = new TestServer();

  @Test
  void timings() {
    Database db = server.app().db;
    Directory dir = server.app().directory;
    db.tx(tx -> {
      // heads: users 2..1112; employees after them; departments 2.. under root 1: 10 x 10 x 10 (+ 1 level-1 layer)
      tx.update("INSERT INTO users (email, name) SELECT 'u' || g || '@bench', 'U' || g FROM generate_series(1, 21111) g");
      tx.update("INSERT INTO departments (id, name, parent_id) SELECT 1 + g, 'L1-' || g, 1 FROM generate_series(1, 10) g");
      tx.update("INSERT INTO departments (id, name, parent_id) SELECT 11 + g, 'L2-' || g, 2 + (g - 1) / 10 "
          + "FROM generate_series(1, 100) g");
      tx.update("INSERT INTO departments (id, name, parent_id) SELECT 111 + g, 'L3-' || g, 12 + (g - 1) / 10 "
          + "FROM generate_series(1, 1000) g");
      tx.queryLong("SELECT setval('departments_id_seq', 2000)");
      tx.update("UPDATE departments SET head_id = id WHERE id > 1"); // user n heads department n
      tx.update("INSERT INTO user_departments (user_id, department_id, position) "
          + "SELECT 1112 + g, 112 + (g - 1) / 20, 0 FROM generate_series(1, 20000) g");
      tx.update("INSERT INTO user_departments (user_id, department_id, position) "
          + "SELECT id, id, 0 FROM departments WHERE id > 1");
      tx.execute("ANALYZE");
      return null;
    });
    report("subordinates(head of a level-1 department, ~2,111 people)", 200, () -> dir.subordinates(2).size());
    report("subordinates(head of a leaf department, 20 people)", 2000, () -> dir.subordinates(112).size());
    report("isManagerOf(level-1 head, deep employee)", 2000, () -> dir.isManagerOf(2, 1113) ? 1 : 0);
    report("isManagerOf(leaf head, someone elsewhere)", 2000, () -> dir.isManagerOf(112, 21000) ? 1 : 0);
    report("managers(deep employee)", 2000, () -> dir.managers(1113).size());
    report("groupAllows(no such group)", 2000, () -> dir.groupAllows(1, 1113, GroupPermission.VIEW) ? 1 : 0);
  }

  private static void report(String what, int times, java.util.function.IntSupplier call) {
    for (int i = 0; i < times / 4; i++) call.getAsInt(); // warm-up
    long t0 = System.nanoTime();
    int last = 0;
    for (int i = 0; i < times; i++) last = call.getAsInt();
    double us = (System.nanoTime() - t0) / 1000.0 / times;
    System.out.printf("BENCH %-60s %8.1f µs/call (result %d)%n", what, us, last);
  }
}
