package org.jstilt.core.receptor;

/** Whether receptor altitudes are above ground level or above mean sea level (HYSPLIT's KMSL 0 or 1). */
public enum AltitudeReference {
  AGL,
  MSL;

  /** The lower-case spelling used in receptors.csv and PYSTILT ({@code agl}, {@code msl}). */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
