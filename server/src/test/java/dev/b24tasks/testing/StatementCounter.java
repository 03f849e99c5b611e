package dev.b24tasks.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * Counts what the server asks of PostgreSQL: pool checkouts, statements executed (savepoints included) and
 * commits, with the text of each statement for the failure message. Installed as
 * {@code Settings.dataSourceWrapper} by a test server, so the count is the server's own, over real HTTP.
 */
public final class StatementCounter implements UnaryOperator<DataSource> {
  private final AtomicInteger checkouts = new AtomicInteger();
  private final AtomicInteger commits = new AtomicInteger();
  private final AtomicInteger rollbacks = new AtomicInteger();
  private final List<String> statements = java.util.Collections.synchronizedList(new ArrayList<>());

  /** Starts a new count. */
  public void reset() {
    checkouts.set(0);
    commits.set(0);
    rollbacks.set(0);
    statements.clear();
  }

  public int checkouts() {
    return checkouts.get();
  }

  public int commits() {
    return commits.get();
  }

  public int rollbacks() {
    return rollbacks.get();
  }

  public int statements() {
    return statements.size();
  }

  /** The statements counted since the last reset, one a line. */
  public String log() {
    synchronized (statements) {
      return String.join("\n", statements);
    }
  }

  @Override
  public DataSource apply(DataSource pool) {
    return proxy(DataSource.class, pool, (target, m, args) -> {
      Object out = call(target, m, args);
      // the server's own background threads (event delivery, the portal state's refresh, the reply sweep) name
      // themselves; their work is not a call's, so it is not counted
      if (m.getName().equals("getConnection") && !background(Thread.currentThread().getName())) {
        checkouts.incrementAndGet();
        return connection((Connection) out);
      }
      return out;
    });
  }

  static boolean background(String thread) {
    return thread.startsWith("b24-events") || thread.startsWith("portal-state")
        || thread.startsWith("request-replies-purge") || thread.startsWith("portal-journal");
  }

  private Connection connection(Connection c) {
    return proxy(Connection.class, c, (target, m, args) -> {
      Object out = call(target, m, args);
      switch (m.getName()) {
        case "prepareStatement", "prepareCall" -> {
          return statement((Statement) out, (String) args[0], m.getReturnType());
        }
        case "createStatement" -> {
          return statement((Statement) out, null, m.getReturnType());
        }
        case "setSavepoint" -> statements.add("SAVEPOINT");
        case "releaseSavepoint" -> statements.add("RELEASE SAVEPOINT");
        case "commit" -> commits.incrementAndGet();
        case "rollback" -> rollbacks.incrementAndGet();
        default -> { }
      }
      return out;
    });
  }

  private Object statement(Statement st, String sql, Class<?> type) {
    return Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type}, (p, m, args) -> {
      if (m.getName().startsWith("execute")) {
        statements.add(sql != null ? sql : args != null && args.length > 0 ? String.valueOf(args[0]) : "?");
      }
      return call(st, m, args);
    });
  }

  @FunctionalInterface
  private interface Handler<T> {
    Object invoke(T target, java.lang.reflect.Method m, Object[] args) throws Throwable;
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, T target, Handler<T> h) {
    InvocationHandler ih = (p, m, args) -> h.invoke(target, m, args);
    return (T) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type}, ih);
  }

  private static Object call(Object target, java.lang.reflect.Method m, Object[] args) throws Throwable {
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
