package org.jstilt.core.footprint;

/**
 * Why a footprint is empty. PYSTILT's {@code empty_reason} vocabulary; the NetCDF attribute and the
 * registry use {@link #label()}.
 */
public enum EmptyFootprintReason {
  /** The particle table had no rows. */
  NO_PARTICLES("no_particles"),
  /** No particle with foot &gt; 0 came within the kernel-buffered domain. */
  OUTSIDE_DOMAIN("outside_domain");

  private final String label;

  EmptyFootprintReason(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
