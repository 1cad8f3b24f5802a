package org.jstilt.core.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Mixed-layer height scaling written to HYSPLIT's {@code ZICONTROL} when {@code zicontroltf} is 1
 * (PYSTILT {@code ziscale}, PYSTILT.md §9.5): one factor for every hour of the run, or a list of hourly
 * factors. PYSTILT also accepts a list holding exactly one list, which is the same as that list; the
 * loader unwraps it.
 */
public sealed interface ZiScale {
  /** PYSTILT's default: no scaling. */
  ZiScale NONE = new Constant(1.0);

  /** The factors ZICONTROL lists for a run of {@code nHours} hours: a constant repeats max(|nHours|, 1) times. */
  List<Double> factors(int nHours);

  /** The value as PYSTILT's config holds it: a float or a list of floats. */
  Object toPython();

  /** One factor for every hour. */
  record Constant(double factor) implements ZiScale {
    public Constant {
      if (!(factor > 0) || Double.isInfinite(factor)) {
        throw ConfigException.at("ziscale", "must be a positive number, got " + factor);
      }
    }

    @Override
    public List<Double> factors(int nHours) {
      return Collections.nCopies(Math.max(Math.abs(nHours), 1), factor);
    }

    @Override
    public Object toPython() {
      return factor;
    }
  }

  /** Hourly factors, first hour first, written as given. */
  record Hourly(List<Double> values) implements ZiScale {
    public Hourly {
      values = List.copyOf(values);
      if (values.isEmpty()) {
        throw ConfigException.at("ziscale", "an empty list has no factors; give a number or a list of hourly factors");
      }
      for (int i = 0; i < values.size(); i++) {
        double v = values.get(i);
        if (!(v > 0) || Double.isInfinite(v)) {
          throw ConfigException.at("ziscale", "factor " + (i + 1) + " must be a positive number, got " + v);
        }
      }
    }

    @Override
    public List<Double> factors(int nHours) {
      return values;
    }

    @Override
    public Object toPython() {
      return new ArrayList<>(values);
    }
  }
}
