package org.jstilt.runtime.plot;

import java.awt.Color;
import java.awt.Paint;
import org.jfree.chart.renderer.PaintScale;

/**
 * Maps values to colours on a log10 or linear scale between a minimum and a maximum.
 *
 * <p>The palette is a sequential light-to-dark ramp (pale yellow, orange, red, dark purple), so small
 * values fade towards the white map background and the largest stand out; base-map lines stay readable
 * over every colour. Values above the maximum get the top colour; values below the minimum, zero or
 * negative values on a log scale, and NaN are not coloured ({@link #argb} returns 0, fully transparent).
 */
public final class ColourScale {
  /** Anchor colours of the ramp, low to high; {@link #PALETTE_SIZE} colours are interpolated between them. */
  private static final int[][] ANCHORS_RGB = {
    {255, 255, 204}, {254, 217, 118}, {253, 141, 60}, {227, 26, 28}, {128, 0, 38}, {45, 0, 45}
  };

  static final int PALETTE_SIZE = 256;
  private static final int[] PALETTE = buildPalette();

  private final boolean log;
  private final double min;
  private final double max;
  /** The scale's ends in the coordinate colours are interpolated in: log10(value) or value. */
  private final double lowEnd;
  private final double highEnd;

  private ColourScale(boolean log, double min, double max) {
    if (!Double.isFinite(min) || !Double.isFinite(max) || !(min < max) || (log && !(min > 0))) {
      throw new IllegalArgumentException(
          (log ? "log" : "linear") + " colour scale needs " + (log ? "0 < " : "") + "min < max, both finite; got "
              + min + " .. " + max);
    }
    this.log = log;
    this.min = min;
    this.max = max;
    this.lowEnd = log ? Math.log10(min) : min;
    this.highEnd = log ? Math.log10(max) : max;
  }

  /** A log10 scale from {@code min} to {@code max} (both positive). */
  public static ColourScale log(double min, double max) {
    return new ColourScale(true, min, max);
  }

  /** A linear scale from {@code min} to {@code max}. */
  public static ColourScale linear(double min, double max) {
    return new ColourScale(false, min, max);
  }

  public boolean isLog() {
    return log;
  }

  public double min() {
    return min;
  }

  public double max() {
    return max;
  }

  /**
   * Where a value falls on the scale: 0 at the minimum, 1 at the maximum, clamped to 1 above it; NaN
   * when the value is not coloured (below the minimum, not positive on a log scale, NaN).
   */
  public double position(double value) {
    if (Double.isNaN(value) || value < min || (log && !(value > 0))) {
      return Double.NaN;
    }
    double v = log ? Math.log10(value) : value;
    return Math.min(1.0, (v - lowEnd) / (highEnd - lowEnd));
  }

  /** The opaque ARGB colour of a value, or 0 (transparent) when it is not coloured. */
  public int argb(double value) {
    double p = position(value);
    return Double.isNaN(p) ? 0 : colourAt(p);
  }

  /** The palette colour at a position in [0, 1]. */
  static int colourAt(double position) {
    int i = (int) Math.round(Math.max(0, Math.min(1, position)) * (PALETTE_SIZE - 1));
    return PALETTE[i];
  }

  /** The scale's end in the legend's axis units: log10(value) for a log scale, the value otherwise. */
  double axisLow() {
    return lowEnd;
  }

  double axisHigh() {
    return highEnd;
  }

  /** The scale as JFreeChart's legend sees it: in axis units (log10 of the value on a log scale). */
  PaintScale legendPaintScale() {
    return new PaintScale() {
      @Override
      public double getLowerBound() {
        return lowEnd;
      }

      @Override
      public double getUpperBound() {
        return highEnd;
      }

      @Override
      public Paint getPaint(double axisValue) {
        return new Color(colourAt((axisValue - lowEnd) / (highEnd - lowEnd)), true);
      }
    };
  }

  private static int[] buildPalette() {
    int[] p = new int[PALETTE_SIZE];
    int segments = ANCHORS_RGB.length - 1;
    for (int i = 0; i < PALETTE_SIZE; i++) {
      double x = (double) i / (PALETTE_SIZE - 1) * segments;
      int s = Math.min(segments - 1, (int) Math.floor(x));
      double f = x - s;
      int[] a = ANCHORS_RGB[s];
      int[] b = ANCHORS_RGB[s + 1];
      int r = (int) Math.round(a[0] + f * (b[0] - a[0]));
      int g = (int) Math.round(a[1] + f * (b[1] - a[1]));
      int bl = (int) Math.round(a[2] + f * (b[2] - a[2]));
      p[i] = 0xff000000 | (r << 16) | (g << 8) | bl;
    }
    return p;
  }

  @Override
  public String toString() {
    return (log ? "log10" : "linear") + " colour scale " + min + " .. " + max;
  }
}
