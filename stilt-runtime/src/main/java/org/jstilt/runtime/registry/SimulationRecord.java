package org.jstilt.runtime.registry;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jstilt.core.id.SimulationId;

/**
 * One row of the registry: a simulation with its state and history, as read at one moment.
 *
 * @param id the simulation id
 * @param receptorJson the receptor JSON given at registration
 * @param scene the scene label, or {@code null}
 * @param engine the transport engine
 * @param state the stored state
 * @param attempts how many times it has been claimed (interruptions are not counted)
 * @param footprints every registered footprint name with its outcome, or {@code null} for footprints not
 *     (yet) computed; sorted by name
 * @param lastFailure the most recent failure, or {@code null}; kept after a successful retry as history
 * @param registeredAt when it was first registered
 * @param startedAt when the latest attempt started, or {@code null}
 * @param finishedAt when the latest attempt ended, or {@code null}
 * @param notBefore a pending simulation is not claimed before this time (retry back-off), or {@code null}
 * @param host the host of the latest attempt, or {@code null}
 * @param lease the lease held on it while {@code running}, else {@code null}
 */
public record SimulationRecord(
    SimulationId id,
    String receptorJson,
    String scene,
    String engine,
    SimulationState state,
    int attempts,
    SortedMap<String, FootprintOutcome> footprints,
    Failure lastFailure,
    Instant registeredAt,
    Instant startedAt,
    Instant finishedAt,
    Instant notBefore,
    String host,
    Lease lease) {

  public SimulationRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(receptorJson, "receptorJson");
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(footprints, "footprints");
    Objects.requireNonNull(registeredAt, "registeredAt");
    // TreeMap (not Map.copyOf) because outcomes of footprints not yet computed are null.
    footprints = Collections.unmodifiableSortedMap(new TreeMap<>(footprints));
    if ((state == SimulationState.RUNNING) != (lease != null)) {
      throw new IllegalStateException("simulation " + id + ": a lease exists exactly while running, state " + state.label());
    }
  }

  /** The met stream name (from the id). */
  public String met() {
    return id.met().name();
  }

  /** The registered footprint names, sorted. */
  public List<String> footprintNames() {
    return List.copyOf(footprints.keySet());
  }

  /** Footprints that have an outcome, sorted by name. */
  public SortedMap<String, FootprintOutcome> footprintOutcomes() {
    SortedMap<String, FootprintOutcome> done = new TreeMap<>();
    for (Map.Entry<String, FootprintOutcome> e : footprints.entrySet()) {
      if (e.getValue() != null) {
        done.put(e.getKey(), e.getValue());
      }
    }
    return Collections.unmodifiableSortedMap(done);
  }

  /** Footprint names that still have to be computed, sorted. */
  public List<String> footprintsToCompute() {
    return footprints.entrySet().stream().filter(e -> e.getValue() == null).map(Map.Entry::getKey).toList();
  }

  /** The scene, if any. */
  public Optional<String> sceneLabel() {
    return Optional.ofNullable(scene);
  }
}
