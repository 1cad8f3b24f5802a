package org.jstilt.runtime.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jstilt.core.text.PyJson;

/**
 * Receptor positions to mark on a map, from the receptor JSON that footprint NetCDF files
 * ({@code receptor} attribute) and trajectory Parquet files ({@code stilt:receptor}) carry.
 */
public final class ReceptorMarks {
  private ReceptorMarks() {}

  /**
   * The {lon, lat} positions of a receptor dict: {@code longitude/latitude} (point and column receptors)
   * or {@code longitudes/latitudes} (multipoint). Empty when the text is null, not JSON, or names no
   * position (R-STILT files carry none): a map without a marker is better than no map.
   */
  public static List<double[]> fromJson(String json) {
    List<double[]> out = new ArrayList<>();
    if (json == null || json.isBlank()) {
      return out;
    }
    Object parsed;
    try {
      parsed = PyJson.loads(json);
    } catch (RuntimeException e) {
      return out;
    }
    if (!(parsed instanceof Map<?, ?> m)) {
      return out;
    }
    if (m.get("longitude") instanceof Number lon && m.get("latitude") instanceof Number lat) {
      add(out, lon.doubleValue(), lat.doubleValue());
    } else if (m.get("longitudes") instanceof List<?> lons && m.get("latitudes") instanceof List<?> lats) {
      for (int i = 0; i < Math.min(lons.size(), lats.size()); i++) {
        if (lons.get(i) instanceof Number lon && lats.get(i) instanceof Number lat) {
          add(out, lon.doubleValue(), lat.doubleValue());
        }
      }
    }
    return out;
  }

  private static void add(List<double[]> out, double lon, double lat) {
    if (Double.isFinite(lon) && Double.isFinite(lat) && Math.abs(lat) <= 90) {
      for (double[] p : out) {
        if (p[0] == lon && p[1] == lat) {
          return; // a column receptor's points share one position
        }
      }
      out.add(new double[] {lon, lat});
    }
  }
}
