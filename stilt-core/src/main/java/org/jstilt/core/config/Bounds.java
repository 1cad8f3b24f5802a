package org.jstilt.core.config;

import java.util.ArrayList;
import java.util.List;

/**
 * A lon/lat box in degrees (PYSTILT {@code Bounds}), e.g. the area a met stream is cropped to.
 * Valid when all four are finite, latitudes lie in [-90, 90] with {@code ymin < ymax}, longitudes in
 * [-360, 360] (as footprint grids; {@code xmax < xmin} crosses the antimeridian).
 */
public record Bounds(double xmin, double xmax, double ymin, double ymax) {
  public Bounds {
    ConfigException.throwIfAny(problems(xmin, xmax, ymin, ymax));
  }

  /** Every problem with these bounds, with the key names as paths. */
  public static List<ConfigProblem> problems(double xmin, double xmax, double ymin, double ymax) {
    List<ConfigProblem> p = new ArrayList<>();
    for (String k : List.of("xmin", "xmax", "ymin", "ymax")) {
      double v = switch (k) {
        case "xmin" -> xmin;
        case "xmax" -> xmax;
        case "ymin" -> ymin;
        default -> ymax;
      };
      if (!Double.isFinite(v)) {
        p.add(ConfigProblem.at(k, "must be a finite number of degrees, got " + v));
      }
    }
    if (!p.isEmpty()) {
      return p;
    }
    if (Math.abs(xmin) > 360) {
      p.add(ConfigProblem.at("xmin", "must be a longitude within [-360, 360] degrees, got " + xmin));
    }
    if (Math.abs(xmax) > 360) {
      p.add(ConfigProblem.at("xmax", "must be a longitude within [-360, 360] degrees, got " + xmax));
    }
    if (ymin < -90) {
      p.add(ConfigProblem.at("ymin", "must be a latitude within [-90, 90] degrees, got " + ymin));
    }
    if (ymax > 90) {
      p.add(ConfigProblem.at("ymax", "must be a latitude within [-90, 90] degrees, got " + ymax));
    }
    if (!(ymin < ymax)) {
      p.add(ConfigProblem.at("ymax", "must be greater than ymin (" + ymin + "), got " + ymax));
    }
    return p;
  }
}
