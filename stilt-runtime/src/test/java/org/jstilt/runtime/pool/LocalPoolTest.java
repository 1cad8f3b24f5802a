package org.jstilt.runtime.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jstilt.core.footprint.EmptyFootprintReason;
import org.jstilt.core.id.SimulationId;
import org.jstilt.core.receptor.AltitudeReference;
import org.jstilt.core.receptor.PointReceptor;
import org.jstilt.core.receptor.Receptor;
import org.jstilt.core.receptor.ReceptorJson;
import org.jstilt.runtime.registry.FootprintOutcome;
import org.jstilt.runtime.registry.OutputInventory;
import org.jstilt.runtime.registry.QueuePolicy;
import org.jstilt.runtime.registry.RegisterMode;
import org.jstilt.runtime.registry.SimulationSpec;
import org.jstilt.runtime.registry.SimulationState;
import org.jstilt.runtime.registry.SqliteRegistry;
import org.jstilt.runtime.registry.StateCounts;
import org.jstilt.runtime.registry.WorkerIdentity;
import org.jstilt.runtime.run.Simulation;
import org.jstilt.runtime.run.SimulationOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pool's scheduling and recording, with a stand-in for the runner (fast, no transport). */
class LocalPoolTest {
  @TempDir Path dir;
  SqliteRegistry registry;
  final Map<SimulationId, AtomicInteger> runs = new ConcurrentHashMap<>();
  final WorkerIdentity me = WorkerIdentity.current();

  @BeforeEach
  void open() {
    QueuePolicy p = QueuePolicy.DEFAULT.withRetryBackoff(Duration.ofMillis(50)).withLeaseDuration(Duration.ofSeconds(3));
    registry = SqliteRegistry.open(dir.resolve(".stilt/registry.db"), p, Clock.systemUTC());
  }

  @AfterEach
  void close() {
    registry.close();
  }

  static Receptor receptor(int i) {
    return new PointReceptor(Instant.parse("2023-01-01T00:00:00Z").plusSeconds(3600L * i), -111.85, 40.77, 5,
        AltitudeReference.AGL);
  }

  List<SimulationId> register(int n, String... footprints) {
    List<SimulationSpec> specs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Receptor r = receptor(i);
      specs.add(new SimulationSpec(SimulationId.of("hrrr", r), ReceptorJson.toJson(r), null, "native", List.of(footprints)));
    }
    registry.register(specs, RegisterMode.KEEP);
    return specs.stream().map(SimulationSpec::id).toList();
  }

  Path simDir(SimulationId id) {
    return dir.resolve("simulations/by-id").resolve(id.toString());
  }

  OutputInventory onDisk(SimulationId id, List<String> names) {
    Path d = simDir(id);
    Map<String, FootprintOutcome> found = new java.util.HashMap<>();
    for (String n : names) {
      if (Files.exists(d.resolve(n + ".nc"))) {
        found.put(n, FootprintOutcome.written());
      }
    }
    return new OutputInventory(Files.exists(d.resolve("traj")), found);
  }

  LocalPool pool(int workers, SimulationExecutor ex, PoolListener listener) {
    return new LocalPool(registry, ex, this::onDisk, this::simDir, workers, 1, true, me, listener, Clock.systemUTC());
  }

  SimulationOutcome completed(SimulationId id, Map<String, FootprintOutcome> f) {
    return new SimulationOutcome.Completed(id, f, false, Duration.ZERO, Duration.ZERO, List.of());
  }

  @Test
  void everySimulationRunsExactlyOnceAcrossWorkers() {
    List<SimulationId> ids = register(24, "slv");
    Set<String> threads = ConcurrentHashMap.newKeySet();
    PoolSummary s = pool(3, (sim, skip) -> {
      threads.add(Thread.currentThread().getName());
      runs.computeIfAbsent(sim.id(), k -> new AtomicInteger()).incrementAndGet();
      assertThat(sim.receptor()).isEqualTo(receptor(ids.indexOf(sim.id())));
      sleep(5 + ids.indexOf(sim.id()) % 4 * 5);   // uneven durations: free workers take more
      // Every fourth one is empty.
      return completed(sim.id(), Map.of("slv", ids.indexOf(sim.id()) % 4 == 0
          ? FootprintOutcome.empty(EmptyFootprintReason.OUTSIDE_DOMAIN) : FootprintOutcome.written(),
          "slv_error", FootprintOutcome.written()));   // error footprints are not registered: not passed on
    }, PoolListener.NONE).run();
    assertThat(runs).hasSize(24);
    assertThat(runs.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
    assertThat(threads).hasSizeGreaterThan(1);
    assertThat(s.complete()).isEqualTo(18);
    assertThat(s.completeEmpty()).isEqualTo(6);
    assertThat(registry.counts()).isEqualTo(new StateCounts(24, 0, 0, 18, 6, 0, 0));
    assertThat(registry.emptyFootprintReasons(null)).containsEntry("outside_domain", 6L);
  }

  @Test
  void failuresAreRecordedWithReasonAndRetriedOnlyWhenRetryable() {
    List<SimulationId> ids = register(3, "slv");
    PoolSummary s = pool(2, (sim, skip) -> {
      int n = runs.computeIfAbsent(sim.id(), k -> new AtomicInteger()).incrementAndGet();
      int i = ids.indexOf(sim.id());
      if (i == 0) {
        return new SimulationOutcome.Failed(sim.id(), "met", Optional.empty(), "missing_met_files",
            "Insufficient number of meteorological files found. Found: 0, Required: 1.", false, Duration.ZERO);
      }
      if (i == 1 && n == 1) {   // a transient failure: the second attempt succeeds
        return new SimulationOutcome.Failed(sim.id(), "write", Optional.empty(), "storage", "disk hiccup", true,
            Duration.ZERO);
      }
      return completed(sim.id(), Map.of("slv", FootprintOutcome.written()));
    }, PoolListener.NONE).run();
    assertThat(runs.get(ids.get(0)).get()).isEqualTo(1);
    assertThat(runs.get(ids.get(1)).get()).isEqualTo(2);
    assertThat(s.failed()).isEqualTo(1);
    assertThat(s.retried()).isEqualTo(1);
    assertThat(registry.find(ids.get(0)).orElseThrow().state()).isEqualTo(SimulationState.FAILED);
    assertThat(registry.find(ids.get(1)).orElseThrow().state()).isEqualTo(SimulationState.COMPLETE);
    assertThat(registry.commonestFailures(null, 5)).singleElement()
        .satisfies(f -> assertThat(f.category()).isEqualTo("missing_met_files"));
  }

  @Test
  void skippedSimulationsAreRecordedWithTheFootprintsOnDiskAndStaleTemporariesGo() throws Exception {
    List<SimulationId> ids = register(1, "slv");
    Path d = simDir(ids.get(0));
    Files.createDirectories(d);
    Files.writeString(d.resolve("traj"), "t");
    Files.writeString(d.resolve("slv.nc"), "f");
    Path stale = d.resolve(".x_slv_foot.nc.0a1b2c3d.tmp");
    Files.writeString(stale, "left by a killed attempt");
    PoolSummary s = pool(1, (sim, skip) -> {
      assertThat(stale).doesNotExist();
      assertThat(skip).isTrue();
      return new SimulationOutcome.Skipped(sim.id(), Duration.ZERO);
    }, PoolListener.NONE).run();
    assertThat(s.skipped()).isEqualTo(1);
    assertThat(registry.find(ids.get(0)).orElseThrow().footprintOutcomes()).containsEntry("slv", FootprintOutcome.written());
    assertThat(d.resolve("slv.nc")).exists();
  }

  @Test
  void deadLocalWorkersLeasesAreTakenBackFirst() throws Exception {
    List<SimulationId> ids = register(2);
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    WorkerIdentity dead = new WorkerIdentity(me.host(), gone.pid(), Instant.parse("2020-01-01T00:00:00Z"));
    registry.claimOne(dead).orElseThrow();
    PoolSummary s = pool(1, (sim, skip) -> completed(sim.id(), Map.of()), PoolListener.NONE).run();
    assertThat(s.releasedDeadWorkers()).isEqualTo(1);
    assertThat(registry.counts().complete()).isEqualTo(2);
    assertThat(registry.find(ids.get(0)).orElseThrow().attempts()).isEqualTo(2);
  }

  @Test
  void stopGivesHeldClaimsBackAtOnceAndRecordsNothing() throws Exception {
    register(4);
    CountDownLatch running = new CountDownLatch(2);
    CountDownLatch release = new CountDownLatch(1);
    LocalPool pool = pool(2, (sim, skip) -> {
      running.countDown();
      await(release);
      return completed(sim.id(), Map.of());
    }, PoolListener.NONE);
    Thread t = new Thread(pool::run);
    t.start();
    assertThat(running.await(20, TimeUnit.SECONDS)).isTrue();
    assertThat(registry.counts().running()).isEqualTo(2);
    pool.stop();
    // Given back before the simulations even finish: the next run can take them at once.
    assertThat(registry.counts()).isEqualTo(new StateCounts(4, 4, 0, 0, 0, 0, 0));
    release.countDown();
    t.join(20_000);
    assertThat(t.isAlive()).isFalse();
    assertThat(registry.counts()).isEqualTo(new StateCounts(4, 4, 0, 0, 0, 0, 0));
    assertThat(registry.list(SimulationState.PENDING, null, null, 10)).allSatisfy(r -> assertThat(r.attempts()).isZero());
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  static void await(CountDownLatch l) {
    try {
      l.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }
}
