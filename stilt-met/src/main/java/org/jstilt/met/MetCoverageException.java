package org.jstilt.met;

import java.nio.file.Path;
import java.time.Instant;

/**
 * Meteorology that is valid but does not cover what was asked: a time before the first or after the last
 * period, a point outside the grid, too few met files for a simulation's time window.
 */
public final class MetCoverageException extends MetException {
  private static final long serialVersionUID = 1L;

  public MetCoverageException(
      String problem, Path file, Instant time, String variable, Integer level, String remedy) {
    super(problem, file, time, variable, level, remedy, null);
  }

  /** A message that is complete as given (used where PYSTILT's exact wording must be kept). */
  public MetCoverageException(String message) {
    super(message, null, null, null, null, null, null);
  }
}
