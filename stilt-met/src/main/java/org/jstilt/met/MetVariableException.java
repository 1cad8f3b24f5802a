package org.jstilt.met;

import java.nio.file.Path;
import java.time.Instant;

/** A variable (or level) that the caller needs and the ARL file does not have. */
public final class MetVariableException extends MetException {
  private static final long serialVersionUID = 1L;

  public MetVariableException(
      String problem, Path file, Instant time, String variable, Integer level, String remedy) {
    super(problem, file, time, variable, level, remedy, null);
  }
}
