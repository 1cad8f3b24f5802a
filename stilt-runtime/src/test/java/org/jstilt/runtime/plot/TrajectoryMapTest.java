package org.jstilt.runtime.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.geom.Point2D;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jstilt.core.particle.ParticleEnsemble;
import org.junit.jupiter.api.Test;

class TrajectoryMapTest {
  /**
   * Two particles leaving a receptor at (-111.0, 40.0) backward over 60 minutes: particle 1 due west to
   * -111.6, particle 2 due north to 40.5. Rows in time-major order, as hycs_std writes them.
   */
  static ParticleEnsemble twoParticles(boolean shuffled) {
    int steps = 61;
    double[] time = new double[2 * steps];
    double[] indx = new double[2 * steps];
    double[] lon = new double[2 * steps];
    double[] lat = new double[2 * steps];
    double[] zagl = new double[2 * steps];
    for (int s = 0; s < steps; s++) {
      for (int p = 0; p < 2; p++) {
        int k = shuffled ? (p * steps + (steps - 1 - s)) : (s * 2 + p);
        time[k] = -s;
        indx[k] = p + 1;
        lon[k] = p == 0 ? -111.0 - 0.01 * s : -111.0;
        lat[k] = p == 0 ? 40.0 : 40.0 + 0.5 * s / 60.0;
        zagl[k] = 10 * s;
      }
    }
    Map<String, double[]> cols = new LinkedHashMap<>();
    cols.put("time", time);
    cols.put("indx", indx);
    cols.put("long", lon);
    cols.put("lati", lat);
    cols.put("zagl", zagl);
    return ParticleEnsemble.of(cols);
  }

  static MapOptions options() {
    return MapOptions.defaults().withBaseMap(null).withWidthPx(700)
        .withExtent(MapExtent.lonLat(-111.8, -110.8, 39.8, 40.7));
  }

  @Test
  void pathsAreDrawnAlongThePositionsAndColouredByTime() {
    RenderedMap m = TrajectoryMap.render(twoParticles(false), TrajectoryMap.ColourBy.TIME, 100, options());
    // Half-way along particle 1 (30 min back): the mid-palette colour, blended a little with white.
    // (A 1 px line straddles two pixel rows, so the best pixel of a 3 x 3 block is compared.)
    assertThat(nearest(m, px(m, -111.3, 40.0), onWhite(ColourScale.colourAt(0.5)))).isLessThan(30);
    // Near the end of particle 2 (59 min back): the dark end of the ramp.
    assertThat(nearest(m, px(m, -111.0, 40.49), onWhite(ColourScale.colourAt(59.0 / 60)))).isLessThan(30);
    // Away from both paths: background.
    Point empty = px(m, -111.4, 40.4);
    assertThat(m.image().getRGB(empty.x, empty.y) & 0xffffff).isIn(0xffffff, 0xd0d0d0);
  }

  @Test
  void rowOrderDoesNotChangeThePicture() {
    RenderedMap a = TrajectoryMap.render(twoParticles(false), TrajectoryMap.ColourBy.HEIGHT, 100, options());
    RenderedMap b = TrajectoryMap.render(twoParticles(true), TrajectoryMap.ColourBy.HEIGHT, 100, options());
    for (int y = 0; y < a.image().getHeight(); y += 3) {
      for (int x = 0; x < a.image().getWidth(); x += 3) {
        assertThat(b.image().getRGB(x, y)).isEqualTo(a.image().getRGB(x, y));
      }
    }
  }

  @Test
  void thinningKeepsEvenlySpacedParticles() {
    RenderedMap m = TrajectoryMap.render(twoParticles(false), TrajectoryMap.ColourBy.TIME, 1, options());
    // Only particle 1 (the westward one) is drawn.
    Point west = px(m, -111.3, 40.0);
    Point north = px(m, -111.0, 40.3);
    assertThat(m.image().getRGB(west.x, west.y) & 0xffffff).isNotIn(0xffffff, 0xd0d0d0);
    assertThat(m.image().getRGB(north.x, north.y) & 0xffffff).isIn(0xffffff, 0xd0d0d0);
  }

  @Test
  void defaultExtentCoversThePathsAndTheReceptor() {
    MapExtent e = TrajectoryMap.dataExtent(twoParticles(false), List.of(new double[] {-110.9, 40.0}));
    assertThat(e.xMin()).isLessThan(-111.6);
    assertThat(e.xMax()).isGreaterThan(-110.9);
    assertThat(e.yMin()).isLessThan(40.0);
    assertThat(e.yMax()).isGreaterThan(40.5);
  }

  @Test
  void missingColumnsAreNamed() {
    ParticleEnsemble p = twoParticles(false).select(List.of("time", "indx", "long", "lati"));
    assertThatThrownBy(() -> TrajectoryMap.render(p, TrajectoryMap.ColourBy.HEIGHT, 10, options()))
        .hasMessageContaining("zagl");
  }

  record Point(int x, int y) {}

  static Point px(RenderedMap m, double lon, double lat) {
    Point2D.Double p = m.pixelOf(lon, lat);
    return new Point((int) Math.floor(p.x), (int) Math.floor(p.y));
  }

  /** Colour distance from {@code rgb} of the closest pixel in the 3 x 3 block around {@code p}. */
  static double nearest(RenderedMap m, Point p, int rgb) {
    double best = Double.POSITIVE_INFINITY;
    for (int dy = -1; dy <= 1; dy++) {
      for (int dx = -1; dx <= 1; dx++) {
        best = Math.min(best, distance(m.image().getRGB(p.x + dx, p.y + dy), rgb));
      }
    }
    return best;
  }

  /** A path colour as drawn for a few particles: 230/255 opaque over the white background. */
  static int onWhite(int rgb) {
    double a = 230 / 255.0;
    int r = (int) Math.round(a * ((rgb >> 16) & 0xff) + (1 - a) * 255);
    int g = (int) Math.round(a * ((rgb >> 8) & 0xff) + (1 - a) * 255);
    int b = (int) Math.round(a * (rgb & 0xff) + (1 - a) * 255);
    return (r << 16) | (g << 8) | b;
  }

  static double distance(int a, int b) {
    int dr = ((a >> 16) & 0xff) - ((b >> 16) & 0xff);
    int dg = ((a >> 8) & 0xff) - ((b >> 8) & 0xff);
    int db = (a & 0xff) - (b & 0xff);
    return Math.sqrt(dr * dr + dg * dg + db * db);
  }
}
