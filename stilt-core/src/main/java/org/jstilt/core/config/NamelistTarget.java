package org.jstilt.core.config;

/** Which HYSPLIT input file a parameter is written to, if any (PYSTILT's field {@code target}). */
public enum NamelistTarget {
  /** {@code SETUP.CFG}, the {@code $SETUP} namelist. */
  SETUP,
  /** {@code CONTROL}, positional lines. */
  CONTROL,
  /** {@code ZICONTROL}: a count, then one mixed-layer scaling factor per line. */
  ZICONTROL,
  /** {@code WINDERR}: the four wind-error values, one per line. */
  WINDERR,
  /** {@code ZIERR}: the three mixed-layer-height-error values, one per line. */
  ZIERR,
  /** Used by JSTILT itself (e.g. {@code hnf_plume}), never written for HYSPLIT. */
  NONE
}
