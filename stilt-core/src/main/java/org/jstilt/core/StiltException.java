package org.jstilt.core;

import java.util.Objects;

/**
 * The root of every error JSTILT reports on purpose.
 *
 * <p>Messages are written for the person running STILT: what is wrong, where (file and line, or a config
 * path such as {@code footprints.slv.grid.xres}) and what to do about it. Modules may subclass it to add
 * structured detail, but the message alone must be enough.
 */
public class StiltException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;

  public StiltException(ErrorCode code, String message) {
    super(message);
    this.code = Objects.requireNonNull(code, "code");
  }

  public StiltException(ErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = Objects.requireNonNull(code, "code");
  }

  /** The error category, which also decides the CLI exit code. */
  public ErrorCode code() {
    return code;
  }
}
