package org.jstilt.core.config;

/** How prominently a parameter is documented (PYSTILT's {@code visibility}); all are accepted in config. */
public enum Visibility {
  /** Science-facing settings most projects set. */
  PUBLIC,
  /** Settings for specialists (particle output cadence, error runs, ZICONTROL). */
  ADVANCED,
  /** HYSPLIT switches STILT fixes (e.g. {@code ichem = 8}); changing them breaks STILT's assumptions. */
  INTERNAL
}
