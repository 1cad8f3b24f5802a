package org.jstilt.runtime.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;

/**
 * A simulation's {@code stilt.log}, appended to line by line. The one file that is not written atomically:
 * it is a log, and the engines (hycs_std) append to it too. Each attempt starts with a {@code === JSTILT ...}
 * header, so a log keeps the history of every attempt.
 */
final class SimulationLog {
  private final Path file;

  SimulationLog(Path file) {
    this.file = file;
  }

  Path file() {
    return file;
  }

  synchronized void line(String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new StiltException(ErrorCode.STORAGE, "cannot append to " + file + ": " + e.getMessage()
          + ". Check that the directory is writable and the disk is not full.", e);
    }
  }

  /** Like {@link #line} but never throws: for the failure report, where the original error matters more. */
  void lineQuietly(String text) {
    try {
      line(text);
    } catch (StiltException ignored) {
      // The failure being reported is already on its way to the caller.
    }
  }
}
