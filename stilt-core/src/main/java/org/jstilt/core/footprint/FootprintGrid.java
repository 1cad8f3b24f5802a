package org.jstilt.core.footprint;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A computed footprint: {@code nt} layers of {@code ny × nx} cells, in ppm per (umol m-2 s-1).
 *
 * <p>Coordinates are cell centres in projection units ({@code x} = longitude in degrees for longlat grids,
 * metres for projected ones), ascending. For a domain across the antimeridian the x axis stays in R-STILT's
 * 0–360 frame. {@code times} label each layer: for hourly footprints the earlier edge of the hour
 * (R-STILT's rule), for a time-integrated one the receptor time. Values are doubles; whether they are
 * stored as float32 or float64 is the writer's business.
 *
 * <p>Layer storage is row-major per layer: {@code layers[t][j * nx + i]} with {@code j} the y (latitude)
 * index from south and {@code i} the x index from west. Arrays are copied in and out.
 */
public final class FootprintGrid {
  private final GridSpec spec;
  private final double[] xCentres;
  private final double[] yCentres;
  private final Instant[] times;
  private final double[][] layers;
  private final EmptyFootprintReason emptyReason;

  /**
   * @param emptyReason why the footprint is empty, or {@code null} for a computed (possibly all-zero)
   *     footprint
   */
  public FootprintGrid(
      GridSpec spec,
      double[] xCentres,
      double[] yCentres,
      Instant[] times,
      double[][] layers,
      EmptyFootprintReason emptyReason) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.xCentres = xCentres.clone();
    this.yCentres = yCentres.clone();
    this.times = times.clone();
    if (layers.length != times.length) {
      throw new IllegalArgumentException(layers.length + " layers for " + times.length + " times");
    }
    int cells = xCentres.length * yCentres.length;
    this.layers = new double[layers.length][];
    for (int t = 0; t < layers.length; t++) {
      if (layers[t].length != cells) {
        throw new IllegalArgumentException("layer " + t + " has " + layers[t].length + " cells, expected " + cells);
      }
      this.layers[t] = layers[t].clone();
    }
    this.emptyReason = emptyReason;
  }

  /** Takes ownership of the arrays (no copies): for the calculator, whose layers can be large. */
  private FootprintGrid(
      GridSpec spec,
      double[] xCentres,
      double[] yCentres,
      Instant[] times,
      double[][] layers,
      EmptyFootprintReason emptyReason,
      boolean adopt) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.xCentres = xCentres;
    this.yCentres = yCentres;
    this.times = times;
    this.layers = layers;
    this.emptyReason = emptyReason;
  }

  static FootprintGrid adopt(
      GridSpec spec,
      double[] xCentres,
      double[] yCentres,
      Instant[] times,
      double[][] layers,
      EmptyFootprintReason emptyReason) {
    return new FootprintGrid(spec, xCentres, yCentres, times, layers, emptyReason, true);
  }

  public GridSpec spec() {
    return spec;
  }

  public int nx() {
    return xCentres.length;
  }

  public int ny() {
    return yCentres.length;
  }

  public int nt() {
    return times.length;
  }

  public double[] xCentres() {
    return xCentres.clone();
  }

  public double[] yCentres() {
    return yCentres.clone();
  }

  public Instant[] times() {
    return times.clone();
  }

  /** Value of cell (x index {@code i}, y index {@code j}) in layer {@code t}. */
  public double value(int t, int j, int i) {
    return layers[t][j * xCentres.length + i];
  }

  /** A copy of layer {@code t}, row-major from the south-west corner. */
  public double[] layer(int t) {
    return layers[t].clone();
  }

  /** Present when the footprint is empty by construction (no particles, or none near the domain). */
  public Optional<EmptyFootprintReason> emptyReason() {
    return Optional.ofNullable(emptyReason);
  }

  /** Number of cells with a non-zero value, over all layers. */
  public long nonZeroCount() {
    long c = 0;
    for (double[] l : layers) {
      for (double v : l) {
        if (v != 0) {
          c++;
        }
      }
    }
    return c;
  }

  /** Sum over all cells and layers. */
  public double total() {
    double s = 0;
    for (double[] l : layers) {
      for (double v : l) {
        s += v;
      }
    }
    return s;
  }

  @Override
  public String toString() {
    return "FootprintGrid[" + nt() + "×" + ny() + "×" + nx() + ", times=" + Arrays.toString(times)
        + (emptyReason != null ? ", empty=" + emptyReason.label() : "") + "]";
  }
}
