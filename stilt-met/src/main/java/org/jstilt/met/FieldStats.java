package org.jstilt.met;

/**
 * Minimum, maximum and mean of a decoded field.
 *
 * @param count number of values
 */
public record FieldStats(double min, double max, double mean, int count) {

  /** Statistics of all values of {@code field}. */
  public static FieldStats of(double[] field) {
    if (field.length == 0) {
      throw new IllegalArgumentException("empty field");
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double sum = 0;
    for (double v : field) {
      min = Math.min(min, v);
      max = Math.max(max, v);
      sum += v;
    }
    return new FieldStats(min, max, sum / field.length, field.length);
  }
}
