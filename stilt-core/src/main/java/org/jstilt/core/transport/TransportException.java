package org.jstilt.core.transport;

import java.util.Objects;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;

/**
 * A transport run failed for a classified reason (PYSTILT's {@code TrajectoryError} family: timeout, no
 * particle output, empty trajectory, a failure phrase in the engine's log).
 *
 * <p>The code is {@link ErrorCode#MET} when the reason is about meteorology ({@link FailureReason#MISSING_MET_FILES},
 * {@link FailureReason#MET_COVERAGE}, {@link FailureReason#VARYING_MET_INTERVAL}) and
 * {@link ErrorCode#TRANSPORT} otherwise.
 */
public class TransportException extends StiltException {
  private static final long serialVersionUID = 1L;

  private final FailureReason reason;

  public TransportException(FailureReason reason, String message) {
    this(reason, message, null);
  }

  public TransportException(FailureReason reason, String message, Throwable cause) {
    super(codeFor(reason), message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** Why the run failed. */
  public FailureReason reason() {
    return reason;
  }

  /** The error code a failure of this reason is reported with. */
  public static ErrorCode codeFor(FailureReason reason) {
    return switch (Objects.requireNonNull(reason, "reason")) {
      case MISSING_MET_FILES, MET_COVERAGE, VARYING_MET_INTERVAL -> ErrorCode.MET;
      default -> ErrorCode.TRANSPORT;
    };
  }
}
