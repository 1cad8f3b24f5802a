package org.jstilt.io.netcdf;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Translates a PROJ.4 string into CF-1.8 grid-mapping attributes, for the scalar {@code crs} variable.
 *
 * <p>Covers the projections R-STILT's {@code write_footprint} knows (longlat, utm, tmerc, lcc, aea, merc,
 * stere/ups, laea, aeqd, ortho, geos). Unknown projections get no {@code grid_mapping_name}; the original
 * string is always kept in {@code proj4_params}, which is what JSTILT itself reads back. Ellipsoid
 * attributes are written only when the string names one ({@code +datum}, {@code +ellps}, {@code +a},
 * {@code +R}): PROJ's own default has changed between versions, so we do not guess it.
 */
final class Proj4Cf {
  private Proj4Cf() {}

  static Map<String, Object> attributes(String proj4) {
    Map<String, String> p = parse(proj4);
    Map<String, Object> a = new LinkedHashMap<>();
    String proj = p.getOrDefault("proj", "");
    switch (proj) {
      case "longlat", "latlong", "lonlat", "latlon" -> a.put("grid_mapping_name", "latitude_longitude");
      case "utm" -> {
        int zone = (int) num(p, "zone", 0);
        a.put("grid_mapping_name", "transverse_mercator");
        a.put("scale_factor_at_central_meridian", 0.9996);
        a.put("longitude_of_central_meridian", zone * 6.0 - 183.0);
        a.put("latitude_of_projection_origin", 0.0);
        a.put("false_easting", 500000.0);
        a.put("false_northing", p.containsKey("south") ? 10000000.0 : 0.0);
      }
      case "tmerc" -> {
        a.put("grid_mapping_name", "transverse_mercator");
        a.put("scale_factor_at_central_meridian", num(p, "k_0", num(p, "k", 1.0)));
        a.put("longitude_of_central_meridian", num(p, "lon_0", 0));
        a.put("latitude_of_projection_origin", num(p, "lat_0", 0));
        falseOrigin(p, a);
      }
      case "lcc", "aea" -> {
        a.put("grid_mapping_name", proj.equals("lcc") ? "lambert_conformal_conic" : "albers_conical_equal_area");
        double lat1 = num(p, "lat_1", num(p, "lat_0", 0));
        a.put("standard_parallel", p.containsKey("lat_2") ? new double[] {lat1, num(p, "lat_2", lat1)} : new double[] {lat1});
        a.put("longitude_of_central_meridian", num(p, "lon_0", 0));
        a.put("latitude_of_projection_origin", num(p, "lat_0", lat1));
        falseOrigin(p, a);
      }
      case "merc" -> {
        a.put("grid_mapping_name", "mercator");
        a.put("longitude_of_projection_origin", num(p, "lon_0", 0));
        if (p.containsKey("lat_ts")) {
          a.put("standard_parallel", num(p, "lat_ts", 0));
        } else {
          a.put("scale_factor_at_projection_origin", num(p, "k_0", num(p, "k", 1.0)));
        }
        falseOrigin(p, a);
      }
      case "stere", "ups" -> {
        double lat0 = proj.equals("ups") ? (p.containsKey("south") ? -90 : 90) : num(p, "lat_0", 90);
        if (Math.abs(lat0) == 90) {
          a.put("grid_mapping_name", "polar_stereographic");
          a.put("straight_vertical_longitude_from_pole", num(p, "lon_0", 0));
          a.put("latitude_of_projection_origin", lat0);
          if (p.containsKey("lat_ts")) {
            a.put("standard_parallel", num(p, "lat_ts", lat0));
          } else {
            a.put("scale_factor_at_projection_origin", num(p, "k_0", num(p, "k", proj.equals("ups") ? 0.994 : 1.0)));
          }
        } else {
          a.put("grid_mapping_name", "stereographic");
          a.put("longitude_of_projection_origin", num(p, "lon_0", 0));
          a.put("latitude_of_projection_origin", lat0);
          a.put("scale_factor_at_projection_origin", num(p, "k_0", num(p, "k", 1.0)));
        }
        falseOrigin(p, a);
      }
      case "laea", "aeqd", "ortho" -> {
        a.put("grid_mapping_name", switch (proj) {
          case "laea" -> "lambert_azimuthal_equal_area";
          case "aeqd" -> "azimuthal_equidistant";
          default -> "orthographic";
        });
        a.put("longitude_of_projection_origin", num(p, "lon_0", 0));
        a.put("latitude_of_projection_origin", num(p, "lat_0", 0));
        falseOrigin(p, a);
      }
      case "geos" -> {
        a.put("grid_mapping_name", "geostationary");
        a.put("perspective_point_height", num(p, "h", 35785831.0));
        a.put("longitude_of_projection_origin", num(p, "lon_0", 0));
        a.put("latitude_of_projection_origin", 0.0);
        a.put("sweep_angle_axis", p.getOrDefault("sweep", "y"));
        falseOrigin(p, a);
      }
      default -> {
        // No CF name for it: proj4_params below still describes it completely.
      }
    }
    ellipsoid(p, a);
    a.put("proj4_params", proj4);
    return a;
  }

  private static void falseOrigin(Map<String, String> p, Map<String, Object> a) {
    a.put("false_easting", num(p, "x_0", 0));
    a.put("false_northing", num(p, "y_0", 0));
  }

  private static void ellipsoid(Map<String, String> p, Map<String, Object> a) {
    String e = p.getOrDefault("datum", p.get("ellps"));
    if (e != null) {
      switch (e.toUpperCase(Locale.ROOT)) {
        case "WGS84" -> {
          a.put("semi_major_axis", 6378137.0);
          a.put("inverse_flattening", 298.257223563);
        }
        case "GRS80", "NAD83" -> {
          a.put("semi_major_axis", 6378137.0);
          a.put("inverse_flattening", 298.257222101);
        }
        case "NAD27", "CLRK66" -> {
          a.put("semi_major_axis", 6378206.4);
          a.put("semi_minor_axis", 6356583.8);
        }
        default -> {
          // Other named ellipsoids: proj4_params carries the name.
        }
      }
    } else if (p.containsKey("R")) {
      a.put("earth_radius", num(p, "R", 6371000));
    } else if (p.containsKey("a")) {
      a.put("semi_major_axis", num(p, "a", 6378137));
      if (p.containsKey("b")) {
        a.put("semi_minor_axis", num(p, "b", 6378137));
      } else if (p.containsKey("rf")) {
        a.put("inverse_flattening", num(p, "rf", 0));
      }
    }
  }

  private static double num(Map<String, String> p, String key, double fallback) {
    String v = p.get(key);
    if (v == null) {
      return fallback;
    }
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  /** {@code +proj=utm +zone=12 +south} → {proj=utm, zone=12, south=""}. */
  static Map<String, String> parse(String proj4) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String tok : proj4.trim().split("\\s+")) {
      if (!tok.startsWith("+") || tok.length() < 2) {
        continue;
      }
      int eq = tok.indexOf('=');
      if (eq < 0) {
        m.put(tok.substring(1), "");
      } else {
        m.put(tok.substring(1, eq), tok.substring(eq + 1));
      }
    }
    return m;
  }
}
