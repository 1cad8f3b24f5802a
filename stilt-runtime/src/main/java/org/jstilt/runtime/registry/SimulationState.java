package org.jstilt.runtime.registry;

import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;

/**
 * The stored state of one simulation in the registry.
 *
 * <p>Transitions (see the module README for the full table): {@code pending -> running} by a claim;
 * {@code running -> complete | complete-empty} on success; {@code running -> pending} on a retryable
 * failure below the attempt limit, an expired lease below the limit, or an interruption;
 * {@code running -> failed} otherwise; registration and reconciliation may move terminal rows back to
 * {@code pending} (forced re-runs, newly configured footprints, outputs missing on disk).
 */
public enum SimulationState {
  /** Registered and waiting for a worker (possibly after a failed attempt, see {@code notBefore}). */
  PENDING("pending"),
  /** Claimed by a worker that holds a lease on it. */
  RUNNING("running"),
  /** Finished; at least one footprint has a non-zero contribution, or no footprint was configured. */
  COMPLETE("complete"),
  /** Finished; every configured footprint is empty (the reasons are recorded per footprint). */
  COMPLETE_EMPTY("complete-empty"),
  /** Gave up: a permanent failure, or the attempt limit was reached. */
  FAILED("failed");

  private final String label;

  SimulationState(String label) {
    this.label = label;
  }

  /** The name stored in the database and printed by {@code stilt status}. */
  public String label() {
    return label;
  }

  /** {@code true} for the two successful end states. */
  public boolean isDone() {
    return this == COMPLETE || this == COMPLETE_EMPTY;
  }

  /** The state with the given stored label. */
  public static SimulationState fromLabel(String label) {
    for (SimulationState s : values()) {
      if (s.label.equals(label)) {
        return s;
      }
    }
    throw new StiltException(
        ErrorCode.REGISTRY,
        "unknown simulation state '" + label + "' in the registry (known: pending, running, complete,"
            + " complete-empty, failed). The registry was probably written by a newer JSTILT; upgrade JSTILT.");
  }
}
