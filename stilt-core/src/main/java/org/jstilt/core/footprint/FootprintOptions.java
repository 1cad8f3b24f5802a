package org.jstilt.core.footprint;

import java.util.Objects;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;

/**
 * How to compute a footprint: the domain and the knobs of R-STILT's {@code calc_footprint}.
 *
 * @param grid the footprint domain and resolution
 * @param smoothFactor linear multiplier on every kernel bandwidth; 0 turns smoothing off (pure binning).
 *     R-STILT's and PYSTILT's default is 1
 * @param timeIntegrate one layer labelled with the receptor time instead of hourly layers
 * @param densification what happens to rows inserted by early-time densification; R-STILT production by
 *     default
 */
public record FootprintOptions(
    GridSpec grid, double smoothFactor, boolean timeIntegrate, Densification densification) {

  /** R-STILT's default smoothing factor. */
  public static final double DEFAULT_SMOOTH_FACTOR = 1.0;

  public FootprintOptions {
    Objects.requireNonNull(grid, "grid");
    Objects.requireNonNull(densification, "densification");
    if (!(smoothFactor >= 0) || Double.isInfinite(smoothFactor)) {
      throw new StiltException(
          ErrorCode.INPUT,
          "footprint smooth_factor = "
              + smoothFactor
              + " must be a finite number >= 0 (1 is R-STILT's default, 0 turns smoothing off).");
    }
  }

  /** R-STILT's defaults on {@code grid}: smooth_factor 1, hourly layers, production densification. */
  public static FootprintOptions of(GridSpec grid) {
    return new FootprintOptions(grid, DEFAULT_SMOOTH_FACTOR, false, Densification.R_STILT_PRODUCTION);
  }

  public FootprintOptions withSmoothFactor(double factor) {
    return new FootprintOptions(grid, factor, timeIntegrate, densification);
  }

  public FootprintOptions withTimeIntegrate(boolean integrate) {
    return new FootprintOptions(grid, smoothFactor, integrate, densification);
  }

  public FootprintOptions withDensification(Densification mode) {
    return new FootprintOptions(grid, smoothFactor, timeIntegrate, mode);
  }
}
