package org.jstilt.runtime.run;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jstilt.core.id.SimulationId;
import org.jstilt.core.transport.FailureReason;
import org.jstilt.runtime.registry.Failure;
import org.jstilt.runtime.registry.FootprintOutcome;
import org.jstilt.runtime.registry.SimulationState;

/**
 * How one {@link SimulationRunner#runOne} call ended. A pool records it in the registry:
 * {@link Completed} with {@code WorkQueue.complete(claim, footprints())}, {@link Failed} with
 * {@code WorkQueue.fail(claim, failure(), finishedFootprints())}, {@link Skipped} like {@link Completed}
 * with the outcomes found on disk.
 */
public sealed interface SimulationOutcome
    permits SimulationOutcome.Completed, SimulationOutcome.Skipped, SimulationOutcome.Failed {

  /** The simulation. */
  SimulationId id();

  /** {@code complete}, {@code complete-empty}, {@code skipped} or {@code failed}, as the CLI prints it. */
  String label();

  /** Wall time of the call. */
  Duration elapsed();

  /**
   * The simulation ran and all its outputs are written.
   *
   * @param footprints the outcome of every footprint output computed in this call (error footprints
   *     included, as {@code <name>_error}); footprints that already existed (skip-existing) are absent
   * @param trajectoryReused the trajectory was read from an existing file instead of running transport
   *     (only new footprints were missing)
   * @param transport time spent in the transport engine (zero when reused)
   * @param elapsed wall time of the whole call
   * @param notes one line each on what is worth knowing (seed, densification, R divergences)
   */
  record Completed(SimulationId id, Map<String, FootprintOutcome> footprints, boolean trajectoryReused,
      Duration transport, Duration elapsed, List<String> notes) implements SimulationOutcome {
    public Completed {
      Objects.requireNonNull(id, "id");
      footprints = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(footprints));
      Objects.requireNonNull(transport, "transport");
      Objects.requireNonNull(elapsed, "elapsed");
      notes = List.copyOf(notes);
    }

    /**
     * {@link SimulationState#COMPLETE_EMPTY} when footprints were computed and every one is empty, else
     * {@link SimulationState#COMPLETE} (as the registry decides for the same outcomes).
     */
    public SimulationState state() {
      return !footprints.isEmpty() && footprints.values().stream().allMatch(FootprintOutcome::isEmpty)
          ? SimulationState.COMPLETE_EMPTY : SimulationState.COMPLETE;
    }

    @Override
    public String label() {
      return state().label();
    }
  }

  /**
   * Nothing to do: every required output already exists (skip-existing).
   *
   * @param elapsed the time the check took
   */
  record Skipped(SimulationId id, Duration elapsed) implements SimulationOutcome {
    public Skipped {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(elapsed, "elapsed");
    }

    @Override
    public String label() {
      return "skipped";
    }
  }

  /**
   * The simulation failed; none of this attempt's outputs were kept.
   *
   * @param phase where it failed: {@code met}, {@code transport:main}, {@code transport:error},
   *     {@code trajectory}, {@code footprint:<name>}, {@code write}
   * @param reason the transport failure reason, when the failure is one ({@link FailureReason} vocabulary)
   * @param category the registry's failure category ({@link FailureReason#category()} for transport and met
   *     failures; {@code config}, {@code input}, {@code footprint}, {@code storage}, {@code internal} otherwise)
   * @param message what happened and what to do, for people
   * @param retryable whether another attempt could succeed
   * @param elapsed wall time of the call
   */
  record Failed(SimulationId id, String phase, Optional<FailureReason> reason, String category, String message,
      boolean retryable, Duration elapsed) implements SimulationOutcome {
    public Failed {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(phase, "phase");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(category, "category");
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(elapsed, "elapsed");
    }

    @Override
    public String label() {
      return "failed";
    }

    /** The registry's failure record. */
    public Failure failure() {
      return new Failure(category, message, retryable);
    }

    /** Footprints finished before the failure: none, since a failed attempt keeps no outputs. */
    public Map<String, FootprintOutcome> finishedFootprints() {
      return Map.of();
    }
  }
}
