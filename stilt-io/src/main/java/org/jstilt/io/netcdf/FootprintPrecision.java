package org.jstilt.io.netcdf;

/** How footprint values are stored. They are always computed in double. */
public enum FootprintPrecision {
  /** float32, as R-STILT stores footprints (about 7 significant digits); the default. */
  FLOAT32,
  /** float64, as PYSTILT stores them: the computed doubles exactly. */
  FLOAT64
}
