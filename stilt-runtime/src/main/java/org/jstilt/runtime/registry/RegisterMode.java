package org.jstilt.runtime.registry;

/**
 * What registering an already-registered simulation does. In every mode a new simulation is added as
 * {@code pending}, a scene label given now replaces the stored one (no label keeps it), and footprint
 * names not registered before are added.
 */
public enum RegisterMode {
  /**
   * Keep existing rows: pending and running stay as they are, failed stays failed, and completed work is
   * never reset. A completed simulation that gains a footprint name goes back to {@code pending} so that
   * the new footprint gets computed (the others keep their outcomes).
   */
  KEEP,
  /** As {@link #KEEP}, and failed simulations go back to {@code pending} with their attempts reset. */
  RETRY_FAILED,
  /**
   * Start over: every given simulation goes back to {@code pending} with attempts, footprint outcomes,
   * failure, times and lease cleared, even when complete or running (a running worker loses its lease
   * and cannot record its result). This is {@code stilt run --no-skip} / {@code register --force}.
   */
  FORCE
}
