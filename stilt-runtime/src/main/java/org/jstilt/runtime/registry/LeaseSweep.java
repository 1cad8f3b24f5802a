package org.jstilt.runtime.registry;

/**
 * What releasing expired (or dead workers') leases did.
 *
 * @param requeued simulations returned to {@code pending} for another attempt
 * @param failed simulations marked {@code failed} because that was their last attempt
 */
public record LeaseSweep(long requeued, long failed) {
  /** Nothing released. */
  public static final LeaseSweep NONE = new LeaseSweep(0, 0);

  /** All released leases. */
  public long total() {
    return requeued + failed;
  }

  LeaseSweep plus(LeaseSweep o) {
    return new LeaseSweep(requeued + o.requeued, failed + o.failed);
  }
}
