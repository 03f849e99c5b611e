package dev.b24tasks.portal;

import dev.b24tasks.rest.Gateway;
import dev.b24tasks.rest.MethodRegistry;
import dev.b24tasks.store.Database;
import java.time.Duration;
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

  public void register(MethodRegistry r, LongPredicate isAdmin) {
    new PortalMethods(this, isAdmin, r).register(r);
  }

  public void attach(Gateway gateway) {
    gateway.hook(new PortalHook(state, faults, journal));
  }
}
