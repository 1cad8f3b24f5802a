package org.jstilt.hysplit.process;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * How an external process ended.
 *
 * @param exitCode the exit status when the process exited by itself; empty when it was killed after its
 *     timeout (a status of {@code 128 + n} means the process died from signal {@code n})
 * @param timedOut whether the timeout expired and the process tree was killed
 * @param elapsed wall time from start to end (including the kill, when there was one)
 */
public record ProcessResult(OptionalInt exitCode, boolean timedOut, Duration elapsed) {
  public ProcessResult {
    Objects.requireNonNull(exitCode, "exitCode");
    Objects.requireNonNull(elapsed, "elapsed");
    if (timedOut == exitCode.isPresent()) {
      throw new IllegalArgumentException("a process either exits with a status or times out, not both/neither");
    }
  }

  /** True when the process exited by itself with status 0. */
  public boolean succeeded() {
    return exitCode.isPresent() && exitCode.getAsInt() == 0;
  }
}
