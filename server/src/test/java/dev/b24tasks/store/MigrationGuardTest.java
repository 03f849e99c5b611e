package dev.b24tasks.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.b24tasks.config.Settings;
import dev.b24tasks.testing.TestPostgres;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** Migrations run on start, and a schema migrated by a newer build is refused with a message that says so. */
class MigrationGuardTest {
  @Test
  void a_schema_newer_than_the_code_is_refused_and_left_untouched() throws Exception {
    String url = TestPostgres.newDatabase();
    try {
      Settings s = new Settings();
      s.dataDir = Files.createTempDirectory("b24-tasks-mig");
      s.databaseUrl = url;
      s.databasePoolSize = 2;
      try (Database db = Database.open(s)) {
        long applied = db.read(tx -> tx.queryLong("SELECT count(*) FROM flyway_schema_history WHERE success"));
        assertThat(applied).isPositive();
        // what a later release would leave behind: a migration this build has never heard of
        db.tx(tx -> tx.update("INSERT INTO flyway_schema_history (installed_rank, version, description, type, "
            + "script, checksum, installed_by, execution_time, success) "
            + "SELECT max(installed_rank) + 1, '9999', 'from the future', 'SQL', 'V9999__from_the_future.sql', 0, "
            + "'test', 1, true FROM flyway_schema_history"));
      }
      assertThatThrownBy(() -> Database.open(s))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("schema is at version 9999")
          .hasMessageContaining("newer than this build");
    } finally {
      TestPostgres.dropDatabase(url);
    }
  }
}
