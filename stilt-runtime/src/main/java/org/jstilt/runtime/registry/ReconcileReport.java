package org.jstilt.runtime.registry;

/**
 * What {@link Registry#reconcile} found and changed.
 *
 * @param examined simulations looked at (all registered ones)
 * @param confirmed rows whose state already agreed with the outputs
 * @param markedComplete pending or failed rows whose outputs were complete: now complete / complete-empty
 * @param reopened complete rows whose outputs were missing or incomplete: now pending
 * @param progressRecorded pending or failed rows with some footprints on disk, now recorded so that they
 *     are not computed again
 * @param skippedRunning running rows, left alone (their worker is writing)
 * @param skippedChanged rows changed by another process while they were being checked, left alone
 */
public record ReconcileReport(
    long examined,
    long confirmed,
    long markedComplete,
    long reopened,
    long progressRecorded,
    long skippedRunning,
    long skippedChanged) {

  /** Nothing examined. */
  public static final ReconcileReport NONE = new ReconcileReport(0, 0, 0, 0, 0, 0, 0);

  /** Rows changed. */
  public long changed() {
    return markedComplete + reopened + progressRecorded;
  }

  ReconcileReport plus(ReconcileReport o) {
    return new ReconcileReport(
        examined + o.examined,
        confirmed + o.confirmed,
        markedComplete + o.markedComplete,
        reopened + o.reopened,
        progressRecorded + o.progressRecorded,
        skippedRunning + o.skippedRunning,
        skippedChanged + o.skippedChanged);
  }
}
