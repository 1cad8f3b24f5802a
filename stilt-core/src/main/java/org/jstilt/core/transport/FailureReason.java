package org.jstilt.core.transport;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Why a simulation's transport run failed: PYSTILT's {@code FailureReason} vocabulary (PYSTILT.md §6.3),
 * extended with the failures JSTILT detects itself rather than by reading the log.
 *
 * <p>{@link #classify(CharSequence)} reads a run's log the way PYSTILT does: the first phrase of
 * {@link #PHRASES}, in table order, found anywhere in the text decides the reason. PYSTILT's phrases come
 * first, in PYSTILT's order, so a log PYSTILT classifies gets the same reason here; JSTILT adds two
 * phrases hycs_std v5.1.0 prints that PYSTILT leaves as {@link #UNKNOWN} (a receptor outside the met grid,
 * a met file named in CONTROL that does not exist).
 *
 * <p>{@link #category()} is the lower-case label the registry groups failures by; {@link #retryable()}
 * says whether running the same simulation again could succeed (a timeout or a crash may be transient;
 * missing meteorology is not).
 */
public enum FailureReason {
  /** Fewer met files than needed were found (discovery, or hycs_std could not open one). */
  MISSING_MET_FILES(false),
  /** The met files do not cover the receptor in space or time. */
  MET_COVERAGE(false),
  /** The met files do not have a constant time step. */
  VARYING_MET_INTERVAL(false),
  /** {@code PARTICLE_STILT.DAT} has a header but no particle rows. */
  NO_TRAJECTORY_DATA(false),
  /** The Fortran runtime reported an error (crash inside hycs_std). */
  FORTRAN_RUNTIME_ERROR(false),
  /** There is no log to classify. */
  EMPTY_LOG(false),
  /** The log has none of the known phrases. */
  UNKNOWN(false),
  /** JSTILT: the engine ran longer than its timeout and was killed. */
  TIMEOUT(true),
  /** JSTILT: the engine exited abnormally (non-zero status or a signal) without a known phrase in its log. */
  CRASHED(true),
  /** JSTILT: the engine finished but wrote no {@code PARTICLE_STILT.DAT} at all. */
  NO_PARTICLE_OUTPUT(false);

  /**
   * A log phrase and the reason it means.
   *
   * @param phrase text searched for verbatim (case-sensitive)
   * @param reason the reason it stands for
   * @param pystilt whether PYSTILT's own table has it (else JSTILT added it)
   */
  public record Phrase(String phrase, FailureReason reason, boolean pystilt) {}

  /** The phrase table, in matching order: PYSTILT's four/six first, then JSTILT's additions. */
  public static final List<Phrase> PHRASES = List.of(
      new Phrase("Insufficient number of meteorological files found", MISSING_MET_FILES, true),
      new Phrase("start point not within (x,y,t) any data file", MET_COVERAGE, true),
      new Phrase("start time after end of meteorology data", MET_COVERAGE, true),
      new Phrase("meteorological data time interval varies", VARYING_MET_INTERVAL, true),
      new Phrase("PARTICLE_STILT.DAT does not contain any trajectory data", NO_TRAJECTORY_DATA, true),
      new Phrase("Fortran runtime error", FORTRAN_RUNTIME_ERROR, true),
      new Phrase("all source points off all meteo grids", MET_COVERAGE, false),
      new Phrase("Unable to find file", MISSING_MET_FILES, false));

  private final boolean retryable;

  FailureReason(boolean retryable) {
    this.retryable = retryable;
  }

  /** The registry's failure category: the name in lower case, e.g. {@code missing_met_files}. */
  public String category() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether another attempt at the same simulation may succeed. */
  public boolean retryable() {
    return retryable;
  }

  /** The first phrase of {@link #PHRASES} that occurs in {@code log}, if any. */
  public static Optional<Phrase> findPhrase(CharSequence log) {
    String text = log.toString();
    for (Phrase p : PHRASES) {
      if (text.contains(p.phrase())) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /**
   * PYSTILT's {@code identify_failure_reason} on a log's text: the reason of the first matching phrase,
   * {@link #EMPTY_LOG} for an empty text, {@link #UNKNOWN} otherwise.
   */
  public static FailureReason classify(CharSequence log) {
    if (log.length() == 0) {
      return EMPTY_LOG;
    }
    return findPhrase(log).map(Phrase::reason).orElse(UNKNOWN);
  }

  /** The line of {@code log} that holds the phrase, trimmed (for messages), or empty. */
  public static Optional<String> lineWith(CharSequence log, Phrase phrase) {
    String text = log.toString();
    int at = text.indexOf(phrase.phrase());
    if (at < 0) {
      return Optional.empty();
    }
    int start = text.lastIndexOf('\n', at) + 1;
    int end = text.indexOf('\n', at);
    return Optional.of(text.substring(start, end < 0 ? text.length() : end).trim());
  }
}
