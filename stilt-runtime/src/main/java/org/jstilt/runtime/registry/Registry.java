package org.jstilt.runtime.registry;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import org.jstilt.core.id.SimulationId;

/**
 * The durable record of every simulation of a project: one row per simulation with its state
 * ({@code pending, running, complete, complete-empty, failed}), attempts, last failure, per-footprint
 * outcomes, times, host and lease. It is also the work queue ({@link WorkQueue}).
 *
 * <p>Implementations: {@link SqliteRegistry} (embedded, default, one machine, any number of processes)
 * and {@link PostgresRegistry} (many hosts). Both pass the same contract test. All methods are safe to
 * call from several threads and several processes at once.
 */
public interface Registry extends WorkQueue {

  /**
   * Registers simulations; idempotent. New ids are added as {@code pending}; existing ones are treated as
   * {@code mode} says - completed work is never reset except by {@link RegisterMode#FORCE}. Large
   * collections are committed in chunks, so a registration interrupted part-way leaves a consistent
   * prefix that registering again completes.
   */
  RegisterResult register(Collection<SimulationSpec> simulations, RegisterMode mode);

  /** One simulation, if registered. */
  Optional<SimulationRecord> find(SimulationId id);

  /**
   * A page of simulations in one state, in id order.
   *
   * @param state the state
   * @param scene only this scene, or {@code null} for all
   * @param afterId start after this id ({@code null} for the first page)
   * @param limit at most this many
   */
  List<SimulationRecord> list(SimulationState state, String scene, SimulationId afterId, int limit);

  /** The ids of all simulations in a state (optionally of one scene, else {@code null}), in id order. */
  List<SimulationId> ids(SimulationState state, String scene);

  /** Counts by state over all simulations. */
  StateCounts counts();

  /** Counts by state over one scene (zero counts if the scene is unknown). */
  StateCounts counts(String scene);

  /** Counts by state for every scene label in use (simulations without a scene are not listed). */
  SortedMap<String, StateCounts> countsByScene();

  /**
   * The commonest failure categories among {@code failed} simulations, most frequent first (ties by
   * category name).
   *
   * @param scene only this scene, or {@code null} for all
   * @param limit at most this many categories
   */
  List<FailureSummary> commonestFailures(String scene, int limit);

  /**
   * Empty footprints by reason ({@code no_particles}, {@code outside_domain}, {@code unknown} for markers
   * found by reconciliation), counted per footprint.
   *
   * @param scene only this scene, or {@code null} for all
   */
  SortedMap<String, Long> emptyFootprintReasons(String scene);

  /**
   * When the next pending simulation becomes claimable: now (or earlier) if one is ready, the end of the
   * earliest retry back-off otherwise, empty if nothing is pending.
   */
  Optional<Instant> nextClaimableAt();

  /**
   * Ends the leases held by dead worker processes on {@code localHost} (see
   * {@link WorkerIdentity#isDeadProcessOn}) as if they had expired, recording a
   * {@link Failure#WORKER_LOST} failure. Run before a local run so that the work of a killed run is
   * picked up at once instead of after the lease duration.
   */
  LeaseSweep releaseDeadLocalWorkers(String localHost);

  /**
   * Makes the registry agree with the outputs ({@code stilt rebuild}). For every simulation that is not
   * running: if {@code outputs} says it is complete, it becomes {@code complete} / {@code complete-empty}
   * with the footprint outcomes found; if it was recorded complete but the outputs are incomplete, it
   * goes back to {@code pending} with attempts reset; otherwise footprints found on disk are recorded.
   * Rows that another process changes while they are being checked are left alone. Reading the outputs
   * happens outside any transaction.
   */
  ReconcileReport reconcile(SimulationOutputs outputs);

  /** The schema version of the database (the number of the last migration applied). */
  int schemaVersion();

  /** Where the registry lives, for messages (a file path or a database URL without password). */
  String location();
}
