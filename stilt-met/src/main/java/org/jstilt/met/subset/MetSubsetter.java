package org.jstilt.met.subset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jstilt.met.MetCoverageException;
import org.jstilt.met.MetFormatException;
import org.jstilt.met.arl.ArlFile;
import org.jstilt.met.arl.ArlGrid;
import org.jstilt.met.arl.ArlGridDefinition;
import org.jstilt.met.arl.ArlLevel;
import org.jstilt.met.arl.ArlWriter;
import org.jstilt.met.arl.FieldSource;
import org.jstilt.met.projection.ConformalProjection;
import org.jstilt.met.projection.GridPoint;
import org.jstilt.met.projection.LatLon;
import org.jstilt.met.projection.LatLonProjection;
import org.jstilt.met.projection.MapProjection;

/**
 * Crops ARL files to the grid window that covers a box, keeping the lowest levels.
 *
 * <p>The window is the smallest rectangle of source grid points whose cells contain the whole box (clipped
 * to the grid). Conformal grids keep every map parameter and only move the anchor point's grid coordinates
 * (SYNC_XP, SYNC_YP) by the window offset, so the crop's projection is the source projection shifted by
 * whole grid units. Latitude-longitude grids get their new corner; a global grid may be cropped across its
 * longitude seam. Windows smaller than the 108 points an ARL record needs to hold its index header are grown
 * symmetrically. Fields are re-packed with the source record's exponent, so values equal the source values
 * up to the rounding of the new record's first value (E14.7) and at most the record's precision.
 */
public final class MetSubsetter {
  private MetSubsetter() {}

  /**
   * A window of source grid points, 1-based and inclusive; on a global latitude-longitude grid {@code i1}
   * may exceed nx (columns wrap).
   */
  public record Window(int i0, int i1, int j0, int j1) {
    public int nx() {
      return i1 - i0 + 1;
    }

    public int ny() {
      return j1 - j0 + 1;
    }
  }

  /** The window of {@code grid} that covers {@code box}. */
  public static Window window(ArlGrid grid, MapProjection projection, BoundingBox box, Path file) {
    int nx = grid.nx();
    int ny = grid.ny();
    int i0;
    int i1;
    int j0;
    int j1;
    if (projection instanceof LatLonProjection ll) {
      double yS = 1 + (box.southDeg() - ll.lat0Deg()) / ll.dLatDeg();
      double yN = 1 + (box.northDeg() - ll.lat0Deg()) / ll.dLatDeg();
      j0 = (int) Math.floor(yS + 1e-9);
      j1 = (int) Math.ceil(yN - 1e-9);
      double westRel = ConformalProjection.span(box.westDeg() - ll.lon0Deg(), -180, 180);
      if (ll.isGlobal()) {
        westRel = ((box.westDeg() - ll.lon0Deg()) % 360 + 360) % 360;
      }
      double xW = 1 + westRel / ll.dLonDeg();
      double xE = xW + box.widthDeg() / ll.dLonDeg();
      i0 = (int) Math.floor(xW + 1e-9);
      i1 = (int) Math.ceil(xE - 1e-9);
      if (ll.isGlobal()) {
        if (i1 - i0 + 1 >= nx) {
          i0 = 1;
          i1 = nx;
        }
      }
    } else {
      double xMin = Double.POSITIVE_INFINITY;
      double xMax = Double.NEGATIVE_INFINITY;
      double yMin = Double.POSITIVE_INFINITY;
      double yMax = Double.NEGATIVE_INFINITY;
      int samples = 400;
      double width = box.widthDeg();
      for (int k = 0; k <= samples; k++) {
        double f = k / (double) samples;
        double lon = box.westDeg() + f * width;
        double lat = box.southDeg() + f * (box.northDeg() - box.southDeg());
        for (GridPoint g : new GridPoint[] {
            projection.toGrid(box.southDeg(), lon), projection.toGrid(box.northDeg(), lon),
            projection.toGrid(lat, box.westDeg()), projection.toGrid(lat, box.eastDeg())}) {
          xMin = Math.min(xMin, g.x());
          xMax = Math.max(xMax, g.x());
          yMin = Math.min(yMin, g.y());
          yMax = Math.max(yMax, g.y());
        }
      }
      i0 = (int) Math.floor(xMin + 1e-9);
      i1 = (int) Math.ceil(xMax - 1e-9);
      j0 = (int) Math.floor(yMin + 1e-9);
      j1 = (int) Math.ceil(yMax - 1e-9);
    }
    boolean wraps = projection instanceof LatLonProjection ll2 && ll2.isGlobal();
    if (!wraps) {
      i0 = Math.max(i0, 1);
      i1 = Math.min(i1, nx);
    } else {
      // normalise the start into 1..nx; the end may run past nx and wraps
      int shift = Math.floorMod(i0 - 1, nx) + 1 - i0;
      i0 += shift;
      i1 += shift;
    }
    j0 = Math.max(j0, 1);
    j1 = Math.min(j1, ny);
    if (i1 < i0 || j1 < j0) {
      LatLon a = projection.toLatLon(1, 1);
      LatLon b = projection.toLatLon(nx, ny);
      throw new MetCoverageException(
          String.format("Box %s does not overlap the met grid (corners %.4f,%.4f and %.4f,%.4f)", box,
              a.latDeg(), a.lonDeg(), b.latDeg(), b.lonDeg()),
          file, null, null, null, "Choose a box inside the meteorology's domain");
    }
    // ARL needs nx*ny >= 108 so that an index header fits into one record's data part (HYSPLIT reads the
    // first 108 header characters from the first record): grow small windows symmetrically.
    while ((i1 - i0 + 1) * (j1 - j0 + 1) < 108) {
      boolean canX = wraps ? i1 - i0 + 1 < nx : i0 > 1 || i1 < nx;
      boolean canY = j0 > 1 || j1 < ny;
      if (!canX && !canY) {
        throw new MetCoverageException(
            "The met grid has only " + nx + " x " + ny + " points; a crop needs at least 108", file, null, null, null, null);
      }
      if (canX && ((i1 - i0) <= (j1 - j0) || !canY)) {
        if (wraps || i0 > 1) {
          i0--;
        }
        if (wraps ? i1 - i0 + 1 < nx : i1 < nx) {
          i1++;
        }
        if (wraps && i0 < 1) {
          i0 += nx;
          i1 += nx;
        }
      } else {
        j0 = Math.max(1, j0 - 1);
        j1 = Math.min(ny, j1 + 1);
      }
    }
    return new Window(i0, i1, j0, j1);
  }

  /** The map definition of a window of {@code grid}. */
  static ArlGridDefinition windowMap(ArlGrid grid, MapProjection projection, Window w) {
    ArlGridDefinition m = grid.map();
    if (projection instanceof LatLonProjection ll) {
      double lat0 = ll.lat0Deg() + (w.j0() - 1) * ll.dLatDeg();
      double lon0 = ll.lon0Deg() + (w.i0() - 1) * ll.dLonDeg();
      if (lon0 >= 360) {
        lon0 -= 360;
      }
      return ArlGridDefinition.latLon(round(lat0), round(lon0), ll.dLatDeg(), ll.dLonDeg(), w.nx(), w.ny());
    }
    double sx = m.syncXp() - (w.i0() - 1);
    double sy = m.syncYp() - (w.j0() - 1);
    if (sx > -1000 && sx < 10000 && sy > -1000 && sy < 10000) {
      // Same anchor point, shifted grid coordinates: the projection is exactly the source's.
      return new ArlGridDefinition(m.poleLat(), m.poleLon(), m.refLat(), m.refLon(), m.sizeKm(), m.orientDeg(), m.tangLat(),
          sx, sy, m.syncLat(), m.syncLon(), m.dummy());
    }
    // The shifted anchor would not fit the header's F7 fields: anchor the crop's (1,1) instead, at the
    // precision of the header (4 decimals of latitude, 3 of longitude beyond 100 degrees).
    LatLon c = projection.toLatLon(w.i0(), w.j0());
    return new ArlGridDefinition(m.poleLat(), m.poleLon(), m.refLat(), m.refLon(), m.sizeKm(), m.orientDeg(), m.tangLat(),
        1.0, 1.0, c.latDeg(), c.lonDeg(), m.dummy());
  }

  private static double round(double v) {
    return Math.round(v * 1e6) / 1e6;
  }

  /**
   * Crops one file into {@code outDir} under the same file name.
   *
   * @param levels number of levels to keep counting the surface (levels 0..levels-1); null or larger than the
   *     file's keeps all
   * @return the written file
   */
  public static Path subset(Path source, Path outDir, BoundingBox box, Integer levels) {
    if (levels != null && levels < 1) {
      throw new IllegalArgumentException("--levels must be >= 1 (it counts the surface level), got " + levels);
    }
    Path target = outDir.resolve(source.getFileName());
    try (ArlFile in = ArlFile.open(source)) {
      try {
        if (Files.exists(target) && Files.isSameFile(target, source)) {
          throw new MetFormatException("Refusing to overwrite the source file with its subset", source, null, null, null,
              "Choose an output directory other than the source's");
        }
      } catch (IOException e) {
        throw new MetFormatException("Cannot check output path: " + e.getMessage(), target, null, e);
      }
      ArlGrid g = in.grid();
      Window w = window(g, in.projection(), box, source);
      List<ArlLevel> kept = levels == null ? g.levels() : g.lowestLevels(levels);
      ArlGrid out = g.with(w.nx(), w.ny(), windowMap(g, in.projection(), w), kept);
      double[] full = new double[g.nx() * g.ny()];
      try (ArlWriter writer = ArlWriter.create(target, out)) {
        for (int p = 0; p < in.periods().size(); p++) {
          int period = p;
          writer.writePeriod(in.times().get(p), in.periods().get(p).forecastHour(), new FieldSource() {
            @Override
            public double[] field(int level, String variable) {
              in.read(period, level, variable, full);
              return crop(full, g.nx(), w);
            }

            @Override
            public int packingExponentHint(int level, String variable) {
              return in.label(period, level, variable).nexp();
            }
          });
        }
        writer.commit();
      }
    }
    return target;
  }

  /** Crops every file into {@code outDir}; returns the written files in the same order. */
  public static List<Path> subset(List<Path> sources, Path outDir, BoundingBox box, Integer levels) {
    List<Path> out = new ArrayList<>(sources.size());
    for (Path s : sources) {
      out.add(subset(s, outDir, box, levels));
    }
    return out;
  }

  /** The window's values from a full field; columns past nx wrap (global grids). */
  static double[] crop(double[] full, int nx, Window w) {
    double[] out = new double[w.nx() * w.ny()];
    for (int j = 0; j < w.ny(); j++) {
      int srcRow = (w.j0() - 1 + j) * nx;
      for (int i = 0; i < w.nx(); i++) {
        int col = Math.floorMod(w.i0() - 1 + i, nx);
        out[j * w.nx() + i] = full[srcRow + col];
      }
    }
    return out;
  }
}
