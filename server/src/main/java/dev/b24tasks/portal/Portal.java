package dev.b24tasks.portal;

import dev.b24tasks.rest.Gateway;
import dev.b24tasks.rest.MethodRegistry;
import dev.b24tasks.store.Database;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongPredicate;

/**
 * The portal made for tests: the shared clock, named snapshots, faults on demand and the request journal, wired
 * as one feature. {@link #open} reads the shared state once (and applies {@code --clock}); {@link #register}
 * adds the {@code b24tasks.*} methods; {@link #attach} puts the hook on the gateway.
 */
public final class Portal {
  /** How the journal is kept: on or off, how many entries, how old at most. */
  public record JournalOptions(boolean enabled, int size, Duration maxAge) {
    public static final JournalOptions DEFAULT = new JournalOptions(true, 10_000, Duration.ofDays(1));
  }

  final PortalClock clock;
  final PortalState state;
  final Snapshots snapshots;
  final Faults faults;
  private final Journal journal;

  private Portal(PortalClock clock, PortalState state, Journal journal) {
    this.clock = clock;
    this.state = state;
    this.snapshots = new Snapshots(state.db(), state);
    this.faults = new Faults(state.db(), state);
    this.journal = journal;
  }

  /**
   * Connects the clock to the shared state. {@code clockSpec} (as {@code serve --clock}: {@code fixed:…},
   * {@code offset:…}, {@code real}) is stored for every node when given; null keeps what the database says.
   */
  public static Portal open(Database db, PortalClock clock, String clockSpec, JournalOptions journal, String node) {
    PortalState state = new PortalState(db, clock);
    if (clockSpec != null && !clockSpec.isBlank()) state.setClock(PortalClock.parse(clockSpec, clock.realInstant()));
    state.refresh();
    Journal j = journal.enabled() ? new Journal(db, clock, journal.size(), journal.maxAge(), node) : null;
    return new Portal(clock, state, j);
  }

  /** The portal clock as the database holds it now, for a command that works on the store directly. */
  public static PortalClock clockOf(Database db) {
    PortalClock clock = new PortalClock(java.time.Clock.systemUTC());
    new PortalState(db, clock).refresh();
    return clock;
  }

  public PortalState state() {
    return state;
  }

  public Snapshots snapshots() {
    return snapshots;
  }

  public Faults faults() {
    return faults;
  }

  /** The journal; a 400 when it is switched off. */
  public Journal journal() {
    if (journal == null) throw PortalErrors.invalid("JOURNAL_OFF");
    return journal;
  }

  /** Names this node in the journal, e.g. {@code host:port}. */
  public void node(String name) {
    if (journal != null) journal.node(name);
  }

  /** {@code b24tasks.clock.set}: {@code mode} fixed (null too) or offset; 400s for a missing or malformed time. */
  public PortalClock.Setting setClock(String time, String mode) {
    if (time == null || time.isBlank()) throw PortalErrors.invalid("CLOCK_TIME_MISSING");
    Instant at;
    try {
      at = PortalTime.parseInstant(time);
    } catch (DateTimeException e) {
      throw PortalErrors.invalid("CLOCK_BAD_TIME", time);
    }
    if (mode == null || mode.equalsIgnoreCase("fixed")) return state.setClock(new PortalClock.Setting(at, 0));
    if (mode.equalsIgnoreCase("offset") || mode.equalsIgnoreCase("running")) {
      return state.setClock(new PortalClock.Setting(null, at.toEpochMilli() - clock.realInstant().toEpochMilli()));
    }
    throw PortalErrors.invalid("CLOCK_BAD_MODE", mode);
  }

  /** {@code b24tasks.clock.advance}: seconds as text, signed, up to milliseconds. */
  public PortalClock.Setting advanceClock(String seconds) {
    if (seconds == null || seconds.isBlank()) throw PortalErrors.invalid("CLOCK_SECONDS_MISSING");
    if (!seconds.trim().matches("[+-]?\\d{1,12}(\\.\\d{1,3})?")) throw PortalErrors.invalid("CLOCK_BAD_SECONDS", seconds);
    return state.advanceClock(Math.round(Double.parseDouble(seconds.trim()) * 1000));
  }

  /** What the clock methods answer: the portal time, the mode, the offset, and real time. */
  public Map<String, Object> clockAnswer(PortalClock.Setting s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("TIME", clock.instant().toString());
    m.put("MODE", s.mode());
    m.put("OFFSET_SECONDS", s.fixed() != null ? null : s.offsetMillis() / 1000.0);
    m.put("REAL_TIME", clock.realInstant().toString());
    return m;
  }

  /** A page of the journal as {@code b24tasks.journal.list} gives it, for the command line. */
  public Map<String, Object> journalPage(String method, Long userId, Integer status, String since, int start) {
    Instant from = null;
    if (since != null) {
      try {
        from = PortalTime.parseInstant(since);
      } catch (DateTimeException e) {
        throw PortalErrors.invalid("CLOCK_BAD_TIME", since);
      }
    }
    Journal.Page page = journal().list(new Journal.Filter(method, userId, status, null, from, null), Math.max(0, start));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("result", page.entries().stream().map(Journal::describe).toList());
    m.put("total", page.total());
    return m;
  }

  public static Map<String, Object> describe(Snapshots.Info i) {
    return Snapshots.describe(i);
  }

  public static Map<String, Object> describe(Faults.Fault f) {
    return Faults.describe(f);
  }

  public void register(MethodRegistry r, LongPredicate isAdmin) {
    new PortalMethods(this, isAdmin, r, () -> servedElsewhere).register(r);
  }

  private volatile java.util.Collection<String> servedElsewhere = java.util.List.of();

  /** Names a fault may also target: the methods of another dialect (REST 3.0's) served beside the classic ones. */
  public void alsoServes(java.util.Collection<String> names) {
    this.servedElsewhere = names;
  }

  /** Puts the hook on the gateway, and follows the shared state (every call's transaction, and notifications). */
  public void attach(Gateway gateway) {
    gateway.hook(new PortalHook(state, faults, journal));
    state.follow();
  }
}
