package org.jstilt.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jstilt.core.footprint.GridSpec;
import org.locationtech.proj4j.CRSFactory;

/**
 * One named footprint product (PYSTILT {@code FootprintConfig}, PYSTILT.md §3.4).
 *
 * @param grid domain, resolution and projection
 * @param smoothFactor scale on the Gaussian kernel bandwidth; 0 turns smoothing off; at least 0
 * @param timeIntegrate sum all hourly layers into one
 * @param error also grid the error trajectory as {@code <name>_error} (never required for completion)
 * @param transforms particle transforms applied, in order, before gridding
 */
public record FootprintConfig(GridSpec grid, double smoothFactor, boolean timeIntegrate, boolean error,
    List<TransformSpec> transforms) {
  public FootprintConfig {
    Objects.requireNonNull(grid, "grid");
    transforms = List.copyOf(transforms);
    if (!(smoothFactor >= 0) || Double.isInfinite(smoothFactor)) {
      throw ConfigException.at("smooth_factor", "must be a finite number >= 0 (0 turns smoothing off), got "
          + smoothFactor);
    }
  }

  /** A footprint on {@code grid} with PYSTILT's defaults (smooth_factor 1, hourly, no error, no transforms). */
  public static FootprintConfig of(GridSpec grid) {
    return new FootprintConfig(grid, 1.0, false, false, List.of());
  }

  /**
   * Every problem with a grid's values, with the keys as paths; empty when {@link GridSpec}'s constructor
   * will accept them and proj4j can read a non-longlat projection. Collects all at once (GridSpec stops
   * at the first), for the loader.
   */
  public static List<ConfigProblem> gridProblems(double xmin, double xmax, double ymin, double ymax, double xres,
      double yres, String projection) {
    List<ConfigProblem> p = new ArrayList<>(Bounds.problems(xmin, xmax, ymin, ymax));
    for (String k : List.of("xres", "yres")) {
      double v = k.equals("xres") ? xres : yres;
      if (!(v > 0) || Double.isInfinite(v)) {
        p.add(ConfigProblem.at(k, "must be a positive cell size (degrees, or metres for a projected grid), got " + v));
      }
    }
    if (projection.isBlank()) {
      p.add(ConfigProblem.at("projection", "is empty; use " + GridSpec.LONGLAT + " or a PROJ string"));
    } else if (!projection.contains(GridSpec.LONGLAT)) {
      try {
        new CRSFactory().createFromParameters("grid", projection);
      } catch (RuntimeException e) {
        p.add(ConfigProblem.at("projection", "cannot be read as a PROJ string (" + e.getMessage()
            + "), e.g. +proj=utm +zone=12 +datum=WGS84 +units=m +no_defs"));
      }
    }
    return p;
  }

  /** The output names this footprint produces: its name, and {@code <name>_error} when {@link #error()}. */
  public List<String> outputNames(String name) {
    return error ? List.of(name, name + "_error") : List.of(name);
  }
}
