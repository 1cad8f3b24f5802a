package org.jstilt.runtime.registry;

import java.util.Objects;
import java.util.Optional;
import org.jstilt.core.footprint.EmptyFootprintReason;

/**
 * How one named footprint of a simulation ended: written to a NetCDF file, or empty (the zero-byte
 * {@code .empty} marker) with the reason when it is known.
 */
public sealed interface FootprintOutcome permits FootprintOutcome.Written, FootprintOutcome.Empty {

  /** The footprint has non-zero cells and was written. */
  record Written() implements FootprintOutcome {}

  /**
   * The footprint is empty.
   *
   * @param reason why, or {@code null} when unknown (a marker found on disk by reconciliation; the
   *     marker itself does not say)
   */
  record Empty(EmptyFootprintReason reason) implements FootprintOutcome {
    /** The reason, if known. */
    public Optional<EmptyFootprintReason> knownReason() {
      return Optional.ofNullable(reason);
    }
  }

  /** A written footprint. */
  static FootprintOutcome written() {
    return new Written();
  }

  /** An empty footprint with a known reason. */
  static FootprintOutcome empty(EmptyFootprintReason reason) {
    return new Empty(Objects.requireNonNull(reason, "reason"));
  }

  /** An empty footprint whose reason is not known. */
  static FootprintOutcome emptyUnknownReason() {
    return new Empty(null);
  }

  /** {@code true} for {@link Empty}. */
  default boolean isEmpty() {
    return this instanceof Empty;
  }
}
