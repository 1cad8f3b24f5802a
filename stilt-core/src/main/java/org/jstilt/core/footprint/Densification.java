package org.jstilt.core.footprint;

/**
 * What happens to the rows that early-time densification inserts (FOOTPRINT.md §4.1).
 *
 * <p>When particles move more than one cell per output step in the first 100 minutes, R-STILT inserts
 * interpolated positions on a sub-minute schedule and later drops every row with a missing value
 * ({@code na.omit}). Whether the inserted rows survive therefore depends on which columns the table
 * had: in R-STILT's production path only {@code time, indx, long, lati, foot} reach
 * {@code calc_footprint}, the inserted rows are complete and densification really happens; when the
 * table carries extra columns (PYSTILT always passes the whole trajectory table), the inserted rows have
 * NA there and are all dropped again. The two give footprints that differ by up to 80% per cell near the
 * receptor, so the choice is explicit here.
 */
public enum Densification {
  /**
   * R-STILT production ({@code simulation_step}): inserted rows are kept, so early steps are densified
   * onto the 0.1/0.2/0.5-minute schedule. The default.
   */
  R_STILT_PRODUCTION,
  /**
   * What R does when the table has extra columns, and what PYSTILT does: inserted rows are dropped.
   * Original rows still get R's side effects (times rounded to 0.1 min, per-window rescaling, bracketed
   * missing values interpolated).
   */
  DROP_DENSIFIED_ROWS
}
