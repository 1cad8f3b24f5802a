package org.jstilt.runtime.registry;

/**
 * What one {@link Registry#register} call changed.
 *
 * @param added simulations that were not registered before
 * @param retried failed simulations put back to pending ({@link RegisterMode#RETRY_FAILED})
 * @param reopened completed simulations put back to pending because new footprints were added
 * @param reset simulations started over ({@link RegisterMode#FORCE})
 * @param unchanged registered simulations left in their state (a scene label may have changed)
 */
public record RegisterResult(long added, long retried, long reopened, long reset, long unchanged) {
  /** Every simulation the call named. */
  public long total() {
    return added + retried + reopened + reset + unchanged;
  }

  RegisterResult plus(RegisterResult o) {
    return new RegisterResult(
        added + o.added, retried + o.retried, reopened + o.reopened, reset + o.reset, unchanged + o.unchanged);
  }
}
