package org.jstilt.runtime.plot;

import java.awt.image.BufferedImage;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jstilt.core.footprint.FootprintGrid;
import org.jstilt.core.footprint.GridSpec;

/**
 * A footprint grid as a map: cells coloured on a log scale (colour bar in the file's units,
 * ppm m² s µmol⁻¹), either summed over all time layers (the default view: where, over the whole run,
 * the measurement was sensitive) or one layer.
 *
 * <p>Cell {@code (j, i)} of the grid is drawn as the rectangle between its neighbours' mid-points, so a
 * cell centre at (lon, lat) lands under {@link RenderedMap#pixelOf}(lon, lat). Grids across the
 * antimeridian are unwrapped into increasing longitudes first. A projected grid is drawn in its own x/y
 * metres, with the base map and receptors projected onto it ({@link MapProjection}).
 */
public final class FootprintMap {
  /** Colour-bar label: the units of {@code foot} in our NetCDF files. */
  public static final String UNITS_LABEL = "Footprint (ppm m² s µmol⁻¹)";
  /** Layer index meaning "the sum over all layers". */
  public static final int SUM = -1;
  /** Default span of the colour scale below the maximum, in decades. */
  public static final double DEFAULT_DECADES = 4;

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private FootprintMap() {}

  /** The cell values of one layer, or their sum over layers for {@link #SUM}; row-major (y, x). */
  public static double[] values(FootprintGrid grid, int layer) {
    if (layer != SUM) {
      if (layer < 0 || layer >= grid.nt()) {
        throw new IllegalArgumentException("layer " + layer + " of " + grid.nt());
      }
      return grid.layer(layer);
    }
    double[] sum = new double[grid.nx() * grid.ny()];
    for (int t = 0; t < grid.nt(); t++) {
      double[] l = grid.layer(t);
      for (int k = 0; k < sum.length; k++) {
        sum[k] += l[k];
      }
    }
    return sum;
  }

  /**
   * The default log scale for these values: from {@code vmax / 10^decades} to {@code vmax}, where vmax
   * is the largest value unless given; empty when nothing is positive (an empty footprint).
   *
   * @param vmin the lower end, or null for {@code vmax / 10^decades}
   * @param vmax the upper end, or null for the largest value
   */
  public static Optional<ColourScale> autoScale(double[] values, Double vmin, Double vmax, double decades) {
    double max = 0;
    for (double v : values) {
      if (v > max) {
        max = v;
      }
    }
    double hi = vmax != null ? vmax : max;
    if (!(hi > 0)) {
      return Optional.empty();
    }
    double lo = vmin != null ? vmin : hi / Math.pow(10, decades);
    return Optional.of(ColourScale.log(lo, hi));
  }

  /** The box covered by the grid's cells (centres ± half a cell), in the grid's coordinates. */
  public static MapExtent gridExtent(FootprintGrid grid) {
    double[] x = unwrappedX(grid);
    double[] y = ascending(grid.yCentres(), "y");
    double dx = cellSize(x, grid.spec().xres());
    double dy = cellSize(y, grid.spec().yres());
    boolean geo = grid.spec().isLongLat();
    double y0 = y[0] - dy / 2;
    double y1 = y[y.length - 1] + dy / 2;
    if (geo) {
      y0 = Math.max(-90, y0);
      y1 = Math.min(90, y1);
    }
    return new MapExtent(x[0] - dx / 2, x[x.length - 1] + dx / 2, y0, y1, geo);
  }

  /**
   * The box around the cells the scale colours, grown by a quarter of its size and to at least 10 cells
   * each way, within the grid: for {@code stilt plot --crop}, when a footprint fills a small part of a
   * large domain. Empty when no cell is coloured.
   */
  public static Optional<MapExtent> colouredExtent(FootprintGrid grid, double[] values, ColourScale scale) {
    MapExtent cells = gridExtent(grid);
    int nx = grid.nx();
    int ny = grid.ny();
    double cellW = cells.width() / nx;
    double cellH = cells.height() / ny;
    int[] xColumn = xColumns(grid);
    boolean yAscending = ny < 2 || grid.yCentres()[1] > grid.yCentres()[0];
    int i0 = Integer.MAX_VALUE;
    int i1 = -1;
    int j0 = Integer.MAX_VALUE;
    int j1 = -1;
    for (int j = 0; j < ny; j++) {
      int row = yAscending ? j : ny - 1 - j; // 0 = southernmost
      for (int i = 0; i < nx; i++) {
        if (scale.argb(values[j * nx + i]) != 0) {
          int col = xColumn[i];
          i0 = Math.min(i0, col);
          i1 = Math.max(i1, col);
          j0 = Math.min(j0, row);
          j1 = Math.max(j1, row);
        }
      }
    }
    if (i1 < 0) {
      return Optional.empty();
    }
    double padX = Math.max(0.25 * (i1 - i0 + 1), 0.5 * Math.max(0, 10 - (i1 - i0 + 1)));
    double padY = Math.max(0.25 * (j1 - j0 + 1), 0.5 * Math.max(0, 10 - (j1 - j0 + 1)));
    double x0 = Math.max(cells.xMin(), cells.xMin() + (i0 - padX) * cellW);
    double x1 = Math.min(cells.xMax(), cells.xMin() + (i1 + 1 + padX) * cellW);
    double y0 = Math.max(cells.yMin(), cells.yMin() + (j0 - padY) * cellH);
    double y1 = Math.min(cells.yMax(), cells.yMin() + (j1 + 1 + padY) * cellH);
    return Optional.of(new MapExtent(x0, x1, y0, y1, cells.geographic()));
  }

  /**
   * Draws one layer (or {@link #SUM}) of the grid.
   *
   * @param scale the colour scale, or null when the footprint is all zero (then no cell and no colour
   *     bar is drawn, and the subtitle says the footprint is empty)
   */
  public static RenderedMap render(FootprintGrid grid, int layer, ColourScale scale, MapOptions options) {
    if (grid.nx() == 0 || grid.ny() == 0) {
      throw new IllegalArgumentException("the footprint grid has no cells (" + grid.nx() + " x " + grid.ny() + ")");
    }
    double[] values = values(grid, layer);
    MapExtent cells = gridExtent(grid);
    MapExtent shown = options.extent() != null ? options.extent() : cells;
    MapCanvas canvas = new MapCanvas(shown, options.title() != null ? options.title() : title(grid, layer));
    canvas.subtitle(subtitle(values, grid, scale));
    if (scale != null) {
      canvas.raster(raster(grid, values, scale), cells.xMin(), cells.xMax(), cells.yMin(), cells.yMax());
    }
    if (grid.spec().isLongLat()) {
      if (options.baseMap() != null) {
        canvas.baseMap(options.baseMap());
      }
      canvas.receptors(options.receptors());
    } else {
      // The grid's lon/lat bounds (GridSpec keeps them even when projected), grown by a half so that
      // lines reaching into the corners of the projected rectangle are not cut short.
      GridSpec s = grid.spec();
      MapProjection projection = MapProjection.of(s.projection());
      double padLon = 0.5 * Math.abs(s.xmax() - s.xmin()) + 0.5;
      double padLat = 0.5 * (s.ymax() - s.ymin()) + 0.5;
      if (options.baseMap() != null) {
        canvas.baseMap(options.baseMap(), projection, Math.min(s.xmin(), s.xmax()) - padLon,
            Math.max(s.xmin(), s.xmax()) + padLon, s.ymin() - padLat, s.ymax() + padLat);
      }
      List<double[]> projected = new ArrayList<>();
      for (double[] r : options.receptors()) {
        double[] xy = new double[2];
        if (projection.project(r[0], r[1], xy)) {
          projected.add(xy);
        }
      }
      canvas.receptors(projected);
    }
    if (scale != null) {
      canvas.colourBar(scale, UNITS_LABEL);
    }
    return canvas.render(options.widthPx());
  }

  /** One ARGB pixel per cell, row 0 the northernmost row; uncoloured cells transparent. */
  static BufferedImage raster(FootprintGrid grid, double[] values, ColourScale scale) {
    int nx = grid.nx();
    int ny = grid.ny();
    boolean yAscending = ny < 2 || grid.yCentres()[1] > grid.yCentres()[0];
    int[] xColumn = xColumns(grid);
    BufferedImage img = new BufferedImage(nx, ny, BufferedImage.TYPE_INT_ARGB);
    for (int j = 0; j < ny; j++) {
      int row = yAscending ? ny - 1 - j : j;
      for (int i = 0; i < nx; i++) {
        img.setRGB(xColumn[i], row, scale.argb(values[j * nx + i]));
      }
    }
    return img;
  }

  /** Image column of each stored x index (unwrapping reorders nothing, so this is the identity or a reversal). */
  private static int[] xColumns(FootprintGrid grid) {
    double[] raw = grid.xCentres();
    int nx = raw.length;
    int[] col = new int[nx];
    boolean descending = nx >= 2 && unwrap(raw)[1] < unwrap(raw)[0];
    for (int i = 0; i < nx; i++) {
      col[i] = descending ? nx - 1 - i : i;
    }
    return col;
  }

  private static double[] unwrappedX(FootprintGrid grid) {
    double[] x = grid.spec().isLongLat() ? unwrap(grid.xCentres()) : grid.xCentres();
    return ascending(x, "x");
  }

  /** Longitudes made continuous: a drop of more than 180° (crossing the antimeridian) adds 360°. */
  static double[] unwrap(double[] lon) {
    double[] out = lon.clone();
    for (int i = 1; i < out.length; i++) {
      while (out[i] < out[i - 1] - 180) {
        out[i] += 360;
      }
    }
    return out;
  }

  /** The centres in ascending order (a descending axis is reversed); anything else is an error. */
  private static double[] ascending(double[] c, String axis) {
    if (c.length < 2) {
      return c.clone();
    }
    double[] out = c.clone();
    if (out[1] < out[0]) {
      for (int i = 0; i < out.length / 2; i++) {
        double t = out[i];
        out[i] = out[out.length - 1 - i];
        out[out.length - 1 - i] = t;
      }
    }
    for (int i = 1; i < out.length; i++) {
      if (!(out[i] > out[i - 1])) {
        throw new IllegalArgumentException("footprint " + axis + " centres are not monotonic at index " + i);
      }
    }
    return out;
  }

  private static double cellSize(double[] centres, double res) {
    if (centres.length >= 2) {
      return (centres[centres.length - 1] - centres[0]) / (centres.length - 1);
    }
    return res;
  }

  private static String title(FootprintGrid grid, int layer) {
    Instant[] times = grid.times();
    if (layer != SUM) {
      return "Footprint, layer starting " + TIME.format(times[layer]);
    }
    if (times.length == 1) {
      return "Footprint, " + TIME.format(times[0]);
    }
    Instant first = times[0];
    Instant last = times[0];
    for (Instant t : times) {
      first = t.isBefore(first) ? t : first;
      last = t.isAfter(last) ? t : last;
    }
    return "Footprint, sum of " + times.length + " layers (" + TIME.format(first) + " to " + TIME.format(last) + ")";
  }

  private static String subtitle(double[] values, FootprintGrid grid, ColourScale scale) {
    double max = 0;
    double sum = 0;
    long nonZero = 0;
    for (double v : values) {
      if (v != 0 && Double.isFinite(v)) {
        nonZero++;
        sum += v;
        max = Math.max(max, v);
      }
    }
    if (nonZero == 0) {
      return "Empty footprint" + grid.emptyReason().map(r -> " (" + r.label() + ")").orElse("")
          + ": no cell is non-zero; " + grid.ny() + " x " + grid.nx() + " cells";
    }
    return String.format(Locale.ROOT, "%d non-zero of %d x %d cells; max %.3g, sum %.4g; colours %.2g to %.2g (log)",
        nonZero, grid.ny(), grid.nx(), max, sum, scale == null ? 0 : scale.min(), scale == null ? 0 : scale.max());
  }
}
