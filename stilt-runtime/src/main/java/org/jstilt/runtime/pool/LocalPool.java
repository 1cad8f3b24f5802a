package org.jstilt.runtime.pool;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;
import org.jstilt.core.id.SimulationId;
import org.jstilt.runtime.registry.Claim;
import org.jstilt.runtime.registry.Failure;
import org.jstilt.runtime.registry.FootprintOutcome;
import org.jstilt.runtime.registry.LeaseKeeper;
import org.jstilt.runtime.registry.LeaseLostException;
import org.jstilt.runtime.registry.LeaseSweep;
import org.jstilt.runtime.registry.OutputInventory;
import org.jstilt.runtime.registry.Registry;
import org.jstilt.runtime.registry.SimulationOutputs;
import org.jstilt.runtime.registry.SimulationState;
import org.jstilt.runtime.registry.WorkerIdentity;
import org.jstilt.runtime.run.Simulation;
import org.jstilt.runtime.run.SimulationOutcome;
import org.jstilt.runtime.run.Threads;

/**
 * Runs the pending simulations of a registry on {@code workers} threads of this process until none is left
 * (see the package comment for the guarantees).
 *
 * <p>Each worker repeats: claim one pending simulation (work stealing: whoever is free takes the next), hand
 * its lease to the shared {@link LeaseKeeper} heartbeat, remove temporary files a killed attempt left in its
 * directory, run it, and record the outcome: {@code complete}/{@code complete-empty} with every footprint's
 * outcome, or the failure (category, message, retryable) - the registry then decides between another attempt
 * after a back-off and {@code failed}. When nothing is claimable but a retry is due later, workers wait for it;
 * when nothing is pending, they stop.
 */
public final class LocalPool {
  /** Longest sleep while waiting for a retry back-off, so that stop() and new work are noticed. */
  static final Duration MAX_WAIT = Duration.ofSeconds(1);

  private final Registry registry;
  private final SimulationExecutor executor;
  private final SimulationOutputs outputs;
  private final Function<SimulationId, Path> simulationDir;
  private final int workers;
  private final int engineThreads;
  private final boolean skipExisting;
  private final WorkerIdentity identity;
  private final PoolListener listener;
  private final Clock clock;

  private volatile boolean stopping;
  /**
   * Claiming (claim + hand to the keeper) and recording hold the read lock; {@link #stop()} takes the write
   * lock, so it waits for those short transactions and then sees every claim this process holds. Without
   * it a claim committed just before a SIGTERM, or a completion not yet committed, could be cut off by the
   * JVM halting after the shutdown hook and stay {@code running} until the next run sweeps it.
   */
  private final java.util.concurrent.locks.ReadWriteLock stopLock = new java.util.concurrent.locks.ReentrantReadWriteLock();
  private volatile LeaseKeeper keeper;
  private final AtomicLong complete = new AtomicLong();
  private final AtomicLong completeEmpty = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong retried = new AtomicLong();
  private final AtomicLong notRecorded = new AtomicLong();

  /**
   * @param registry where the work is (already registered)
   * @param executor runs one simulation
   * @param outputs what is on disk, to record footprints that already existed (skip-existing)
   * @param simulationDir the directory of a simulation, to clean temporary files of killed attempts
   * @param workers worker threads, at least 1
   * @param engineThreads threads each simulation's engine uses (for the listener; the executor applies it)
   * @param skipExisting passed to the executor
   * @param identity this process, as lease owner
   * @param listener progress
   * @param clock time source for waiting on back-offs
   */
  public LocalPool(Registry registry, SimulationExecutor executor, SimulationOutputs outputs,
      Function<SimulationId, Path> simulationDir, int workers, int engineThreads, boolean skipExisting,
      WorkerIdentity identity, PoolListener listener, Clock clock) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.outputs = Objects.requireNonNull(outputs, "outputs");
    this.simulationDir = Objects.requireNonNull(simulationDir, "simulationDir");
    if (workers < 1) {
      throw new StiltException(ErrorCode.USAGE, "the number of workers must be at least 1, got " + workers);
    }
    this.workers = workers;
    this.engineThreads = engineThreads;
    this.skipExisting = skipExisting;
    this.identity = Objects.requireNonNull(identity, "identity");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Releases dead local workers' leases, then runs until no simulation is pending (or {@link #stop()}).
   * Blocks; returns what was done.
   */
  public PoolSummary run() {
    LeaseSweep dead = registry.releaseDeadLocalWorkers(identity.host());
    listener.started(registry.counts().pending(), workers, engineThreads);
    List<Thread> threads = new ArrayList<>();
    List<Throwable> crashes = new ArrayList<>();
    try (LeaseKeeper k = new LeaseKeeper(registry, c -> {
      notRecorded.incrementAndGet();
      listener.notRecorded(c.id(), "its lease was lost (another process took it over); its result will not be recorded");
    })) {
      keeper = k;
      for (int i = 0; i < workers; i++) {
        Thread t = new Thread(this::work, "stilt-worker-" + (i + 1));
        t.setUncaughtExceptionHandler((th, e) -> {
          synchronized (crashes) {
            crashes.add(e);
          }
          stop();
        });
        threads.add(t);
        t.start();
      }
      for (Thread t : threads) {
        Threads.joinUninterruptibly(t);
      }
    }
    if (!crashes.isEmpty()) {
      Throwable first = crashes.get(0);
      throw first instanceof StiltException se ? se
          : new StiltException(ErrorCode.INTERNAL, "a pool worker crashed: " + first, first);
    }
    return new PoolSummary(complete.get(), completeEmpty.get(), skipped.get(), failed.get(), retried.get(),
        notRecorded.get(), dead.total(), stopping);
  }

  /**
   * Stops claiming and gives every held claim back to the registry at once (back to {@code pending},
   * attempt not counted), so that the work is free for the next run. Safe to call from a shutdown hook and
   * more than once. Simulations being computed finish in their thread, but their results are not recorded
   * (their outputs, if complete, are picked up by the next run's skip-existing check).
   */
  public void stop() {
    stopLock.writeLock().lock();
    try {
      stopping = true;
      LeaseKeeper k = keeper;
      if (k != null) {
        for (Claim c : k.held()) {
          k.forget(c);
          releaseQuietly(c);
        }
      }
    } finally {
      stopLock.writeLock().unlock();
    }
  }

  private void work() {
    while (!stopping) {
      Optional<Claim> next;
      stopLock.readLock().lock();
      try {
        if (stopping) {
          return;
        }
        next = registry.claimOne(identity);
        next.ifPresent(keeper::keep);
      } finally {
        stopLock.readLock().unlock();
      }
      if (next.isEmpty()) {
        Optional<Instant> due = registry.nextClaimableAt();
        if (due.isEmpty()) {
          return;
        }
        listener.waiting(due.get());
        sleepUntil(due.get());
        continue;
      }
      handle(next.get());
    }
  }

  private void handle(Claim claim) {
    SimulationId id = claim.id();
    SimulationOutcome outcome;
    try {
      removeStaleTemporaries(simulationDir.apply(id));
      Simulation sim = Simulation.of(id, claim.simulation().receptorJson());
      outcome = executor.run(sim, skipExisting);
    } catch (RuntimeException e) {
      // The runner reports failures as outcomes; an exception here is a bad registry row or a bug.
      outcome = new SimulationOutcome.Failed(id, "worker", Optional.empty(), "internal",
          "could not run " + id + ": " + e.getMessage(), false, Duration.ZERO);
    }
    SimulationState state = null;
    String lost = null;
    stopLock.readLock().lock();
    try {
      if (stopping) {
        lost = "the run was stopped";   // stop() has given the claim back already
      } else {
        keeper.forget(claim);
        state = record(claim, outcome);
      }
    } catch (LeaseLostException e) {
      lost = e.getMessage();
    } finally {
      stopLock.readLock().unlock();
    }
    if (state != null) {
      listener.finished(outcome, state);
    } else {
      notRecorded.incrementAndGet();
      listener.notRecorded(id, lost);
    }
  }

  private SimulationState record(Claim claim, SimulationOutcome outcome) {
    if (outcome instanceof SimulationOutcome.Failed f) {
      SimulationState s = registry.fail(claim, f.failure(), f.finishedFootprints());
      (s == SimulationState.FAILED ? failed : retried).incrementAndGet();
      return s;
    }
    Map<String, FootprintOutcome> computed =
        outcome instanceof SimulationOutcome.Completed c ? c.footprints() : Map.of();
    Map<String, FootprintOutcome> outcomes = new HashMap<>();
    for (String name : claim.simulation().footprintNames()) {
      FootprintOutcome o = computed.get(name);
      if (o != null) {
        outcomes.put(name, o);
      }
    }
    List<String> fromDisk = claim.footprintsToCompute().stream().filter(n -> !outcomes.containsKey(n)).toList();
    if (!fromDisk.isEmpty()) {
      // Skip-existing: footprints that were already on disk were not recomputed; record what is there.
      OutputInventory found = outputs.inspect(claim.id(), fromDisk);
      for (String name : fromDisk) {
        FootprintOutcome o = found.footprints().get(name);
        if (o == null) {
          SimulationState s = registry.fail(claim, Failure.permanent("internal", "the runner reported " + claim.id()
              + " " + outcome.label() + " but footprint '" + name + "' has no output; please report this"));
          (s == SimulationState.FAILED ? failed : retried).incrementAndGet();
          return s;
        }
        outcomes.put(name, o);
      }
    }
    SimulationState s = registry.complete(claim, outcomes);
    if (outcome instanceof SimulationOutcome.Skipped && s.isDone()) {
      skipped.incrementAndGet();
    } else if (s == SimulationState.COMPLETE) {
      complete.incrementAndGet();
    } else if (s == SimulationState.COMPLETE_EMPTY) {
      completeEmpty.incrementAndGet();
    }
    return s;
  }

  /**
   * Deletes the hidden temporary files ({@code .<name>.<random>.tmp}, see {@link org.jstilt.io.AtomicFile})
   * that an attempt killed while writing left in the simulation's directory. Safe: this worker holds the
   * lease, so no one else is writing there.
   */
  static void removeStaleTemporaries(Path dir) {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, ".*.tmp")) {
      for (Path p : s) {
        if (Files.isRegularFile(p)) {
          Files.deleteIfExists(p);
        }
      }
    } catch (IOException e) {
      throw new StiltException(ErrorCode.STORAGE, "cannot clean temporary files in " + dir + ": " + e.getMessage(), e);
    }
  }

  private void releaseQuietly(Claim c) {
    try {
      registry.release(c);
    } catch (LeaseLostException ignored) {
      // Already recorded or released (stop() and the worker can race); nothing left to give back.
    } catch (StiltException e) {
      // The lease will expire or be swept as a dead worker's by the next run.
    }
  }

  private void sleepUntil(Instant due) {
    long ms = Duration.between(clock.instant(), due).toMillis();
    long wait = Math.max(20, Math.min(MAX_WAIT.toMillis(), ms));
    try {
      Thread.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopping = true;
    }
  }
}
