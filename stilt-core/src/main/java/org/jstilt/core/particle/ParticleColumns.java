package org.jstilt.core.particle;

import java.util.List;

/**
 * Names of particle columns, as HYSPLIT-STILT's {@code VARSIWANT} and PYSTILT's trajectory Parquet spell
 * them. Units: {@code time} minutes since release (negative backward), {@code long}/{@code lati} degrees,
 * {@code zagl} m above ground, {@code foot} ppm per (umol m-2 s-1), {@code samt} minutes, {@code sigw} m/s,
 * {@code tlgr} s, {@code mlht} m, {@code dens} kg/m3, {@code pres} hPa.
 */
public final class ParticleColumns {
  public static final String TIME = "time";
  public static final String INDX = "indx";
  public static final String LONG = "long";
  public static final String LATI = "lati";
  public static final String ZAGL = "zagl";
  public static final String FOOT = "foot";
  public static final String MLHT = "mlht";
  public static final String DENS = "dens";
  public static final String SAMT = "samt";
  public static final String SIGW = "sigw";
  public static final String TLGR = "tlgr";
  public static final String PRES = "pres";
  /** Release height of the particle (m), added for column and multipoint receptors. */
  public static final String XHGT = "xhgt";
  /** The raw foot before hnf_plume dilution. */
  public static final String FOOT_NO_HNF_DILUTION = "foot_no_hnf_dilution";

  /** Every column hycs_std can write, in no particular order (PYSTILT's allowed VARSIWANT values). */
  public static final List<String> VARSIWANT_ALLOWED =
      List.of(
          "time", "indx", "long", "lati", "zagl", "sigw", "tlgr", "zsfc", "icdx", "temp", "samt", "foot",
          "shtf", "tcld", "dmas", "dens", "rhfr", "sphu", "lcld", "zloc", "dswf", "wout", "mlht", "rain",
          "crai", "pres", "whtf", "temz", "zfx1");

  /** The columns {@code calc_footprint} reads in R-STILT's production path. */
  public static final List<String> FOOTPRINT_INPUT = List.of(TIME, INDX, LONG, LATI, FOOT);

  /** The columns hnf_plume needs besides time and indx. */
  public static final List<String> HNF_INPUT = List.of(DENS, SAMT, SIGW, TLGR, FOOT, MLHT);

  private ParticleColumns() {}
}
