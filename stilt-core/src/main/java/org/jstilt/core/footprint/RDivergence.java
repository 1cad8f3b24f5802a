package org.jstilt.core.footprint;

/**
 * Places where R-STILT's {@code calc_footprint} would stop with an error (or misbehave) but JSTILT returns
 * the documented correct answer instead (FOOTPRINT.md §5). A {@link FootprintResult} lists the ones a
 * computation ran into, so a caller can log them; none of them makes the footprint wrong.
 */
public enum RDivergence {
  /**
   * Every particle has fewer than two rows with |time| &lt; 100 min, so R's early-time distance test is NA
   * and R stops ("missing value where TRUE/FALSE needed"). JSTILT does not densify (as PYSTILT).
   */
  INTERPOLATION_TEST_UNDEFINED(
      "no particle has two rows in its first 100 minutes, so the densification test is undefined (R"
          + " stops here); early steps were not densified"),
  /**
   * Densification ran and a particle has a single known value of a column in its table, where R's
   * {@code approx} stops ("need at least two non-NA values to interpolate"). JSTILT fills nothing for that
   * particle: nothing lies between its first and last known value.
   */
  DENSIFY_SINGLE_VALUE(
      "a particle has only one known position or foot value, where R's densification stops; nothing was"
          + " interpolated for it"),
  /**
   * No release-relative time has two or more rows, so there is no variance to size a kernel and R stops
   * ({@code max(w)} of nothing). JSTILT grids without smoothing (σ = 0), as PYSTILT.
   */
  NO_KERNEL_VARIANCE(
      "no output time has two or more particle rows, so no kernel bandwidth exists (R stops here); the"
          + " footprint was gridded without smoothing"),
  /**
   * Exactly one release-relative time has a variance, where R's {@code find_neighbor} stops ("argument is
   * of length zero"). JSTILT uses that bandwidth for every step, as PYSTILT.
   */
  SINGLE_KERNEL_ROW(
      "only one output time has a kernel bandwidth (R stops here); it was used for every step"),
  /**
   * {@code xres != yres} with kernels wider than one cell. R's Fortran applies the kernel with its axes
   * swapped (and reads past the array when xres &lt; yres), losing mass; JSTILT applies it in the correct
   * orientation and conserves mass, so values differ from R.
   */
  ANISOTROPIC_KERNEL(
      "xres differs from yres and smoothing kernels are wider than one cell; R mis-orients such kernels,"
          + " JSTILT applies them correctly, so this footprint differs from R-STILT's");

  private final String description;

  RDivergence(String description) {
    this.description = description;
  }

  /** One sentence for a log line. */
  public String description() {
    return description;
  }
}
