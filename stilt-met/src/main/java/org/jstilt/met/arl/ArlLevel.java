package org.jstilt.met.arl;

import java.util.List;
import java.util.Objects;

/**
 * One level of an ARL file as its index record lists it.
 *
 * @param index level index as in record labels, 0 = surface
 * @param value the coordinate value (sigma, hPa, metres or hybrid {@code offset + σ}; 1.0 or 0 for the surface
 *     by convention)
 * @param variables the 4-character ARL names stored at this level, in record order
 */
public record ArlLevel(int index, double value, List<String> variables) {
  public ArlLevel {
    if (index < 0) {
      throw new IllegalArgumentException("level index must be >= 0, got " + index);
    }
    Objects.requireNonNull(variables, "variables");
    variables = List.copyOf(variables);
    for (String v : variables) {
      if (v.isEmpty() || v.length() > 4) {
        throw new IllegalArgumentException("ARL variable names have 1 to 4 characters, got '" + v + "'");
      }
    }
    if (Double.isNaN(value)) {
      throw new IllegalArgumentException("level " + index + " value is NaN");
    }
  }

  /** Whether this level stores {@code variable}. */
  public boolean has(String variable) {
    return variables.contains(variable);
  }
}
