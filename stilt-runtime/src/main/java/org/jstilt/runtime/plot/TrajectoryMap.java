package org.jstilt.runtime.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Line2D;
import java.util.List;
import java.util.Locale;
import org.jstilt.core.particle.ParticleColumns;
import org.jstilt.core.particle.ParticleEnsemble;
import org.jstilt.core.particle.RowOrder;

/**
 * Particle paths as a map: each particle's positions joined in time order from the release, every
 * segment coloured by hours before the release ({@link ColourBy#TIME}) or by height above ground
 * ({@link ColourBy#HEIGHT}) on a linear scale with a colour bar.
 *
 * <p>Needs the columns {@code indx}, {@code time} (minutes, negative backward), {@code long} and
 * {@code lati}; {@code zagl} for height. Many particles are thinned to {@code maxParticles}, taken evenly
 * across the particle numbers so the picture stays representative and deterministic.
 */
public final class TrajectoryMap {
  /** What the segment colours show. */
  public enum ColourBy {
    TIME("Hours before release"),
    HEIGHT("Height above ground (m)");

    final String label;

    ColourBy(String label) {
      this.label = label;
    }
  }

  public static final int DEFAULT_MAX_PARTICLES = 1000;

  private TrajectoryMap() {}

  /** The columns a trajectory map reads for the given colouring. */
  public static List<String> requiredColumns(ColourBy colourBy) {
    return colourBy == ColourBy.HEIGHT
        ? List.of(ParticleColumns.INDX, ParticleColumns.TIME, ParticleColumns.LONG, ParticleColumns.LATI, ParticleColumns.ZAGL)
        : List.of(ParticleColumns.INDX, ParticleColumns.TIME, ParticleColumns.LONG, ParticleColumns.LATI);
  }

  /** The paths' box (with the receptors) grown by 5 % on every side; longitudes unwrapped around the first. */
  public static MapExtent dataExtent(ParticleEnsemble particles, List<double[]> receptors) {
    double[] lon = particles.column(ParticleColumns.LONG);
    double[] lat = particles.column(ParticleColumns.LATI);
    double ref = lon.length > 0 ? lon[0] : receptors.isEmpty() ? 0 : receptors.get(0)[0];
    double x0 = Double.POSITIVE_INFINITY;
    double x1 = Double.NEGATIVE_INFINITY;
    double y0 = Double.POSITIVE_INFINITY;
    double y1 = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < lon.length; k++) {
      if (!Double.isFinite(lon[k]) || !Double.isFinite(lat[k])) {
        continue;
      }
      double x = near(lon[k], ref);
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      y0 = Math.min(y0, lat[k]);
      y1 = Math.max(y1, lat[k]);
    }
    for (double[] r : receptors) {
      double x = near(r[0], ref);
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      y0 = Math.min(y0, r[1]);
      y1 = Math.max(y1, r[1]);
    }
    if (!Double.isFinite(x0)) {
      throw new IllegalArgumentException("no particle has a finite position to plot");
    }
    // A single point, or a line, still needs a box: at least 0.1 degree each way.
    double cx = 0.5 * (x0 + x1);
    double cy = 0.5 * (y0 + y1);
    double half = 0.5 * Math.max(0.1, Math.max(x1 - x0, y1 - y0) * 0.05);
    x0 = Math.min(x0, cx - half);
    x1 = Math.max(x1, cx + half);
    y0 = Math.max(-90, Math.min(y0, cy - half));
    y1 = Math.min(90, Math.max(y1, cy + half));
    return MapExtent.lonLat(x0, x1, y0, y1).padded(0.05);
  }

  /** The longitude equivalent to {@code lon} within 180° of {@code ref}. */
  private static double near(double lon, double ref) {
    double x = lon;
    while (x - ref > 180) {
      x -= 360;
    }
    while (x - ref < -180) {
      x += 360;
    }
    return x;
  }

  /**
   * Draws the paths.
   *
   * @throws IllegalArgumentException when a required column is missing or there are no rows
   */
  public static RenderedMap render(ParticleEnsemble particles, ColourBy colourBy, int maxParticles, MapOptions options) {
    particles.requireColumns(requiredColumns(colourBy), "a trajectory map");
    if (particles.isEmpty()) {
      throw new IllegalArgumentException("the particle table has no rows");
    }
    if (maxParticles < 1) {
      throw new IllegalArgumentException("maxParticles must be at least 1, was " + maxParticles);
    }
    double[] indx = particles.column(ParticleColumns.INDX);
    double[] time = particles.column(ParticleColumns.TIME);
    double[] lon = particles.column(ParticleColumns.LONG);
    double[] lat = particles.column(ParticleColumns.LATI);
    double[] value = colourBy == ColourBy.HEIGHT ? particles.column(ParticleColumns.ZAGL) : hoursBefore(time);

    // Order rows by particle, then outward in time from the release: stable sorts, last key first.
    int n = indx.length;
    double[] awayFromRelease = new double[n];
    double[] negIndx = new double[n];
    for (int k = 0; k < n; k++) {
      awayFromRelease[k] = -Math.abs(time[k]);
      negIndx[k] = -indx[k];
    }
    int[] order = RowOrder.descending(awayFromRelease);
    RowOrder.sortDescending(negIndx, order, 0, n);

    // Particle runs in that order, thinned evenly to maxParticles.
    int[] runStart = new int[n + 1];
    int runs = 0;
    for (int k = 0; k < n; k++) {
      if (k == 0 || indx[order[k]] != indx[order[k - 1]]) {
        runStart[runs++] = k;
      }
    }
    runStart[runs] = n;
    int drawn = Math.min(runs, maxParticles);

    double vMin = Double.POSITIVE_INFINITY;
    double vMax = Double.NEGATIVE_INFINITY;
    for (double v : value) {
      if (Double.isFinite(v)) {
        vMin = Math.min(vMin, v);
        vMax = Math.max(vMax, v);
      }
    }
    if (!(vMax > vMin)) {
      vMax = vMin + 1;
    }
    ColourScale scale = ColourScale.linear(vMin, vMax);

    MapExtent extent = options.extent() != null ? options.extent() : dataExtent(particles, options.receptors());
    String title = options.title() != null ? options.title()
        : String.format(Locale.ROOT, "Particle trajectories (%d of %d particles)", drawn, runs);
    MapCanvas canvas = new MapCanvas(extent, title);
    canvas.subtitle(String.format(Locale.ROOT, "%d rows; %.1f h back; coloured by %s",
        n, maxHoursBack(time), colourBy == ColourBy.HEIGHT ? "height above ground" : "time before release"));
    if (options.baseMap() != null) {
      canvas.baseMap(options.baseMap());
    }
    // Many overlapping paths read better half transparent; a few are drawn nearly opaque.
    int alpha = drawn <= 100 ? 230 : 130;
    double ref = 0.5 * (extent.xMin() + extent.xMax());
    int[] runsToDraw = new int[drawn];
    for (int p = 0; p < drawn; p++) {
      runsToDraw[p] = (int) ((long) p * runs / drawn);
    }
    int[] starts = runStart;
    canvas.paint((g2, t) -> {
      // Butt caps: round caps overlap at every joint and, half transparent, would draw a dotted line.
      g2.setStroke(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND));
      Line2D.Double seg = new Line2D.Double();
      for (int r : runsToDraw) {
        for (int k = starts[r] + 1; k < starts[r + 1]; k++) {
          int a = order[k - 1];
          int b = order[k];
          if (!(Double.isFinite(lon[a]) && Double.isFinite(lat[a]) && Double.isFinite(lon[b]) && Double.isFinite(lat[b]))) {
            continue;
          }
          double v = 0.5 * (value[a] + value[b]);
          int rgb = ColourScale.colourAt(scale.position(Math.max(vMinOf(scale), v)));
          g2.setPaint(new Color((rgb & 0xffffff) | (alpha << 24), true));
          double xa = near(lon[a], ref);
          seg.setLine(t.x(xa), t.y(lat[a]), t.x(xa + (near(lon[b], xa) - xa)), t.y(lat[b]));
          g2.draw(seg);
        }
      }
    });
    canvas.receptors(options.receptors());
    canvas.colourBar(scale, colourBy.label);
    return canvas.render(options.widthPx());
  }

  private static double vMinOf(ColourScale s) {
    return s.min();
  }

  private static double[] hoursBefore(double[] timeMin) {
    double[] h = new double[timeMin.length];
    for (int k = 0; k < h.length; k++) {
      h[k] = Math.abs(timeMin[k]) / 60.0;
    }
    return h;
  }

  private static double maxHoursBack(double[] timeMin) {
    double m = 0;
    for (double t : timeMin) {
      m = Math.max(m, Math.abs(t));
    }
    return m / 60.0;
  }
}
