package org.jstilt.core.receptor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;
import org.jstilt.core.text.PyFloat;
import org.jstilt.core.text.PyJson;

/**
 * PYSTILT's receptor dict ({@code Receptor.to_dict} / {@code from_dict}) and its JSON text
 * ({@code json.dumps(receptor.to_dict())}), which PYSTILT stores in the trajectory Parquet metadata
 * ({@code stilt:receptor}), the footprint NetCDF attribute {@code receptor}, the manifest and the queue.
 *
 * <p>The dict has the keys, in this order: {@code type} ({@code PointReceptor}, {@code ColumnReceptor},
 * {@code MultiPointReceptor}), {@code time} (naive UTC ISO text, {@link ReceptorTime#isoformat}), the
 * coordinates ({@code longitude, latitude, altitude}; {@code longitude, latitude, bottom, top};
 * {@code longitudes, latitudes, altitudes} as lists) as floats, then {@code altitude_ref}. The JSON uses
 * Python's default separators and float {@code repr}, so the text is byte-identical to PYSTILT's, e.g.
 * <pre>{"type": "PointReceptor", "time": "2023-01-01T12:00:00", "longitude": -111.85, "latitude": 40.77, "altitude": 5.0, "altitude_ref": "agl"}</pre>
 */
public final class ReceptorJson {
  private ReceptorJson() {}

  /** The dict form, insertion-ordered as PYSTILT builds it. */
  public static Map<String, Object> toMap(Receptor receptor) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", receptor.typeName());
    m.put("time", ReceptorTime.isoformat(receptor.time()));
    if (receptor instanceof PointReceptor p) {
      m.put("longitude", p.lonDeg());
      m.put("latitude", p.latDeg());
      m.put("altitude", p.altitudeM());
    } else if (receptor instanceof ColumnReceptor c) {
      m.put("longitude", c.lonDeg());
      m.put("latitude", c.latDeg());
      m.put("bottom", c.bottomM());
      m.put("top", c.topM());
    } else {
      List<Double> lons = new ArrayList<>();
      List<Double> lats = new ArrayList<>();
      List<Double> alts = new ArrayList<>();
      for (ReleasePoint p : receptor.releasePoints()) {
        lons.add(p.lonDeg());
        lats.add(p.latDeg());
        alts.add(p.altitudeM());
      }
      m.put("longitudes", lons);
      m.put("latitudes", lats);
      m.put("altitudes", alts);
    }
    m.put("altitude_ref", receptor.altitudeRef().label());
    return m;
  }

  /** {@code json.dumps(receptor.to_dict())}, byte-identical to PYSTILT. */
  public static String toJson(Receptor receptor) {
    return PyJson.DEFAULT.dumps(toMap(receptor));
  }

  /** Reads the JSON text PYSTILT or {@link #toJson} wrote. */
  public static Receptor fromJson(String json) {
    Object value;
    try {
      value = PyJson.loads(json);
    } catch (IllegalArgumentException e) {
      throw new StiltException(ErrorCode.INPUT, "receptor JSON is not valid JSON: " + e.getMessage(), e);
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw new StiltException(ErrorCode.INPUT, "receptor JSON must be an object, got: " + json);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) map;
    return fromMap(m);
  }

  private static final Map<String, Set<String>> KEYS = Map.of(
      "PointReceptor", Set.of("time", "longitude", "latitude", "altitude", "altitude_ref"),
      "ColumnReceptor", Set.of("time", "longitude", "latitude", "bottom", "top", "altitude_ref"),
      "MultiPointReceptor", Set.of("time", "longitudes", "latitudes", "altitudes", "altitude_ref"));

  /**
   * PYSTILT's {@code Receptor.from_dict}: dispatches on {@code type}; {@code altitude_ref} defaults to
   * {@code agl}; numbers may be JSON integers or floats (or numeric strings, as Python's {@code float()}
   * allows); {@code time} is any form {@link ReceptorTime#parse} accepts. Unknown or missing keys are
   * errors naming them.
   */
  public static Receptor fromMap(Map<String, ?> m) {
    Object type = m.get("type");
    if (!(type instanceof String typeName) || typeName.isEmpty()) {
      throw new StiltException(ErrorCode.INPUT, "receptor dict must contain a 'type' key, got keys " + m.keySet());
    }
    Set<String> allowed = KEYS.get(typeName);
    if (allowed == null) {
      throw new StiltException(ErrorCode.INPUT, "unknown receptor type '" + typeName
          + "'; expected PointReceptor, ColumnReceptor or MultiPointReceptor");
    }
    Set<String> unknown = new TreeSet<>(m.keySet());
    unknown.remove("type");
    unknown.removeAll(allowed);
    if (!unknown.isEmpty()) {
      throw new StiltException(ErrorCode.INPUT, typeName + " has unknown keys " + unknown + "; allowed: "
          + new TreeSet<>(allowed));
    }
    Instant time = ReceptorTime.parse(string(m, typeName, "time"));
    Object refValue = m.get("altitude_ref");
    AltitudeReference ref = refValue == null ? AltitudeReference.AGL : AltitudeReference.parse(refValue.toString());
    switch (typeName) {
      case "PointReceptor":
        return new PointReceptor(time, number(m, typeName, "longitude"), number(m, typeName, "latitude"),
            number(m, typeName, "altitude"), ref);
      case "ColumnReceptor":
        return new ColumnReceptor(time, number(m, typeName, "longitude"), number(m, typeName, "latitude"),
            number(m, typeName, "bottom"), number(m, typeName, "top"), ref);
      default:
        return MultiPointReceptor.of(time, numbers(m, typeName, "longitudes"), numbers(m, typeName, "latitudes"),
            numbers(m, typeName, "altitudes"), ref);
    }
  }

  private static Object required(Map<String, ?> m, String type, String key) {
    if (!m.containsKey(key) || m.get(key) == null) {
      throw new StiltException(ErrorCode.INPUT, type + " is missing '" + key + "'");
    }
    return m.get(key);
  }

  private static String string(Map<String, ?> m, String type, String key) {
    Object v = required(m, type, key);
    if (!(v instanceof String s)) {
      throw new StiltException(ErrorCode.INPUT, type + " '" + key + "' must be a string, got " + v);
    }
    return s;
  }

  private static double number(Map<String, ?> m, String type, String key) {
    return toDouble(required(m, type, key), type + " '" + key + "'");
  }

  private static double[] numbers(Map<String, ?> m, String type, String key) {
    Object v = required(m, type, key);
    if (!(v instanceof List<?> list)) {
      throw new StiltException(ErrorCode.INPUT, type + " '" + key + "' must be a list of numbers, got " + v);
    }
    double[] out = new double[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = toDouble(list.get(i), type + " '" + key + "'[" + i + "]");
    }
    return out;
  }

  private static double toDouble(Object v, String what) {
    if (v instanceof Number n && !(v instanceof Byte)) {
      return n.doubleValue();
    }
    if (v instanceof String s) {
      try {
        return PyFloat.parse(s);
      } catch (NumberFormatException e) {
        // fall through to the error below
      }
    }
    throw new StiltException(ErrorCode.INPUT, what + " must be a number, got " + v);
  }
}
