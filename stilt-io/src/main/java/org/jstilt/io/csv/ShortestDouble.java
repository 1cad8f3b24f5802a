package org.jstilt.io.csv;

import org.jstilt.core.text.PyFloat;

/**
 * Numbers in our CSV files: the shortest decimal that reads back as the same double, closest to the exact
 * binary value when several are equally short, in Python's {@code repr} notation ({@code 0.1}, {@code 150.0},
 * {@code 1.45142e-05}, {@code 1e+16}) — {@link PyFloat#repr}, which is tested against CPython.
 *
 * <p>Why not {@link Double#toString}: before Java 19 it sometimes emits more digits than needed (Java 17
 * prints {@code 2e23} as {@code 1.9999999999999998E23}), so CSV output would differ between JVM versions and
 * from PYSTILT's. The non-finite values keep the spelling this writer has always used ({@code NaN},
 * {@code Infinity}, {@code -Infinity}), where Python would write {@code nan} and {@code inf}.
 */
public final class ShortestDouble {
  private ShortestDouble() {}

  /** The shortest round-trip form of {@code v}; {@code NaN}, {@code Infinity}, {@code -Infinity} for the rest. */
  public static String format(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "Infinity" : "-Infinity";
    }
    return PyFloat.repr(v);
  }
}
