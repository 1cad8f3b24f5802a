package org.jstilt.io;

import java.nio.file.Path;
import java.util.OptionalLong;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;

/**
 * A malformed input file: the message names the file, the line (1-based, when the problem is on one line)
 * and what is wrong; {@link #file()} and {@link #line()} carry the same facts for programs.
 */
public class InputFileException extends StiltException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final long line;

  /** A problem with the file as a whole (empty, unknown format, missing columns). */
  public InputFileException(Path file, String problem) {
    this(file, 0, problem, null);
  }

  /** A problem on line {@code line} (1-based; 0 = the file as a whole). */
  public InputFileException(Path file, long line, String problem) {
    this(file, line, problem, null);
  }

  public InputFileException(Path file, long line, String problem, Throwable cause) {
    super(ErrorCode.INPUT, (line > 0 ? file + ", line " + line + ": " : file + ": ") + problem, cause);
    this.file = file;
    this.line = line;
  }

  public Path file() {
    return file;
  }

  /** The 1-based line number, when the problem is on one line. */
  public OptionalLong line() {
    return line > 0 ? OptionalLong.of(line) : OptionalLong.empty();
  }
}
