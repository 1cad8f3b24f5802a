package org.jstilt.runtime.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;
import org.jstilt.core.footprint.EmptyFootprintReason;
import org.jstilt.core.id.SimulationId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link Registry} must have. Subclasses say how to open one (several instances on
 * the same storage stand for several processes).
 */
abstract class RegistryContractTest {

  static final Instant T0 = Instant.parse("2026-01-15T06:00:00Z");
  static final Duration LEASE = Duration.ofSeconds(60);
  static final Duration BACKOFF = Duration.ofSeconds(10);
  static final WorkerIdentity W1 = new WorkerIdentity("host-a", 101, Instant.parse("2026-01-01T00:00:00Z"));
  static final WorkerIdentity W2 = new WorkerIdentity("host-b", 202, Instant.parse("2026-01-01T00:00:00Z"));

  final MutableClock clock = new MutableClock(T0);
  final QueuePolicy policy = QueuePolicy.DEFAULT.withLeaseDuration(LEASE).withMaxAttempts(3).withRetryBackoff(BACKOFF);
  final List<Registry> opened = new ArrayList<>();
  Registry registry;

  /** Opens a registry on this test's storage (the same storage on every call within a test). */
  abstract Registry openOnSameStorage(QueuePolicy policy, Clock clock);

  Registry open(QueuePolicy p, Clock c) {
    Registry r = openOnSameStorage(p, c);
    opened.add(r);
    return r;
  }

  @BeforeEach
  void openRegistry() {
    registry = open(policy, clock);
  }

  @AfterEach
  void closeAll() {
    opened.forEach(Registry::close);
  }

  /** Short names for the simulations of a test, each standing for a valid id. */
  static final List<String> NAMES =
      List.of("a", "b", "c", "d", "lost", "found", "partial", "busy", "fine", "empty", "gave_up", "zzz");

  static SimulationId id(String name) {
    int i = NAMES.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException(name);
    }
    return SimulationId.parse(String.format("hrrr_202601150600_-113_41.%02d_5", i + 10));
  }

  static String name(SimulationId id) {
    for (String n : NAMES) {
      if (id(n).equals(id)) {
        return n;
      }
    }
    return id.toString();
  }

  static SimulationSpec spec(String name, String scene, String... footprints) {
    return new SimulationSpec(id(name), "{\"type\":\"PointReceptor\",\"name\":\"" + name + "\"}", scene, "native", List.of(footprints));
  }

  static SimulationId numbered(int i) {
    return SimulationId.parse(String.format("hrrr_202601150600_-112_40.%04d_5", i));
  }

  static List<SimulationSpec> specs(int n, String... footprints) {
    return IntStream.range(0, n)
        .mapToObj(i -> new SimulationSpec(numbered(i), "{\"i\":" + i + "}", null, "native", List.of(footprints)))
        .toList();
  }

  SimulationRecord get(SimulationId id) {
    return registry.find(id).orElseThrow();
  }

  SimulationRecord get(String name) {
    return get(id(name));
  }

  Claim claimOne(WorkerIdentity w) {
    return registry.claimOne(w).orElseThrow(() -> new AssertionError("nothing to claim"));
  }

  static Map<String, FootprintOutcome> written(String... names) {
    Map<String, FootprintOutcome> m = new HashMap<>();
    for (String n : names) {
      m.put(n, FootprintOutcome.written());
    }
    return m;
  }

  // ---- schema ----

  @Test
  void newRegistryHasLatestSchemaVersion() {
    assertThat(registry.schemaVersion()).isEqualTo(Migrations.SCRIPTS.size());
    assertThat(registry.counts()).isEqualTo(StateCounts.ZERO);
    // Opening again on a migrated database changes nothing.
    assertThat(open(policy, clock).schemaVersion()).isEqualTo(Migrations.SCRIPTS.size());
  }

  // ---- registration ----

  @Test
  void registerAddsPendingRowsWithEverything() {
    RegisterResult r = registry.register(List.of(spec("a", "scene1", "slv", "big"), spec("b", null)), RegisterMode.KEEP);
    assertThat(r).isEqualTo(new RegisterResult(2, 0, 0, 0, 0));

    SimulationRecord a = get("a");
    assertThat(a.met()).isEqualTo("hrrr");
    assertThat(a.receptorJson()).isEqualTo("{\"type\":\"PointReceptor\",\"name\":\"a\"}");
    assertThat(a.scene()).isEqualTo("scene1");
    assertThat(a.engine()).isEqualTo("native");
    assertThat(a.state()).isEqualTo(SimulationState.PENDING);
    assertThat(a.attempts()).isZero();
    assertThat(a.footprintNames()).containsExactly("big", "slv");
    assertThat(a.footprintsToCompute()).containsExactly("big", "slv");
    assertThat(a.registeredAt()).isEqualTo(T0);
    assertThat(a.startedAt()).isNull();
    assertThat(a.lease()).isNull();
    assertThat(a.lastFailure()).isNull();
    assertThat(get("b").footprintNames()).isEmpty();
    assertThat(registry.find(id("zzz"))).isEmpty();
    assertThat(registry.counts()).isEqualTo(new StateCounts(2, 2, 0, 0, 0, 0, 0));
  }

  @Test
  void registeringAgainIsIdempotent() {
    registry.register(specs(5, "f"), RegisterMode.KEEP);
    RegisterResult again = registry.register(specs(5, "f"), RegisterMode.KEEP);
    assertThat(again).isEqualTo(new RegisterResult(0, 0, 0, 0, 5));
    assertThat(registry.counts().total()).isEqualTo(5);
    // Duplicates inside one call count once (the last one wins).
    List<SimulationSpec> dup = new ArrayList<>(specs(2, "f"));
    dup.add(new SimulationSpec(dup.get(0).id(), "{\"v\":2}", null, "native", List.of("f")));
    assertThat(registry.register(dup, RegisterMode.KEEP).total()).isEqualTo(2);
  }

  @Test
  void registrationLargerThanOneChunkIsComplete() {
    int n = JdbcRegistry.REGISTER_CHUNK * 2 + 7;
    assertThat(registry.register(specs(n, "f"), RegisterMode.KEEP).added()).isEqualTo(n);
    assertThat(registry.counts().pending()).isEqualTo(n);
    assertThat(registry.ids(SimulationState.PENDING, null)).hasSize(n).isSorted();
  }

  @Test
  void reRegisteringNeverResetsCompletedWorkUnlessForced() {
    registry.register(specs(3, "f"), RegisterMode.KEEP);
    Claim done = claimOne(W1);
    registry.complete(done, written("f"));
    Claim bad = claimOne(W1);
    registry.fail(bad, Failure.permanent("missing_met_files", "no met"));
    Claim running = claimOne(W1);

    assertThat(registry.register(specs(3, "f"), RegisterMode.KEEP)).isEqualTo(new RegisterResult(0, 0, 0, 0, 3));
    assertThat(get(done.id()).state()).isEqualTo(SimulationState.COMPLETE);
    assertThat(get(bad.id()).state()).isEqualTo(SimulationState.FAILED);
    assertThat(get(running.id()).state()).isEqualTo(SimulationState.RUNNING);

    assertThat(registry.register(specs(3, "f"), RegisterMode.RETRY_FAILED)).isEqualTo(new RegisterResult(0, 1, 0, 0, 2));
    assertThat(get(done.id()).state()).isEqualTo(SimulationState.COMPLETE);
    SimulationRecord retried = get(bad.id());
    assertThat(retried.state()).isEqualTo(SimulationState.PENDING);
    assertThat(retried.attempts()).isZero();
    assertThat(retried.lastFailure().category()).isEqualTo("missing_met_files");
    assertThat(get(running.id()).state()).isEqualTo(SimulationState.RUNNING);

    assertThat(registry.register(specs(3, "f"), RegisterMode.FORCE)).isEqualTo(new RegisterResult(0, 0, 0, 3, 0));
    for (SimulationId id : List.of(done.id(), bad.id(), running.id())) {
      SimulationRecord r = get(id);
      assertThat(r.state()).isEqualTo(SimulationState.PENDING);
      assertThat(r.attempts()).isZero();
      assertThat(r.footprintsToCompute()).containsExactly("f");
      assertThat(r.lastFailure()).isNull();
      assertThat(r.lease()).isNull();
    }
    // The worker that ran the forced simulation lost it.
    assertThatThrownBy(() -> registry.complete(running, written("f"))).isInstanceOf(LeaseLostException.class);
    assertThat(registry.counts()).isEqualTo(new StateCounts(3, 3, 0, 0, 0, 0, 0));
  }

  @Test
  void aNewFootprintReopensCompletedSimulationsForThatFootprintOnly() {
    registry.register(List.of(spec("a", null, "slv")), RegisterMode.KEEP);
    Claim c = claimOne(W1);
    registry.complete(c, written("slv"));

    assertThat(registry.register(List.of(spec("a", null, "slv", "big")), RegisterMode.KEEP))
        .isEqualTo(new RegisterResult(0, 0, 1, 0, 0));
    SimulationRecord r = get(c.id());
    assertThat(r.state()).isEqualTo(SimulationState.PENDING);
    assertThat(r.footprintsToCompute()).containsExactly("big");
    assertThat(r.footprintOutcomes()).containsEntry("slv", FootprintOutcome.written());

    Claim again = claimOne(W1);
    assertThat(again.footprintsToCompute()).containsExactly("big");
    assertThat(registry.complete(again, Map.of("big", FootprintOutcome.empty(EmptyFootprintReason.OUTSIDE_DOMAIN))))
        .isEqualTo(SimulationState.COMPLETE);
    // A footprint dropped from the config is not removed: names are only ever added.
    registry.register(List.of(spec("a", null, "big")), RegisterMode.KEEP);
    assertThat(get(c.id()).footprintNames()).containsExactly("big", "slv");
    assertThat(get(c.id()).state()).isEqualTo(SimulationState.COMPLETE);
  }

  @Test
  void footprintsRegisteredWhileRunningSendTheSimulationBackToPending() {
    registry.register(List.of(spec("a", null, "slv")), RegisterMode.KEEP);
    Claim c = claimOne(W1);
    registry.register(List.of(spec("a", null, "slv", "big")), RegisterMode.KEEP);
    assertThat(registry.complete(c, written("slv"))).isEqualTo(SimulationState.PENDING);
    assertThat(get(c.id()).footprintsToCompute()).containsExactly("big");
    assertThat(get(c.id()).attempts()).isZero();
  }

  @Test
  void sceneLabelIsKeptWhenNotGivenAndReplacedWhenGiven() {
    registry.register(List.of(spec("a", "s1")), RegisterMode.KEEP);
    registry.register(List.of(spec("a", null)), RegisterMode.KEEP);
    assertThat(get("a").scene()).isEqualTo("s1");
    registry.register(List.of(spec("a", "s2")), RegisterMode.KEEP);
    assertThat(get("a").scene()).isEqualTo("s2");
  }

  @Test
  void engineChangesForPendingWorkButNotForCompletedWork() {
    registry.register(List.of(spec("a", null), spec("b", null)), RegisterMode.KEEP);
    registry.complete(claimOne(W1), Map.of());
    List<SimulationSpec> hysplit = List.of(
        new SimulationSpec(id("a"), "{}", null, "hysplit", List.of()),
        new SimulationSpec(id("b"), "{}", null, "hysplit", List.of()));
    registry.register(hysplit, RegisterMode.KEEP);
    assertThat(get("a").engine()).isEqualTo("native");
    assertThat(get("b").engine()).isEqualTo("hysplit");
  }

  // ---- claims ----

  @Test
  void claimMakesTheSimulationRunningWithALease() {
    registry.register(specs(3, "f"), RegisterMode.KEEP);
    Claim c = claimOne(W1);
    assertThat(c.id()).isEqualTo(numbered(0)); // id order
    assertThat(c.attempt()).isEqualTo(1);
    assertThat(c.leaseExpiresAt()).isEqualTo(T0.plus(LEASE));
    assertThat(c.simulation().lease().owner()).isEqualTo(W1.owner());
    assertThat(c.footprintsToCompute()).containsExactly("f");

    SimulationRecord r = get(c.id());
    assertThat(r.state()).isEqualTo(SimulationState.RUNNING);
    assertThat(r.attempts()).isEqualTo(1);
    assertThat(r.host()).isEqualTo("host-a");
    assertThat(r.startedAt()).isEqualTo(T0);
    assertThat(r.lease().token()).isEqualTo(c.token());
    assertThat(registry.counts()).isEqualTo(new StateCounts(3, 2, 1, 0, 0, 0, 0));

    List<Claim> two = registry.claim(W2, 5);
    assertThat(two).extracting(Claim::id)
        .containsExactly(numbered(1), numbered(2));
    assertThat(registry.claim(W2, 5)).isEmpty();
    assertThat(registry.claimOne(W1)).isEmpty();
    assertThat(registry.nextClaimableAt()).isEmpty();
  }

  @Test
  void completeRecordsOutcomesAndTheRightState() {
    registry.register(
        List.of(spec("a", null, "f1", "f2"), spec("b", null, "f1", "f2"), spec("c", null)), RegisterMode.KEEP);
    Claim a = claimOne(W1);
    clock.advance(Duration.ofSeconds(42));
    assertThat(registry.complete(a, Map.of(
        "f1", FootprintOutcome.written(), "f2", FootprintOutcome.empty(EmptyFootprintReason.OUTSIDE_DOMAIN))))
        .isEqualTo(SimulationState.COMPLETE);
    SimulationRecord ra = get(a.id());
    assertThat(ra.state()).isEqualTo(SimulationState.COMPLETE);
    assertThat(ra.finishedAt()).isEqualTo(T0.plusSeconds(42));
    assertThat(ra.startedAt()).isEqualTo(T0);
    assertThat(ra.lease()).isNull();
    assertThat(ra.footprintOutcomes()).containsEntry("f1", FootprintOutcome.written())
        .containsEntry("f2", FootprintOutcome.empty(EmptyFootprintReason.OUTSIDE_DOMAIN));

    Claim b = claimOne(W1);
    assertThat(registry.complete(b, Map.of(
        "f1", FootprintOutcome.empty(EmptyFootprintReason.NO_PARTICLES),
        "f2", FootprintOutcome.empty(EmptyFootprintReason.NO_PARTICLES))))
        .isEqualTo(SimulationState.COMPLETE_EMPTY);
    // Trajectory-only simulations (no footprints) are complete, not complete-empty.
    assertThat(registry.complete(claimOne(W1), Map.of())).isEqualTo(SimulationState.COMPLETE);

    assertThat(registry.counts()).isEqualTo(new StateCounts(3, 0, 0, 2, 1, 0, 0));
    assertThat(registry.emptyFootprintReasons(null)).containsExactly(
        Map.entry("no_particles", 2L), Map.entry("outside_domain", 1L));
  }

  @Test
  void completeWithoutEveryFootprintIsRejectedAndChangesNothing() {
    registry.register(List.of(spec("a", null, "f1", "f2")), RegisterMode.KEEP);
    Claim a = claimOne(W1);
    assertThatThrownBy(() -> registry.complete(a, written("f1")))
        .isInstanceOf(StiltException.class)
        .hasMessageContaining("without an outcome for footprint 'f2'");
    assertThatThrownBy(() -> registry.complete(a, written("f1", "f2", "f3")))
        .isInstanceOf(StiltException.class)
        .hasMessageContaining("'f3', which is not registered");
    SimulationRecord r = get(a.id());
    assertThat(r.state()).isEqualTo(SimulationState.RUNNING);
    assertThat(r.footprintOutcomes()).isEmpty();
  }

  @Test
  void noTwoThreadsClaimTheSameSimulation() throws Exception {
    int n = 400;
    registry.register(specs(n, "f"), RegisterMode.KEEP);
    // Two registry instances (like two processes), two threads on each.
    Registry other = open(policy, clock);
    List<Registry> instances = List.of(registry, registry, other, other);
    Map<SimulationId, Integer> claimedBy = new ConcurrentHashMap<>();
    List<SimulationId> duplicates = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(instances.size());
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> futures = new ArrayList<>();
    for (int t = 0; t < instances.size(); t++) {
      int thread = t;
      Registry reg = instances.get(t);
      WorkerIdentity w = new WorkerIdentity("host-" + t, 1000 + t, T0);
      futures.add(pool.submit(() -> {
        start.await();
        int mine = 0;
        while (true) {
          List<Claim> claims = reg.claim(w, 1 + thread % 2);
          if (claims.isEmpty()) {
            return mine;
          }
          for (Claim c : claims) {
            if (claimedBy.putIfAbsent(c.id(), thread) != null) {
              duplicates.add(c.id());
            }
            reg.complete(c, written("f"));
            mine++;
          }
        }
      }));
    }
    start.countDown();
    int total = 0;
    for (Future<Integer> f : futures) {
      total += f.get(5, TimeUnit.MINUTES);
    }
    pool.shutdown();
    assertThat(duplicates).isEmpty();
    assertThat(total).isEqualTo(n);
    assertThat(claimedBy).hasSize(n);
    assertThat(registry.counts()).isEqualTo(new StateCounts(n, 0, 0, n, 0, 0, 0));
    assertThat(registry.list(SimulationState.COMPLETE, null, null, n)).allSatisfy(r -> assertThat(r.attempts()).isEqualTo(1));
  }

  @Test
  void concurrentRegistrationsAndClaimsLoseNothing() throws Exception {
    int n = 300;
    List<SimulationSpec> all = specs(n, "f");
    Registry other = open(policy, clock);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch start = new CountDownLatch(1);
    // Two overlapping registrations, from two instances, while two workers claim.
    Future<?> r1 = pool.submit(() -> {
      start.await();
      return registry.register(all.subList(0, 200), RegisterMode.KEEP);
    });
    Future<?> r2 = pool.submit(() -> {
      start.await();
      return other.register(all.subList(100, 300), RegisterMode.KEEP);
    });
    Set<SimulationId> claimed = ConcurrentHashMap.newKeySet();
    List<SimulationId> dup = Collections.synchronizedList(new ArrayList<>());
    List<Future<?>> workers = new ArrayList<>();
    for (Registry reg : List.of(registry, other)) {
      workers.add(pool.submit(() -> {
        start.await();
        WorkerIdentity w = new WorkerIdentity("h", reg == registry ? 1 : 2, T0);
        int idle = 0;
        while (idle < 50) {
          Optional<Claim> c = reg.claimOne(w);
          if (c.isEmpty()) {
            idle++;
            Thread.sleep(2);
            continue;
          }
          if (!claimed.add(c.get().id())) {
            dup.add(c.get().id());
          }
          reg.complete(c.get(), written("f"));
        }
        return null;
      }));
    }
    start.countDown();
    r1.get(5, TimeUnit.MINUTES);
    r2.get(5, TimeUnit.MINUTES);
    for (Future<?> f : workers) {
      f.get(5, TimeUnit.MINUTES);
    }
    pool.shutdown();
    // Whatever the workers did not get to is still pending; nothing is lost or doubled.
    StateCounts counts = registry.counts();
    assertThat(dup).isEmpty();
    assertThat(counts.total()).isEqualTo(n);
    assertThat(counts.complete()).isEqualTo(claimed.size());
    assertThat(counts.pending()).isEqualTo(n - claimed.size());
  }

  // ---- leases ----

  @Test
  void anExpiredLeaseReturnsTheWorkAndTheOldHolderCannotRecordOverTheNewOne() {
    registry.register(specs(1, "f"), RegisterMode.KEEP);
    Claim first = claimOne(W1);
    clock.advance(LEASE.minusSeconds(1));
    assertThat(registry.counts().leaseExpired()).isZero();
    assertThat(registry.releaseExpiredLeases()).isEqualTo(LeaseSweep.NONE);
    clock.advance(Duration.ofSeconds(2));
    assertThat(registry.counts()).isEqualTo(new StateCounts(1, 0, 1, 0, 0, 0, 1));

    // The next claim releases the expired lease first and takes the work.
    Claim second = claimOne(W2);
    assertThat(second.id()).isEqualTo(first.id());
    assertThat(second.attempt()).isEqualTo(2);
    assertThat(second.simulation().lastFailure().category()).isEqualTo(Failure.LEASE_EXPIRED);
    assertThat(second.simulation().lastFailure().message()).contains(W1.owner());

    assertThatThrownBy(() -> registry.complete(first, written("f")))
        .isInstanceOf(LeaseLostException.class)
        .hasMessageContaining("claimed again by " + W2.owner());
    assertThatThrownBy(() -> registry.renew(first)).isInstanceOf(LeaseLostException.class);
    assertThatThrownBy(() -> registry.fail(first, Failure.permanent("x", "y"))).isInstanceOf(LeaseLostException.class);
    assertThat(registry.complete(second, written("f"))).isEqualTo(SimulationState.COMPLETE);
    assertThat(get(first.id()).host()).isEqualTo("host-b");
  }

  @Test
  void renewingKeepsTheLease() {
    registry.register(specs(2, "f"), RegisterMode.KEEP);
    Claim c = claimOne(W1);
    Claim d = claimOne(W1);
    for (int i = 0; i < 5; i++) {
      clock.advance(Duration.ofSeconds(40));
      c = registry.renew(c);
      assertThat(registry.renewAll(List.of(d))).isEmpty();
    }
    assertThat(c.leaseExpiresAt()).isEqualTo(T0.plusSeconds(200).plus(LEASE));
    assertThat(get(c.id()).lease().expiresAt()).isEqualTo(c.leaseExpiresAt());
    assertThat(registry.releaseExpiredLeases()).isEqualTo(LeaseSweep.NONE);
    assertThat(registry.counts().running()).isEqualTo(2);

    clock.advance(LEASE.plusSeconds(1));
    assertThat(registry.releaseExpiredLeases()).isEqualTo(new LeaseSweep(2, 0));
    assertThat(registry.renewAll(List.of(c, d))).containsExactlyInAnyOrder(c.id(), d.id());
  }

  @Test
  void afterTheLastAttemptAnExpiredLeaseMeansFailed() {
    registry.register(specs(1, "f"), RegisterMode.KEEP);
    for (int attempt = 1; attempt <= 3; attempt++) {
      Claim c = claimOne(W1);
      assertThat(c.attempt()).isEqualTo(attempt);
      clock.advance(LEASE.plusSeconds(1));
    }
    assertThat(registry.releaseExpiredLeases()).isEqualTo(new LeaseSweep(0, 1));
    SimulationRecord r = get(specs(1).get(0).id());
    assertThat(r.state()).isEqualTo(SimulationState.FAILED);
    assertThat(r.attempts()).isEqualTo(3);
    assertThat(registry.claimOne(W1)).isEmpty();
    assertThat(registry.commonestFailures(null, 5)).singleElement()
        .satisfies(f -> {
          assertThat(f.category()).isEqualTo(Failure.LEASE_EXPIRED);
          assertThat(f.count()).isEqualTo(1);
        });
  }

  @Test
  void deadLocalWorkersLoseTheirLeasesAtOnceLiveOnesAndOtherHostsDoNot() throws Exception {
    Process p = new ProcessBuilder("true").start();
    Instant deadStart = p.info().startInstant().orElse(T0);
    p.waitFor();
    String host = "this-host";
    WorkerIdentity dead = new WorkerIdentity(host, p.pid(), deadStart);
    ProcessHandle self = ProcessHandle.current();
    WorkerIdentity alive = new WorkerIdentity(host, self.pid(), self.info().startInstant().orElseThrow());
    WorkerIdentity remote = new WorkerIdentity("elsewhere", p.pid(), deadStart);

    registry.register(specs(3, "f"), RegisterMode.KEEP);
    Claim d = claimOne(dead);
    Claim a = claimOne(alive);
    Claim r = claimOne(remote);
    assertThat(registry.releaseDeadLocalWorkers(host)).isEqualTo(new LeaseSweep(1, 0));
    SimulationRecord released = get(d.id());
    assertThat(released.state()).isEqualTo(SimulationState.PENDING);
    assertThat(released.lastFailure().category()).isEqualTo(Failure.WORKER_LOST);
    assertThat(released.lastFailure().message()).contains(dead.owner());
    assertThat(get(a.id()).state()).isEqualTo(SimulationState.RUNNING);
    assertThat(get(r.id()).state()).isEqualTo(SimulationState.RUNNING);
    assertThat(registry.releaseDeadLocalWorkers(host)).isEqualTo(LeaseSweep.NONE);
  }

  // ---- failures and retries ----

  @Test
  void retryableFailuresComeBackAfterABackOffUntilTheLimit() {
    registry.register(specs(1, "f"), RegisterMode.KEEP);
    Claim c1 = claimOne(W1);
    assertThat(registry.fail(c1, Failure.retryable("timeout", "hycs_std timed out after 3600 s")))
        .isEqualTo(SimulationState.PENDING);
    SimulationRecord r = get(c1.id());
    assertThat(r.notBefore()).isEqualTo(T0.plus(BACKOFF));
    assertThat(r.lastFailure()).isEqualTo(Failure.retryable("timeout", "hycs_std timed out after 3600 s"));
    assertThat(registry.claimOne(W1)).isEmpty();
    assertThat(registry.nextClaimableAt()).contains(T0.plus(BACKOFF));

    clock.advance(BACKOFF);
    Claim c2 = claimOne(W1);
    assertThat(c2.attempt()).isEqualTo(2);
    assertThat(registry.fail(c2, Failure.retryable("timeout", "again"))).isEqualTo(SimulationState.PENDING);
    assertThat(get(c2.id()).notBefore()).isEqualTo(clock.instant().plus(BACKOFF.multipliedBy(2)));

    clock.advance(BACKOFF.multipliedBy(2));
    Claim c3 = claimOne(W1);
    assertThat(registry.fail(c3, Failure.retryable("timeout", "third time"))).isEqualTo(SimulationState.FAILED);
    assertThat(registry.counts()).isEqualTo(new StateCounts(1, 0, 0, 0, 0, 1, 0));
    assertThat(registry.nextClaimableAt()).isEmpty();
  }

  @Test
  void permanentFailuresFailAtOnceAndAreSummarisedByCategory() {
    registry.register(specs(6, "f"), RegisterMode.KEEP);
    String[] categories = {"met_coverage", "missing_met_files", "met_coverage", "met_coverage", "missing_met_files"};
    for (int i = 0; i < categories.length; i++) {
      clock.advance(Duration.ofSeconds(1));
      assertThat(registry.fail(claimOne(W1), Failure.permanent(categories[i], "message " + i)))
          .isEqualTo(SimulationState.FAILED);
    }
    assertThat(registry.counts()).isEqualTo(new StateCounts(6, 1, 0, 0, 0, 5, 0));
    assertThat(registry.commonestFailures(null, 10)).containsExactly(
        new FailureSummary("met_coverage", 3, "message 3"),
        new FailureSummary("missing_met_files", 2, "message 4"));
    assertThat(registry.commonestFailures(null, 1)).hasSize(1);
  }

  @Test
  void finishedFootprintsOfAFailedOrInterruptedAttemptAreKept() {
    registry.register(List.of(spec("a", null, "f1", "f2"), spec("b", null, "f1", "f2")), RegisterMode.KEEP);
    Claim a = claimOne(W1);
    registry.fail(a, Failure.retryable("footprint_error", "f2 failed"), written("f1"));
    assertThat(get(a.id()).footprintsToCompute()).containsExactly("f2");

    Claim b = claimOne(W1);
    registry.release(b, written("f2"));
    SimulationRecord rb = get(b.id());
    assertThat(rb.state()).isEqualTo(SimulationState.PENDING);
    assertThat(rb.attempts()).isZero(); // an interruption is not an attempt
    assertThat(rb.footprintsToCompute()).containsExactly("f1");
    assertThat(rb.notBefore()).isNull();
    Claim b2 = claimOne(W1);
    assertThat(b2.id()).isEqualTo(b.id());
    assertThat(b2.attempt()).isEqualTo(1);
    assertThat(b2.footprintsToCompute()).containsExactly("f1");
  }

  // ---- queries ----

  @Test
  void countsByScene() {
    registry.register(List.of(spec("a", "s1"), spec("b", "s1"), spec("c", "s2"), spec("d", null)), RegisterMode.KEEP);
    registry.complete(claimOne(W1), Map.of()); // a
    registry.fail(claimOne(W1), Failure.permanent("met_coverage", "x")); // b
    claimOne(W1); // c running
    assertThat(registry.countsByScene()).containsExactly(
        Map.entry("s1", new StateCounts(2, 0, 0, 1, 0, 1, 0)),
        Map.entry("s2", new StateCounts(1, 0, 1, 0, 0, 0, 0)));
    assertThat(registry.counts("s1")).isEqualTo(new StateCounts(2, 0, 0, 1, 0, 1, 0));
    assertThat(registry.counts("nope")).isEqualTo(StateCounts.ZERO);
    assertThat(registry.counts()).isEqualTo(new StateCounts(4, 1, 1, 1, 0, 1, 0));
    assertThat(registry.commonestFailures("s2", 5)).isEmpty();
    assertThat(registry.commonestFailures("s1", 5)).extracting(FailureSummary::category).containsExactly("met_coverage");
    assertThat(registry.ids(SimulationState.PENDING, null)).containsExactly(id("d"));
    assertThat(registry.ids(SimulationState.COMPLETE, "s2")).isEmpty();
  }

  @Test
  void listPagesInIdOrder() {
    registry.register(specs(25, "f"), RegisterMode.KEEP);
    List<SimulationId> seen = new ArrayList<>();
    SimulationId after = null;
    while (true) {
      List<SimulationRecord> page = registry.list(SimulationState.PENDING, null, after, 10);
      if (page.isEmpty()) {
        break;
      }
      page.forEach(r -> assertThat(r.footprintNames()).containsExactly("f"));
      page.forEach(r -> seen.add(r.id()));
      after = page.get(page.size() - 1).id();
    }
    assertThat(seen).hasSize(25).isSorted().doesNotHaveDuplicates()
        .isEqualTo(registry.ids(SimulationState.PENDING, null));
  }

  // ---- reconciliation ----

  @Test
  void reconcileMakesTheRegistryAgreeWithTheOutputs() {
    registry.register(List.of(
        spec("lost", null, "f"), // complete in the registry, outputs gone
        spec("found", null, "f"), // pending, outputs complete on disk
        spec("partial", null, "f", "g"), // pending, one footprint on disk
        spec("busy", null, "f"), // running: left alone
        spec("fine", null, "f"), // complete and present
        spec("empty", null, "f"), // complete-empty, marker on disk (reason only in the registry)
        spec("gave_up", null, "f")), // failed, outputs complete on disk
        RegisterMode.KEEP);
    Map<String, Claim> claims = new HashMap<>();
    for (Claim c : registry.claim(W1, 7)) {
      claims.put(name(c.id()), c);
    }
    registry.complete(claims.get("lost"), written("f"));
    registry.complete(claims.get("fine"), written("f"));
    registry.complete(claims.get("empty"), Map.of("f", FootprintOutcome.empty(EmptyFootprintReason.NO_PARTICLES)));
    registry.fail(claims.get("gave_up"), Failure.permanent("timeout", "x"));
    registry.release(claims.get("found"));
    registry.release(claims.get("partial"));

    Map<String, OutputInventory> disk = Map.of(
        "found", new OutputInventory(true, written("f")),
        "partial", new OutputInventory(true, written("g")),
        "busy", new OutputInventory(false, Map.of()),
        "fine", new OutputInventory(true, written("f")),
        "empty", new OutputInventory(true, Map.of("f", FootprintOutcome.emptyUnknownReason())),
        "gave_up", new OutputInventory(true, written("f")));
    SimulationOutputs outputs = (id, names) -> disk.getOrDefault(name(id), OutputInventory.NOTHING);

    ReconcileReport report = registry.reconcile(outputs);
    assertThat(report).isEqualTo(new ReconcileReport(7, 2, 2, 1, 1, 1, 0));
    assertThat(get("lost").state()).isEqualTo(SimulationState.PENDING);
    assertThat(get("lost").footprintsToCompute()).containsExactly("f");
    assertThat(get("found").state()).isEqualTo(SimulationState.COMPLETE);
    assertThat(get("gave_up").state()).isEqualTo(SimulationState.COMPLETE);
    assertThat(get("partial").footprintsToCompute()).containsExactly("f");
    assertThat(get("busy").state()).isEqualTo(SimulationState.RUNNING);
    assertThat(get("empty").footprintOutcomes())
        .containsEntry("f", FootprintOutcome.empty(EmptyFootprintReason.NO_PARTICLES));
    // The registry's done count now equals the simulations complete on disk.
    assertThat(registry.counts()).isEqualTo(new StateCounts(7, 2, 1, 3, 1, 0, 0));

    // A second pass finds nothing to change.
    assertThat(registry.reconcile(outputs)).isEqualTo(new ReconcileReport(7, 6, 0, 0, 0, 1, 0));
  }

  @Test
  void reconcileOverManyPages() {
    int n = JdbcRegistry.PAGE * 2 + 3;
    registry.register(specs(n, "f"), RegisterMode.KEEP);
    Set<SimulationId> onDisk = new HashSet<>();
    for (SimulationId id : registry.ids(SimulationState.PENDING, null)) {
      if (id.hashCode() % 3 == 0) {
        onDisk.add(id);
      }
    }
    ReconcileReport report = registry.reconcile(
        (id, names) -> onDisk.contains(id) ? new OutputInventory(true, written("f")) : OutputInventory.NOTHING);
    assertThat(report.examined()).isEqualTo(n);
    assertThat(report.markedComplete()).isEqualTo(onDisk.size());
    assertThat(registry.counts().complete()).isEqualTo(onDisk.size());
    assertThat(new HashSet<>(registry.ids(SimulationState.COMPLETE, null))).isEqualTo(onDisk);
  }

  @Test
  void failureRecordsValidateTheirCategory() {
    assertThatThrownBy(() -> Failure.permanent("Bad Category", "x"))
        .isInstanceOfSatisfying(StiltException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL));
    String longMessage = "x".repeat(Failure.MAX_MESSAGE_LENGTH * 2);
    assertThat(Failure.permanent("c", longMessage).message()).hasSize(Failure.MAX_MESSAGE_LENGTH);
  }
}
