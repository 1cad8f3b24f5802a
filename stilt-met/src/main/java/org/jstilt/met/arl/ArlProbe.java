package org.jstilt.met.arl;

import java.time.Instant;

/**
 * The verdict of a cheap look at a file's first bytes: is it ARL packed meteorology, and if so what is it.
 * Obtained with {@link ArlFile#probe}; nothing beyond the first index record is read.
 */
public sealed interface ArlProbe {

  /** True when the file looks like ARL. */
  boolean isArl();

  /** The file starts with a valid ARL index record. */
  record Recognized(String model, int nx, int ny, int nz, VerticalCoordinate verticalCoordinate, Instant firstTime, long sizeBytes)
      implements ArlProbe {
    @Override
    public boolean isArl() {
      return true;
    }
  }

  /** The file is not ARL; {@code reason} says what was found instead. */
  record Rejected(String reason) implements ArlProbe {
    @Override
    public boolean isArl() {
      return false;
    }
  }
}
