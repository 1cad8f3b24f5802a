package org.jstilt.met;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;

/**
 * A meteorology problem: an ARL file that cannot be read, a variable that is not there, a time or place
 * the met does not cover. Always {@link ErrorCode#MET} (exit code 3).
 *
 * <p>The message alone says what is wrong, where (file, met period, variable, level) and what to do; the
 * same facts are also available as structured fields for callers that want to react to them.
 */
public sealed class MetException extends StiltException
    permits MetFormatException, MetCoverageException, MetVariableException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final Instant time;
  private final String variable;
  private final Integer level;

  MetException(
      String problem, Path file, Instant time, String variable, Integer level, String remedy, Throwable cause) {
    super(ErrorCode.MET, compose(problem, file, time, variable, level, remedy), cause);
    this.file = file;
    this.time = time;
    this.variable = variable;
    this.level = level;
  }

  /** "problem in FILE (period T, variable V, level L). remedy" with the parts that are known. */
  static String compose(
      String problem, Path file, Instant time, String variable, Integer level, String remedy) {
    StringBuilder sb = new StringBuilder(problem);
    if (file != null) {
      sb.append(" in ").append(file);
    }
    StringBuilder at = new StringBuilder();
    if (time != null) {
      at.append("period ").append(time);
    }
    if (variable != null) {
      at.append(at.length() > 0 ? ", " : "").append("variable ").append(variable);
    }
    if (level != null) {
      at.append(at.length() > 0 ? ", " : "").append("level ").append(level);
    }
    if (at.length() > 0) {
      sb.append(" (").append(at).append(')');
    }
    if (remedy != null && !remedy.isBlank()) {
      sb.append(". ").append(remedy);
    }
    return sb.toString();
  }

  /** The ARL file concerned, when there is one. */
  public Optional<Path> file() {
    return Optional.ofNullable(file);
  }

  /** The met period (valid time) concerned, when known. */
  public Optional<Instant> time() {
    return Optional.ofNullable(time);
  }

  /** The ARL variable name (e.g. {@code TEMP}) concerned, when known. */
  public Optional<String> variable() {
    return Optional.ofNullable(variable);
  }

  /** The ARL level index (0 = surface) concerned, when known. */
  public OptionalInt level() {
    return level == null ? OptionalInt.empty() : OptionalInt.of(level);
  }
}
