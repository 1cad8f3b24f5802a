package org.jstilt.met;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A file that is not valid ARL packed meteorology: not ARL at all, truncated, a record length that does
 * not match the header, a checksum that does not match the index, a time interval that varies inside
 * the file, a header that cannot be parsed.
 */
public final class MetFormatException extends MetException {
  private static final long serialVersionUID = 1L;

  /**
   * @param problem what is wrong, as a sentence fragment ("Bad checksum 17, index says 26")
   * @param file the file, or null
   * @param time the met period concerned, or null
   * @param variable the ARL variable concerned, or null
   * @param level the ARL level index concerned, or null
   * @param remedy what the user can do about it, or null
   */
  public MetFormatException(
      String problem, Path file, Instant time, String variable, Integer level, String remedy) {
    super(problem, file, time, variable, level, remedy, null);
  }

  public MetFormatException(String problem, Path file, String remedy, Throwable cause) {
    super(problem, file, null, null, null, remedy, cause);
  }
}
