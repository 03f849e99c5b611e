package dev.b24tasks.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.b24tasks.config.Settings;
import dev.b24tasks.testing.TestPostgres;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store's unit of work: a transaction that loses a serialization race is run again, one that keeps losing
 * reports a conflict and leaves nothing behind, and a nested unit that fails is undone alone.
 */
class TransactionsTest {
  private static String url;
  private static Database db;

  @BeforeAll
  static void open() throws Exception {
    url = TestPostgres.newDatabase();
    Settings s = new Settings();
    s.dataDir = Files.createTempDirectory("b24-tasks-tx");
    s.databaseUrl = url;
    s.databasePoolSize = 4;
    db = Database.open(s);
    db.tx(tx -> {
      tx.execute("CREATE TABLE probe (id int PRIMARY KEY, v int NOT NULL)");
      tx.execute("CREATE TABLE probe_log (note text NOT NULL)");
      return null;
    });
  }

  @AfterAll
  static void close() {
    db.close();
    TestPostgres.dropDatabase(url);
  }

  @BeforeEach
  void reset() {
    db.tx(tx -> {
      tx.execute("TRUNCATE probe, probe_log");
      tx.update("INSERT INTO probe VALUES (1, 0)");
      return null;
    });
  }

  /** Another session changes the row after this transaction read it: its update must fail with 40001. */
  private static void interfere() throws SQLException {
    try (Connection other = DriverManager.getConnection(url);
        Statement st = other.createStatement()) {
      st.executeUpdate("UPDATE probe SET v = v + 100 WHERE id = 1");
    }
  }

  /** Read v at SERIALIZABLE, let another session commit a change, then write v + 1 and a log row. */
  private static int readInterfereWrite(Tx tx, boolean interfere) throws SQLException {
    return readInterfereWrite(tx, interfere, true);
  }

  private static int readInterfereWrite(Tx tx, boolean interfere, boolean setIsolation) throws SQLException {
    if (setIsolation) tx.execute("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE");
    long v = tx.queryLong("SELECT v FROM probe WHERE id = 1");
    tx.update("INSERT INTO probe_log VALUES ('written')");
    if (interfere) interfere();
    tx.updateOne("UPDATE probe SET v = ? WHERE id = 1", (int) v + 1);
    return (int) v + 1;
  }

  @Test
  void a_serialization_failure_runs_the_whole_unit_again_on_a_fresh_snapshot() {
    AtomicInteger attempts = new AtomicInteger();
    int written = db.tx(tx -> readInterfereWrite(tx, attempts.incrementAndGet() == 1));
    assertThat(attempts).hasValue(2);
    // the second attempt saw the other session's +100, so no update was lost
    assertThat(written).isEqualTo(101);
    assertThat(value()).isEqualTo(101);
    assertThat(logRows()).isEqualTo(1);
  }

  @Test
  void a_unit_that_keeps_losing_gives_up_with_a_conflict_and_writes_nothing() {
    AtomicInteger attempts = new AtomicInteger();
    assertThatThrownBy(() -> db.tx(tx -> {
      attempts.incrementAndGet();
      return readInterfereWrite(tx, true);
    }))
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.conflict()).isTrue());
    assertThat(attempts).hasValue(Transactions.MAX_ATTEMPTS);
    // only the other session's changes are there: none of the unit's log rows, none of its +1
    assertThat(value()).isEqualTo(100 * Transactions.MAX_ATTEMPTS);
    assertThat(logRows()).isZero();
  }

  @Test
  void other_database_errors_are_not_retried_and_are_not_conflicts() {
    AtomicInteger attempts = new AtomicInteger();
    assertThatThrownBy(() -> db.tx(tx -> {
      attempts.incrementAndGet();
      return tx.update("INSERT INTO probe VALUES (1, 5)");
    }))
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.conflict()).isFalse());
    assertThat(attempts).hasValue(1);
  }

  /**
   * An error without a SQLSTATE, as the pool reports "connection is not available, request timed out" under
   * load: a store error like any other, not a NullPointerException from the retry check (seen as 500s by the
   * benchmark's read workload).
   */
  @Test
  void an_error_without_a_sqlstate_is_a_store_error_and_is_not_retried() {
    AtomicInteger attempts = new AtomicInteger();
    assertThatThrownBy(() -> db.tx(tx -> {
      attempts.incrementAndGet();
      throw new SQLException("b24-tasks - Connection is not available, request timed out after 10000ms");
    }))
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.conflict()).isFalse());
    assertThat(attempts).hasValue(1);
  }

  @Test
  void a_nested_unit_that_fails_is_undone_alone_and_the_outer_one_commits() {
    db.tx(tx -> {
      tx.update("INSERT INTO probe_log VALUES ('outer')");
      assertThatThrownBy(() -> db.tx(inner -> {
        inner.update("INSERT INTO probe_log VALUES ('inner')");
        throw new IllegalStateException("refused");
      })).hasMessage("refused");
      // a failed statement inside a nested unit does not poison the outer transaction either
      assertThatThrownBy(() -> db.tx(inner -> inner.update("INSERT INTO probe VALUES (1, 1)")))
          .isInstanceOf(StoreException.class);
      tx.update("INSERT INTO probe_log VALUES ('after')");
      return null;
    });
    List<String> notes = db.read(tx -> tx.query("SELECT note FROM probe_log ORDER BY note", rs -> rs.getString(1)));
    assertThat(notes).containsExactly("after", "outer");
  }

  @Test
  void a_serialization_failure_inside_a_nested_unit_retries_the_outermost_one() {
    AtomicInteger attempts = new AtomicInteger();
    int written = db.tx(tx -> {
      // the isolation level belongs to the outermost unit: PostgreSQL refuses it inside a savepoint
      tx.execute("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE");
      return db.tx(inner -> readInterfereWrite(inner, attempts.incrementAndGet() == 1, false));
    });
    assertThat(attempts).hasValue(2);
    assertThat(written).isEqualTo(101);
    assertThat(logRows()).isEqualTo(1);
  }

  private static long value() {
    return db.read(tx -> tx.queryLong("SELECT v FROM probe WHERE id = 1"));
  }

  private static long logRows() {
    return db.read(tx -> tx.queryLong("SELECT count(*) FROM probe_log"));
  }

  @Test
  void after_commit_actions_run_once_the_change_is_visible_and_never_after_a_rollback() {
    List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    // what the action sees from another connection: the committed row, so a receiver calling back finds it
    Runnable look = () -> seen.add(db.read(tx -> tx.queryOne("SELECT v FROM probe WHERE id = 1",
        rs -> rs.getInt(1)).orElseThrow()).toString());
    db.call(tx -> {
      tx.update("UPDATE probe SET v = 7 WHERE id = 1");
      db.afterCommit(look);
      assertThat(seen).isEmpty();
      return null;
    });
    assertThat(seen).containsExactly("7");

    seen.clear();
    assertThatThrownBy(() -> db.call(tx -> {
      tx.update("UPDATE probe SET v = 8 WHERE id = 1");
      db.afterCommit(look);
      throw new IllegalStateException("refused");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(seen).isEmpty();

    // a unit undone to its savepoint takes its actions with it; the call's own stay
    db.tx(tx -> {
      db.afterCommit(() -> seen.add("outer"));
      try {
        db.tx(inner -> {
          db.afterCommit(() -> seen.add("inner"));
          throw new IllegalStateException("unit refused");
        });
      } catch (IllegalStateException expected) {
        // the unit alone is undone
      }
      return null;
    });
    assertThat(seen).containsExactly("outer");

    // outside a transaction it runs at once
    seen.clear();
    db.afterCommit(() -> seen.add("now"));
    assertThat(seen).containsExactly("now");
  }
}
