package org.jstilt.runtime.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;
import org.jstilt.core.footprint.EmptyFootprintReason;
import org.jstilt.core.id.SimulationId;

/**
 * The registry over JDBC, shared by the SQLite and PostgreSQL implementations; they differ only in how
 * transactions are run and in two locking clauses.
 *
 * <p>Every public operation is one short transaction (large registrations and reconciliation are split
 * into several). Writes that depend on what a worker believes (its lease) are guarded by the lease
 * token; reconciliation is guarded by the row's revision. Rows are always locked simulation first, then
 * its footprints, in id order, so concurrent transactions cannot deadlock on each other's rows.
 */
abstract class JdbcRegistry implements Registry {

  /** Ids per {@code IN (...)} list and rows per page. */
  static final int PAGE = 500;
  /** Simulations per registration transaction: long enough to be efficient, short enough not to block. */
  static final int REGISTER_CHUNK = 2000;
  /** How often a transaction that lost a race is run again before giving up. */
  static final int MAX_RETRIES = 8;

  private static final String COLUMNS =
      "id, met, receptor, scene, engine, state, attempts, not_before_ms, failure_category, failure_message,"
          + " failure_retryable, registered_at_ms, started_at_ms, finished_at_ms, host, lease_token, lease_owner,"
          + " lease_expires_at_ms, revision";

  /** Statement that ends a lease as lost; {@code %s} is the row filter. */
  private static final String END_LOST_LEASE =
      "UPDATE simulation SET state = CASE WHEN attempts >= ? THEN 'failed' ELSE 'pending' END,"
          + " failure_category = ?, failure_message = ? || lease_owner || ?, failure_retryable = 1,"
          + " not_before_ms = 0, finished_at_ms = ?, lease_token = NULL, lease_owner = NULL,"
          + " lease_expires_at_ms = NULL, updated_at_ms = ?, revision = revision + 1"
          + " WHERE %s RETURNING state";

  /** Work inside one transaction. */
  @FunctionalInterface
  interface SqlWork<T> {
    T run(Connection c) throws SQLException;
  }

  /** Thrown inside a transaction to have it rolled back and run again (a lost race with another writer). */
  static final class RetryTransaction extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RetryTransaction(String why) {
      super(why, null, false, false);
    }
  }

  final Clock clock;
  private final QueuePolicy policy;

  JdbcRegistry(Clock clock, QueuePolicy policy) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  // ---- what the two databases do differently ----

  /** Runs a read-write transaction, retrying it on {@link RetryTransaction} and transient conflicts. */
  abstract <T> T write(String action, SqlWork<T> work);

  /** Runs a read-only transaction (one consistent snapshot where the database offers one). */
  abstract <T> T read(String action, SqlWork<T> work);

  /** Appended to the sub-select that picks rows to claim: skip rows other transactions have locked. */
  abstract String skipLocked();

  /** Appended to selects whose rows are about to be updated: lock them. */
  abstract String forUpdate();

  /** The migration folder name. */
  abstract String dialect();

  /** One-parameter query that returns a row if the table named by the parameter exists. */
  abstract String tableExistsSql();

  /** Runs before migrations, in their transaction (PostgreSQL: lock and create the schema). */
  void beforeMigration(Connection c) throws SQLException {}

  /** Brings the schema up to date; called once by the subclass constructor. */
  final void migrate() {
    List<Migrations.Migration> known = Migrations.builtIn(dialect());
    // The common case, an up-to-date database, is checked with a read: no write lock at start-up.
    boolean behind =
        read("read the schema version", c -> Migrations.needsMigration(Migrations.applied(c, tableExistsSql()), known, location()));
    if (behind) {
      write(
          "upgrade the registry schema",
          c -> {
            beforeMigration(c);
            return Migrations.migrate(
                c, known, tableExistsSql(), location(), nowMs(), WorkerIdentity.current().owner());
          });
    }
  }

  long nowMs() {
    return clock.millis();
  }

  @Override
  public QueuePolicy policy() {
    return policy;
  }

  @Override
  public int schemaVersion() {
    return read(
        "read the schema version",
        c -> {
          SortedMap<Integer, String> applied = Migrations.applied(c, tableExistsSql());
          return applied.isEmpty() ? 0 : applied.lastKey();
        });
  }

  // ---- registration ----

  @Override
  public RegisterResult register(Collection<SimulationSpec> simulations, RegisterMode mode) {
    Objects.requireNonNull(mode, "mode");
    // The same id twice in one call: the last one wins, as in PYSTILT's manifest (receptors that differ
    // only in seconds share an id).
    TreeMap<String, SimulationSpec> byId = new TreeMap<>();
    for (SimulationSpec s : simulations) {
      byId.put(s.id().toString(), s);
    }
    List<SimulationSpec> sorted = new ArrayList<>(byId.values());
    RegisterResult total = new RegisterResult(0, 0, 0, 0, 0);
    for (int from = 0; from < sorted.size(); from += REGISTER_CHUNK) {
      List<SimulationSpec> chunk = sorted.subList(from, Math.min(sorted.size(), from + REGISTER_CHUNK));
      total = total.plus(write("register simulations", c -> registerChunk(c, chunk, mode)));
    }
    return total;
  }

  private record Existing(String id, SimulationState state, String scene, String engine) {}

  private RegisterResult registerChunk(Connection c, List<SimulationSpec> chunk, RegisterMode mode) throws SQLException {
    long now = nowMs();
    Map<String, Existing> existing = new HashMap<>();
    for (List<String> ids : pages(chunk.stream().map(s -> s.id().toString()).toList())) {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT id, state, scene, engine FROM simulation WHERE id IN (" + placeholders(ids.size()) + ") ORDER BY id"
              + forUpdate())) {
        bindAll(ps, 1, ids);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            existing.put(
                rs.getString(1),
                new Existing(rs.getString(1), SimulationState.fromLabel(rs.getString(2)), rs.getString(3), rs.getString(4)));
          }
        }
      }
    }

    List<SimulationSpec> added = chunk.stream().filter(s -> !existing.containsKey(s.id().toString())).toList();
    if (!added.isEmpty()) {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO simulation (id, met, receptor, scene, engine, state, attempts, not_before_ms,"
              + " registered_at_ms, updated_at_ms, revision) VALUES (?, ?, ?, ?, ?, 'pending', 0, 0, ?, ?, 0)"
              + " ON CONFLICT (id) DO NOTHING")) {
        for (SimulationSpec s : added) {
          ps.setString(1, s.id().toString());
          ps.setString(2, s.met());
          ps.setString(3, s.receptorJson());
          setNullableString(ps, 4, s.scene());
          ps.setString(5, s.engine());
          ps.setLong(6, now);
          ps.setLong(7, now);
          ps.addBatch();
        }
        for (int n : ps.executeBatch()) {
          if (n == 0) {
            // Another process registered the same id after our select (PostgreSQL only; SQLite writers
            // are serialised). Start the chunk again: the row now counts as existing.
            throw new RetryTransaction("concurrent registration of the same simulation");
          }
        }
      }
    }

    // Footprint names: new ones are added, outcomes of known ones stay.
    Set<String> gainedFootprints = new HashSet<>();
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO simulation_footprint (simulation_id, name) VALUES (?, ?) ON CONFLICT (simulation_id, name) DO NOTHING")) {
      List<String> order = new ArrayList<>();
      for (SimulationSpec s : chunk) {
        for (String name : new TreeSet<>(s.footprintNames())) {
          ps.setString(1, s.id().toString());
          ps.setString(2, name);
          ps.addBatch();
          order.add(s.id().toString());
        }
      }
      if (!order.isEmpty()) {
        int[] counts = ps.executeBatch();
        for (int i = 0; i < counts.length; i++) {
          if (counts[i] > 0) {
            gainedFootprints.add(order.get(i));
          }
        }
      }
    }

    long retried = 0;
    long reopened = 0;
    long unchanged = 0;
    List<SimulationSpec> toReset = new ArrayList<>();
    try (PreparedStatement requeue = c.prepareStatement(
            "UPDATE simulation SET scene = ?, engine = ?, state = 'pending', attempts = 0, not_before_ms = 0,"
                + " empty_reason = NULL, updated_at_ms = ?, revision = revision + 1 WHERE id = ?");
        PreparedStatement labels = c.prepareStatement(
            "UPDATE simulation SET scene = ?, engine = ?, updated_at_ms = ?, revision = revision + 1 WHERE id = ?")) {
      boolean anyRequeue = false;
      boolean anyLabels = false;
      for (SimulationSpec s : chunk) {
        Existing e = existing.get(s.id().toString());
        if (e == null) {
          continue;
        }
        if (mode == RegisterMode.FORCE) {
          toReset.add(s);
          continue;
        }
        boolean requeued;
        if (e.state() == SimulationState.FAILED && mode == RegisterMode.RETRY_FAILED) {
          requeued = true;
          retried++;
        } else if (e.state().isDone() && gainedFootprints.contains(s.id().toString())) {
          requeued = true;
          reopened++;
        } else {
          requeued = false;
          unchanged++;
        }
        String scene = s.scene() != null ? s.scene() : e.scene();
        // Completed and running work keeps the engine that produced it; work still to do runs on the new one.
        SimulationState after = requeued ? SimulationState.PENDING : e.state();
        String engine = after == SimulationState.PENDING || after == SimulationState.FAILED ? s.engine() : e.engine();
        PreparedStatement ps;
        if (requeued) {
          ps = requeue;
          anyRequeue = true;
        } else if (!Objects.equals(scene, e.scene()) || !engine.equals(e.engine())) {
          ps = labels;
          anyLabels = true;
        } else {
          continue;
        }
        setNullableString(ps, 1, scene);
        ps.setString(2, engine);
        ps.setLong(3, now);
        ps.setString(4, s.id().toString());
        ps.addBatch();
      }
      if (anyRequeue) {
        requeue.executeBatch();
      }
      if (anyLabels) {
        labels.executeBatch();
      }
    }

    if (!toReset.isEmpty()) {
      try (PreparedStatement sim = c.prepareStatement(
              "UPDATE simulation SET met = ?, receptor = ?, scene = COALESCE(?, scene), engine = ?, state = 'pending',"
                  + " attempts = 0, not_before_ms = 0, failure_category = NULL, failure_message = NULL,"
                  + " failure_retryable = NULL, empty_reason = NULL, started_at_ms = NULL, finished_at_ms = NULL,"
                  + " host = NULL, lease_token = NULL, lease_owner = NULL, lease_expires_at_ms = NULL,"
                  + " updated_at_ms = ?, revision = revision + 1 WHERE id = ?");
          PreparedStatement foot = c.prepareStatement(
              "UPDATE simulation_footprint SET outcome = NULL, empty_reason = NULL WHERE simulation_id = ?")) {
        for (SimulationSpec s : toReset) {
          sim.setString(1, s.met());
          sim.setString(2, s.receptorJson());
          setNullableString(sim, 3, s.scene());
          sim.setString(4, s.engine());
          sim.setLong(5, now);
          sim.setString(6, s.id().toString());
          sim.addBatch();
          foot.setString(1, s.id().toString());
          foot.addBatch();
        }
        sim.executeBatch();
        foot.executeBatch();
      }
    }
    return new RegisterResult(added.size(), retried, reopened, toReset.size(), unchanged);
  }

  // ---- the work queue ----

  @Override
  public List<Claim> claim(WorkerIdentity worker, int maxCount) {
    Objects.requireNonNull(worker, "worker");
    if (maxCount < 1) {
      throw new StiltException(ErrorCode.INTERNAL, "claim count must be at least 1, got " + maxCount);
    }
    releaseExpiredLeases();
    return write(
        "claim simulations",
        c -> {
          long now = nowMs();
          List<Row> rows = new ArrayList<>();
          try (PreparedStatement ps = c.prepareStatement(
              "UPDATE simulation SET state = 'running', attempts = attempts + 1, lease_token = ?, lease_owner = ?,"
                  + " lease_expires_at_ms = ?, started_at_ms = ?, finished_at_ms = NULL, host = ?, updated_at_ms = ?,"
                  + " revision = revision + 1"
                  + " WHERE id IN (SELECT id FROM simulation WHERE state = 'pending' AND not_before_ms <= ?"
                  + " ORDER BY id LIMIT ?" + skipLocked() + ") RETURNING " + COLUMNS)) {
            ps.setString(1, UUID.randomUUID().toString());
            ps.setString(2, worker.owner());
            ps.setLong(3, now + policy.leaseDuration().toMillis());
            ps.setLong(4, now);
            ps.setString(5, worker.host());
            ps.setLong(6, now);
            ps.setLong(7, now);
            ps.setInt(8, maxCount);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                rows.add(Row.from(rs));
              }
            }
          }
          rows.sort((a, b) -> a.id.compareTo(b.id));
          Map<String, SortedMap<String, FootprintOutcome>> footprints = loadFootprints(c, ids(rows));
          return rows.stream().map(r -> new Claim(r.toRecord(footprints.get(r.id)))).toList();
        });
  }

  @Override
  public Claim renew(Claim claim) {
    long until = write(
        "renew a lease",
        c -> {
          long now = nowMs();
          long expires = now + policy.leaseDuration().toMillis();
          try (PreparedStatement ps = c.prepareStatement(
              "UPDATE simulation SET lease_expires_at_ms = ?, updated_at_ms = ?, revision = revision + 1"
                  + " WHERE id = ? AND lease_token = ? AND state = 'running'")) {
            ps.setLong(1, expires);
            ps.setLong(2, now);
            ps.setString(3, claim.id().toString());
            ps.setString(4, claim.token());
            return ps.executeUpdate() == 0 ? -1L : expires;
          }
        });
    if (until < 0) {
      throw leaseLost(claim);
    }
    SimulationRecord r = claim.simulation();
    Lease renewed = new Lease(r.lease().token(), r.lease().owner(), Instant.ofEpochMilli(until));
    return new Claim(new SimulationRecord(
        r.id(), r.receptorJson(), r.scene(), r.engine(), r.state(), r.attempts(), r.footprints(),
        r.lastFailure(), r.registeredAt(), r.startedAt(), r.finishedAt(), r.notBefore(), r.host(), renewed));
  }

  @Override
  public Set<SimulationId> renewAll(Collection<Claim> claims) {
    if (claims.isEmpty()) {
      return Set.of();
    }
    return write(
        "renew leases",
        c -> {
          long now = nowMs();
          Set<SimulationId> lost = new TreeSet<>();
          List<Claim> sorted = claims.stream().sorted((a, b) -> a.id().compareTo(b.id())).toList();
          try (PreparedStatement ps = c.prepareStatement(
              "UPDATE simulation SET lease_expires_at_ms = ?, updated_at_ms = ?, revision = revision + 1"
                  + " WHERE id = ? AND lease_token = ? AND state = 'running'")) {
            for (Claim cl : sorted) {
              ps.setLong(1, now + policy.leaseDuration().toMillis());
              ps.setLong(2, now);
              ps.setString(3, cl.id().toString());
              ps.setString(4, cl.token());
              ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            for (int i = 0; i < counts.length; i++) {
              if (counts[i] == 0) {
                lost.add(sorted.get(i).id());
              }
            }
          }
          return lost;
        });
  }

  @Override
  public SimulationState complete(Claim claim, Map<String, FootprintOutcome> outcomes) {
    Map<String, FootprintOutcome> given = Map.copyOf(outcomes);
    for (String name : claim.footprintsToCompute()) {
      if (!given.containsKey(name)) {
        throw new StiltException(
            ErrorCode.INTERNAL,
            "simulation " + claim.id() + " reported complete without an outcome for footprint '" + name
                + "' (to compute: " + claim.footprintsToCompute() + "); report it failed instead");
      }
    }
    return write(
        "record a completed simulation",
        c -> {
          long now = nowMs();
          checkLease(c, claim);
          SortedMap<String, FootprintOutcome> current = recordOutcomes(c, claim, given);
          SimulationState state;
          String emptyReason = null;
          if (current.containsValue(null)) {
            // Footprints were registered while it ran: back to the queue for those, not a failure.
            state = SimulationState.PENDING;
          } else if (!current.isEmpty() && current.values().stream().allMatch(FootprintOutcome::isEmpty)) {
            state = SimulationState.COMPLETE_EMPTY;
            emptyReason = current.values().stream()
                .map(o -> reasonLabel((FootprintOutcome.Empty) o))
                .collect(Collectors.toCollection(TreeSet::new))
                .stream()
                .collect(Collectors.joining(","));
          } else {
            state = SimulationState.COMPLETE;
          }
          try (PreparedStatement ps = c.prepareStatement(
              "UPDATE simulation SET state = ?, attempts = CASE WHEN ? THEN 0 ELSE attempts END, empty_reason = ?,"
                  + " not_before_ms = 0, finished_at_ms = ?, lease_token = NULL, lease_owner = NULL,"
                  + " lease_expires_at_ms = NULL, updated_at_ms = ?, revision = revision + 1"
                  + " WHERE id = ? AND lease_token = ?")) {
            ps.setString(1, state.label());
            ps.setBoolean(2, state == SimulationState.PENDING);
            setNullableString(ps, 3, emptyReason);
            ps.setLong(4, now);
            ps.setLong(5, now);
            ps.setString(6, claim.id().toString());
            ps.setString(7, claim.token());
            ps.executeUpdate();
          }
          return state;
        });
  }

  @Override
  public SimulationState fail(Claim claim, Failure failure, Map<String, FootprintOutcome> finishedFootprints) {
    Objects.requireNonNull(failure, "failure");
    Map<String, FootprintOutcome> given = Map.copyOf(finishedFootprints);
    return write(
        "record a failed simulation",
        c -> {
          long now = nowMs();
          int attempts = checkLease(c, claim);
          recordOutcomes(c, claim, given);
          boolean retry = failure.retryable() && attempts < policy.maxAttempts();
          SimulationState state = retry ? SimulationState.PENDING : SimulationState.FAILED;
          try (PreparedStatement ps = c.prepareStatement(
              "UPDATE simulation SET state = ?, failure_category = ?, failure_message = ?, failure_retryable = ?,"
                  + " not_before_ms = ?, finished_at_ms = ?, lease_token = NULL, lease_owner = NULL,"
                  + " lease_expires_at_ms = NULL, updated_at_ms = ?, revision = revision + 1"
                  + " WHERE id = ? AND lease_token = ?")) {
            ps.setString(1, state.label());
            ps.setString(2, failure.category());
            ps.setString(3, failure.message());
            ps.setInt(4, failure.retryable() ? 1 : 0);
            ps.setLong(5, retry ? now + policy.backoffAfter(attempts).toMillis() : 0);
            ps.setLong(6, now);
            ps.setLong(7, now);
            ps.setString(8, claim.id().toString());
            ps.setString(9, claim.token());
            ps.executeUpdate();
          }
          return state;
        });
  }

  @Override
  public void release(Claim claim, Map<String, FootprintOutcome> finishedFootprints) {
    Map<String, FootprintOutcome> given = Map.copyOf(finishedFootprints);
    write(
        "release a simulation",
        c -> {
          long now = nowMs();
          checkLease(c, claim);
          recordOutcomes(c, claim, given);
          try (PreparedStatement ps = c.prepareStatement(
              "UPDATE simulation SET state = 'pending', attempts = CASE WHEN attempts > 0 THEN attempts - 1 ELSE 0 END,"
                  + " not_before_ms = 0, finished_at_ms = ?, lease_token = NULL, lease_owner = NULL,"
                  + " lease_expires_at_ms = NULL, updated_at_ms = ?, revision = revision + 1"
                  + " WHERE id = ? AND lease_token = ?")) {
            ps.setLong(1, now);
            ps.setLong(2, now);
            ps.setString(3, claim.id().toString());
            ps.setString(4, claim.token());
            ps.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public LeaseSweep releaseExpiredLeases() {
    return write(
        "release expired leases",
        c -> {
          long now = nowMs();
          try (PreparedStatement ps = c.prepareStatement(String.format(
              END_LOST_LEASE,
              "id IN (SELECT id FROM simulation WHERE state = 'running' AND lease_expires_at_ms < ?" + skipLocked() + ")"))) {
            int i = bindLostLease(ps, Failure.LEASE_EXPIRED, "the lease of worker ",
                " expired: it stopped renewing it (killed, hung, or cut off from the registry)", now);
            ps.setLong(i, now);
            return sweepResult(ps);
          }
        });
  }

  @Override
  public LeaseSweep releaseDeadLocalWorkers(String localHost) {
    Objects.requireNonNull(localHost, "localHost");
    // Find candidates with a read, check the processes outside any transaction, then end exactly those
    // leases (guarded by their tokens, in case they changed meanwhile).
    Map<String, String> dead = new TreeMap<>();
    for (Row r : read("list running simulations", c -> selectRows(c, "state = 'running' AND host = ?", List.of(localHost)))) {
      if (WorkerIdentity.parseOwner(r.leaseOwner).map(w -> w.isDeadProcessOn(localHost)).orElse(false)) {
        dead.put(r.id, r.leaseToken);
      }
    }
    if (dead.isEmpty()) {
      return LeaseSweep.NONE;
    }
    return write(
        "release leases of dead workers",
        c -> {
          long now = nowMs();
          LeaseSweep sweep = LeaseSweep.NONE;
          for (Map.Entry<String, String> e : dead.entrySet()) {
            try (PreparedStatement ps = c.prepareStatement(String.format(END_LOST_LEASE, "id = ? AND lease_token = ?"))) {
              int i = bindLostLease(ps, Failure.WORKER_LOST, "worker process ", " died while running it", now);
              ps.setString(i, e.getKey());
              ps.setString(i + 1, e.getValue());
              sweep = sweep.plus(sweepResult(ps));
            }
          }
          return sweep;
        });
  }

  private int bindLostLease(PreparedStatement ps, String category, String before, String after, long now)
      throws SQLException {
    ps.setInt(1, policy.maxAttempts());
    ps.setString(2, category);
    ps.setString(3, before);
    ps.setString(4, after);
    ps.setLong(5, now);
    ps.setLong(6, now);
    return 7;
  }

  private static LeaseSweep sweepResult(PreparedStatement ps) throws SQLException {
    long requeued = 0;
    long failed = 0;
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        if (SimulationState.fromLabel(rs.getString(1)) == SimulationState.FAILED) {
          failed++;
        } else {
          requeued++;
        }
      }
    }
    return new LeaseSweep(requeued, failed);
  }

  /**
   * Verifies, with the row locked, that the claim's lease still holds.
   *
   * @return the attempts counter
   */
  private int checkLease(Connection c, Claim claim) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT state, lease_token, lease_owner, attempts FROM simulation WHERE id = ?" + forUpdate())) {
      ps.setString(1, claim.id().toString());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new LeaseLostException(claim.id(), "it is no longer registered");
        }
        String state = rs.getString(1);
        String token = rs.getString(2);
        if (!claim.token().equals(token)) {
          String detail = "running".equals(state)
              ? "claimed again by " + rs.getString(3) + " after the lease expired"
              : "its state is now " + state;
          throw new LeaseLostException(claim.id(), detail);
        }
        return rs.getInt(4);
      }
    }
  }

  /** Stores footprint outcomes and returns the simulation's footprints after that. */
  private SortedMap<String, FootprintOutcome> recordOutcomes(Connection c, Claim claim, Map<String, FootprintOutcome> given)
      throws SQLException {
    String id = claim.id().toString();
    SortedMap<String, FootprintOutcome> current = loadFootprints(c, List.of(id)).getOrDefault(id, new TreeMap<>());
    for (String name : given.keySet()) {
      if (!current.containsKey(name)) {
        throw new StiltException(
            ErrorCode.INTERNAL,
            "simulation " + claim.id() + ": outcome for footprint '" + name + "', which is not registered (registered: "
                + current.keySet() + ")");
      }
    }
    if (!given.isEmpty()) {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE simulation_footprint SET outcome = ?, empty_reason = ? WHERE simulation_id = ? AND name = ?")) {
        for (Map.Entry<String, FootprintOutcome> e : new TreeMap<>(given).entrySet()) {
          bindOutcome(ps, 1, e.getValue());
          ps.setString(3, claim.id().toString());
          ps.setString(4, e.getKey());
          ps.addBatch();
          current.put(e.getKey(), e.getValue());
        }
        ps.executeBatch();
      }
    }
    return current;
  }

  private LeaseLostException leaseLost(Claim claim) {
    String detail = find(claim.id())
        .map(r -> r.state() == SimulationState.RUNNING
            ? "claimed again by " + r.lease().owner() + " after the lease expired"
            : "its state is now " + r.state().label())
        .orElse("it is no longer registered");
    return new LeaseLostException(claim.id(), detail);
  }

  // ---- queries ----

  @Override
  public Optional<SimulationRecord> find(SimulationId id) {
    Objects.requireNonNull(id, "id");
    return read("read a simulation", c -> withFootprints(c, selectRows(c, "id = ?", List.of(id.toString()))))
        .stream()
        .findFirst();
  }

  @Override
  public List<SimulationRecord> list(SimulationState state, String scene, SimulationId afterId, int limit) {
    Objects.requireNonNull(state, "state");
    StringBuilder where = new StringBuilder("state = ?");
    List<Object> args = new ArrayList<>(List.of(state.label()));
    if (scene != null) {
      where.append(" AND scene = ?");
      args.add(scene);
    }
    if (afterId != null) {
      where.append(" AND id > ?");
      args.add(afterId.toString());
    }
    where.append(" ORDER BY id LIMIT ?");
    args.add(limit);
    return read("list simulations", c -> withFootprints(c, selectRows(c, where.toString(), args)));
  }

  @Override
  public List<SimulationId> ids(SimulationState state, String scene) {
    Objects.requireNonNull(state, "state");
    return read(
        "list simulation ids",
        c -> {
          List<SimulationId> out = new ArrayList<>();
          try (PreparedStatement ps = c.prepareStatement(
              "SELECT id FROM simulation WHERE state = ?" + (scene != null ? " AND scene = ?" : "") + " ORDER BY id")) {
            ps.setString(1, state.label());
            if (scene != null) {
              ps.setString(2, scene);
            }
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(SimulationId.parse(rs.getString(1)));
              }
            }
          }
          return out;
        });
  }

  @Override
  public StateCounts counts() {
    return countQuery(null, false).getOrDefault("", StateCounts.ZERO);
  }

  @Override
  public StateCounts counts(String scene) {
    Objects.requireNonNull(scene, "scene");
    return countQuery(scene, false).getOrDefault("", StateCounts.ZERO);
  }

  @Override
  public SortedMap<String, StateCounts> countsByScene() {
    return countQuery(null, true);
  }

  private SortedMap<String, StateCounts> countQuery(String scene, boolean byScene) {
    String sql = "SELECT " + (byScene ? "scene" : "''") + ", state, COUNT(*),"
        + " SUM(CASE WHEN lease_expires_at_ms < ? THEN 1 ELSE 0 END) FROM simulation"
        + (byScene
            ? " WHERE scene IS NOT NULL GROUP BY scene, state"
            : scene != null ? " WHERE scene = ? GROUP BY state" : " GROUP BY state");
    return read(
        "count simulations",
        c -> {
          SortedMap<String, StateCounts> out = new TreeMap<>();
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, nowMs());
            if (!byScene && scene != null) {
              ps.setString(2, scene);
            }
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                StateCounts before = out.getOrDefault(rs.getString(1), StateCounts.ZERO);
                out.put(rs.getString(1), before.plus(SimulationState.fromLabel(rs.getString(2)), rs.getLong(3), rs.getLong(4)));
              }
            }
          }
          return out;
        });
  }

  @Override
  public List<FailureSummary> commonestFailures(String scene, int limit) {
    String sceneFilter = scene != null ? " AND scene = ?" : "";
    return read(
        "summarise failures",
        c -> {
          Map<String, Long> counts = new LinkedHashMap<>();
          try (PreparedStatement ps = c.prepareStatement(
              "SELECT COALESCE(failure_category, 'unknown') AS category, COUNT(*) AS n FROM simulation"
                  + " WHERE state = 'failed'" + sceneFilter + " GROUP BY COALESCE(failure_category, 'unknown')"
                  + " ORDER BY n DESC, category LIMIT ?")) {
            int i = 1;
            if (scene != null) {
              ps.setString(i++, scene);
            }
            ps.setInt(i, limit);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
              }
            }
          }
          List<FailureSummary> out = new ArrayList<>();
          try (PreparedStatement ps = c.prepareStatement(
              "SELECT failure_message FROM simulation WHERE state = 'failed' AND COALESCE(failure_category, 'unknown') = ?"
                  + sceneFilter + " ORDER BY finished_at_ms DESC, id LIMIT 1")) {
            for (Map.Entry<String, Long> e : counts.entrySet()) {
              ps.setString(1, e.getKey());
              if (scene != null) {
                ps.setString(2, scene);
              }
              String example = "";
              try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getString(1) != null) {
                  example = rs.getString(1);
                }
              }
              out.add(new FailureSummary(e.getKey(), e.getValue(), example));
            }
          }
          return out;
        });
  }

  @Override
  public SortedMap<String, Long> emptyFootprintReasons(String scene) {
    return read(
        "count empty footprints",
        c -> {
          SortedMap<String, Long> out = new TreeMap<>();
          try (PreparedStatement ps = c.prepareStatement(
              "SELECT COALESCE(f.empty_reason, 'unknown'), COUNT(*) FROM simulation_footprint f"
                  + (scene != null ? " JOIN simulation s ON s.id = f.simulation_id WHERE s.scene = ? AND" : " WHERE")
                  + " f.outcome = 'empty' GROUP BY COALESCE(f.empty_reason, 'unknown')")) {
            if (scene != null) {
              ps.setString(1, scene);
            }
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
              }
            }
          }
          return out;
        });
  }

  @Override
  public Optional<Instant> nextClaimableAt() {
    return read(
        "find the next claimable simulation",
        c -> {
          try (PreparedStatement ps = c.prepareStatement("SELECT MIN(not_before_ms) FROM simulation WHERE state = 'pending'");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            long ms = rs.getLong(1);
            return rs.wasNull() ? Optional.<Instant>empty() : Optional.of(Instant.ofEpochMilli(ms));
          }
        });
  }

  // ---- reconciliation ----

  @Override
  public ReconcileReport reconcile(SimulationOutputs outputs) {
    Objects.requireNonNull(outputs, "outputs");
    ReconcileReport total = ReconcileReport.NONE;
    String after = "";
    while (true) {
      String from = after;
      List<Row> page = read(
          "list simulations",
          c -> {
            List<Row> rows = selectRows(c, "id > ? ORDER BY id LIMIT ?", List.of(from, PAGE));
            Map<String, SortedMap<String, FootprintOutcome>> fps = loadFootprints(c, ids(rows));
            for (Row r : rows) {
              r.footprints = fps.get(r.id);
            }
            return rows;
          });
      if (page.isEmpty()) {
        return total;
      }
      after = page.get(page.size() - 1).id;
      List<Change> changes = new ArrayList<>();
      long running = 0;
      long confirmed = 0;
      for (Row r : page) {
        if (r.state == SimulationState.RUNNING) {
          running++;
          continue;
        }
        Change change = decide(r, outputs.inspect(SimulationId.parse(r.id), List.copyOf(r.footprints.keySet())));
        if (change == null) {
          confirmed++;
        } else {
          changes.add(change);
        }
      }
      ReconcileReport pageReport = new ReconcileReport(page.size(), confirmed, 0, 0, 0, running, 0);
      if (!changes.isEmpty()) {
        pageReport = pageReport.plus(write("record reconciled simulations", c -> applyChanges(c, changes)));
      }
      total = total.plus(pageReport);
    }
  }

  private enum ChangeKind { MARK_COMPLETE, REOPEN, PROGRESS, CORRECT_OUTCOMES }

  private record Change(Row row, ChangeKind kind, SimulationState state, SortedMap<String, FootprintOutcome> footprints) {}

  /** What reconciliation should change for one row, or {@code null} if it agrees with the outputs. */
  private static Change decide(Row r, OutputInventory found) {
    SortedMap<String, FootprintOutcome> onDisk = new TreeMap<>();
    for (String name : r.footprints.keySet()) {
      FootprintOutcome disk = found.footprints().get(name);
      FootprintOutcome recorded = r.footprints.get(name);
      // A marker does not say why it is empty; keep the reason the worker recorded.
      if (disk instanceof FootprintOutcome.Empty e && e.reason() == null && recorded instanceof FootprintOutcome.Empty) {
        disk = recorded;
      }
      onDisk.put(name, disk);
    }
    boolean sameOutcomes = onDisk.equals(r.footprints);
    if (found.isCompleteFor(r.footprints.keySet())) {
      SimulationState target = stateFor(onDisk);
      if (r.state == target && sameOutcomes) {
        return null;
      }
      return new Change(r, r.state.isDone() ? ChangeKind.CORRECT_OUTCOMES : ChangeKind.MARK_COMPLETE, target, onDisk);
    }
    if (r.state.isDone()) {
      return new Change(r, ChangeKind.REOPEN, SimulationState.PENDING, onDisk);
    }
    return sameOutcomes ? null : new Change(r, ChangeKind.PROGRESS, r.state, onDisk);
  }

  private static SimulationState stateFor(SortedMap<String, FootprintOutcome> outcomes) {
    return !outcomes.isEmpty() && outcomes.values().stream().allMatch(FootprintOutcome::isEmpty)
        ? SimulationState.COMPLETE_EMPTY
        : SimulationState.COMPLETE;
  }

  private ReconcileReport applyChanges(Connection c, List<Change> changes) throws SQLException {
    long now = nowMs();
    long marked = 0;
    long reopened = 0;
    long progress = 0;
    long confirmed = 0;
    long skipped = 0;
    try (PreparedStatement sim = c.prepareStatement(
            "UPDATE simulation SET state = ?, attempts = CASE WHEN ? THEN 0 ELSE attempts END, empty_reason = ?,"
                + " not_before_ms = CASE WHEN ? THEN 0 ELSE not_before_ms END,"
                + " finished_at_ms = CASE WHEN ? THEN ? ELSE finished_at_ms END,"
                + " updated_at_ms = ?, revision = revision + 1 WHERE id = ? AND revision = ?");
        PreparedStatement foot = c.prepareStatement(
            "UPDATE simulation_footprint SET outcome = ?, empty_reason = ? WHERE simulation_id = ? AND name = ?")) {
      for (Change ch : changes) {
        boolean reopen = ch.kind == ChangeKind.REOPEN;
        boolean markComplete = ch.kind == ChangeKind.MARK_COMPLETE;
        sim.setString(1, ch.state.label());
        sim.setBoolean(2, reopen);
        setNullableString(sim, 3, ch.state == SimulationState.COMPLETE_EMPTY ? emptySummary(ch.footprints) : null);
        sim.setBoolean(4, reopen || markComplete);
        sim.setBoolean(5, markComplete);
        sim.setLong(6, now);
        sim.setLong(7, now);
        sim.setString(8, ch.row.id);
        sim.setLong(9, ch.row.revision);
        if (sim.executeUpdate() == 0) {
          skipped++;
          continue;
        }
        for (Map.Entry<String, FootprintOutcome> e : ch.footprints.entrySet()) {
          bindOutcome(foot, 1, e.getValue());
          foot.setString(3, ch.row.id);
          foot.setString(4, e.getKey());
          foot.addBatch();
        }
        foot.executeBatch();
        switch (ch.kind) {
          case MARK_COMPLETE -> marked++;
          case REOPEN -> reopened++;
          case PROGRESS -> progress++;
          case CORRECT_OUTCOMES -> confirmed++;
        }
      }
    }
    return new ReconcileReport(0, confirmed, marked, reopened, progress, 0, skipped);
  }

  private static String emptySummary(Map<String, FootprintOutcome> outcomes) {
    return outcomes.values().stream()
        .map(o -> reasonLabel((FootprintOutcome.Empty) o))
        .collect(Collectors.toCollection(TreeSet::new))
        .stream()
        .collect(Collectors.joining(","));
  }

  // ---- rows ----

  /** A simulation row as read, with its revision. */
  static final class Row {
    String id;
    String met;
    String receptor;
    String scene;
    String engine;
    SimulationState state;
    int attempts;
    long notBeforeMs;
    String failureCategory;
    String failureMessage;
    Integer failureRetryable;
    long registeredAtMs;
    Long startedAtMs;
    Long finishedAtMs;
    String host;
    String leaseToken;
    String leaseOwner;
    Long leaseExpiresAtMs;
    long revision;
    SortedMap<String, FootprintOutcome> footprints;

    static Row from(ResultSet rs) throws SQLException {
      Row r = new Row();
      r.id = rs.getString("id");
      r.met = rs.getString("met");
      r.receptor = rs.getString("receptor");
      r.scene = rs.getString("scene");
      r.engine = rs.getString("engine");
      r.state = SimulationState.fromLabel(rs.getString("state"));
      r.attempts = rs.getInt("attempts");
      r.notBeforeMs = rs.getLong("not_before_ms");
      r.failureCategory = rs.getString("failure_category");
      r.failureMessage = rs.getString("failure_message");
      r.failureRetryable = nullableInt(rs, "failure_retryable");
      r.registeredAtMs = rs.getLong("registered_at_ms");
      r.startedAtMs = nullableLong(rs, "started_at_ms");
      r.finishedAtMs = nullableLong(rs, "finished_at_ms");
      r.host = rs.getString("host");
      r.leaseToken = rs.getString("lease_token");
      r.leaseOwner = rs.getString("lease_owner");
      r.leaseExpiresAtMs = nullableLong(rs, "lease_expires_at_ms");
      r.revision = rs.getLong("revision");
      return r;
    }

    SimulationRecord toRecord(SortedMap<String, FootprintOutcome> fps) {
      Failure failure = failureCategory == null
          ? null
          : new Failure(failureCategory, failureMessage == null ? "" : failureMessage, failureRetryable != null && failureRetryable != 0);
      Lease lease = leaseToken == null ? null : new Lease(leaseToken, leaseOwner, Instant.ofEpochMilli(leaseExpiresAtMs));
      return new SimulationRecord(
          SimulationId.parse(id), receptor, scene, engine, state, attempts, fps == null ? new TreeMap<>() : fps, failure,
          Instant.ofEpochMilli(registeredAtMs), instant(startedAtMs), instant(finishedAtMs),
          state == SimulationState.PENDING && notBeforeMs > 0 ? Instant.ofEpochMilli(notBeforeMs) : null,
          host, lease);
    }
  }

  private static List<Row> selectRows(Connection c, String where, List<?> args) throws SQLException {
    List<Row> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM simulation WHERE " + where)) {
      for (int i = 0; i < args.size(); i++) {
        ps.setObject(i + 1, args.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(Row.from(rs));
        }
      }
    }
    return out;
  }

  private static List<SimulationRecord> withFootprints(Connection c, List<Row> rows) throws SQLException {
    Map<String, SortedMap<String, FootprintOutcome>> fps = loadFootprints(c, ids(rows));
    return rows.stream().map(r -> r.toRecord(fps.get(r.id))).toList();
  }

  /** The footprints of the given simulations: name to outcome ({@code null} if not computed). */
  private static Map<String, SortedMap<String, FootprintOutcome>> loadFootprints(Connection c, List<String> ids)
      throws SQLException {
    Map<String, SortedMap<String, FootprintOutcome>> out = new HashMap<>();
    for (String id : ids) {
      out.put(id, new TreeMap<>());
    }
    for (List<String> page : pages(ids)) {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT simulation_id, name, outcome, empty_reason FROM simulation_footprint WHERE simulation_id IN ("
              + placeholders(page.size()) + ")")) {
        bindAll(ps, 1, page);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.get(rs.getString(1)).put(rs.getString(2), outcome(rs.getString(3), rs.getString(4)));
          }
        }
      }
    }
    return out;
  }

  private static FootprintOutcome outcome(String outcome, String reason) {
    if (outcome == null) {
      return null;
    }
    if (outcome.equals("written")) {
      return FootprintOutcome.written();
    }
    if (reason == null) {
      return FootprintOutcome.emptyUnknownReason();
    }
    for (EmptyFootprintReason r : EmptyFootprintReason.values()) {
      if (r.label().equals(reason)) {
        return FootprintOutcome.empty(r);
      }
    }
    return FootprintOutcome.emptyUnknownReason();
  }

  private static void bindOutcome(PreparedStatement ps, int index, FootprintOutcome o) throws SQLException {
    if (o == null) {
      ps.setNull(index, Types.VARCHAR);
      ps.setNull(index + 1, Types.VARCHAR);
    } else if (o instanceof FootprintOutcome.Empty e) {
      ps.setString(index, "empty");
      setNullableString(ps, index + 1, e.reason() == null ? null : e.reason().label());
    } else {
      ps.setString(index, "written");
      ps.setNull(index + 1, Types.VARCHAR);
    }
  }

  private static String reasonLabel(FootprintOutcome.Empty e) {
    return e.reason() == null ? "unknown" : e.reason().label();
  }

  private static List<String> ids(List<Row> rows) {
    return rows.stream().map(r -> r.id).toList();
  }

  private static <T> List<List<T>> pages(List<T> all) {
    List<List<T>> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i += PAGE) {
      out.add(all.subList(i, Math.min(all.size(), i + PAGE)));
    }
    return out;
  }

  private static String placeholders(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }

  private static void bindAll(PreparedStatement ps, int first, List<String> values) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      ps.setString(first + i, values.get(i));
    }
  }

  private static void setNullableString(PreparedStatement ps, int index, String value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.VARCHAR);
    } else {
      ps.setString(index, value);
    }
  }

  private static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }

  private static Integer nullableInt(ResultSet rs, String column) throws SQLException {
    int v = rs.getInt(column);
    return rs.wasNull() ? null : v;
  }

  private static Instant instant(Long ms) {
    return ms == null ? null : Instant.ofEpochMilli(ms);
  }
}
