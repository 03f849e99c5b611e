package dev.b24tasks.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The set-up most task tests share: a server of their own, and four people made through the REST methods. Anna
 * creates the task, Boris is its responsible, Vera audits it, and Gleb has no part in it. A test class extends this
 * and uses the names; each class gets a fresh server and database (the extension starts one per class).
 */
public abstract class CastTest {
  @RegisterExtension protected static TestServer server = new TestServer();

  protected static People.Person creator;
  protected static People.Person responsible;
  protected static People.Person auditor;
  protected static People.Person stranger;

  @BeforeAll
  static void cast() {
    People p = new People(server);
    creator = p.create("Anna");
    responsible = p.create("Boris");
    auditor = p.create("Vera");
    stranger = p.create("Gleb");
  }

  /** A task Anna gives Boris with Vera watching; {@code more} fields on top (e.g. TASK_CONTROL). */
  protected static long task(String title, Map<String, Object> more) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("TITLE", title);
    fields.put("RESPONSIBLE_ID", responsible.id());
    fields.put("AUDITORS", List.of(auditor.id()));
    fields.putAll(more);
    return creator.addTask(fields);
  }
}
