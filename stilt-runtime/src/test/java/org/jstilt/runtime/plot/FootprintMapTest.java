package org.jstilt.runtime.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import javax.imageio.ImageIO;
import org.jstilt.core.footprint.FootprintGrid;
import org.jstilt.core.footprint.GridSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pixels and geometry of footprint maps, read back from the rendered image. */
class FootprintMapTest {
  static final Instant T0 = Instant.parse("2019-05-30T00:00:00Z");

  @TempDir Path dir;

  /** 20 x 10 cells of 0.1 degree over -112 .. -110, 40 .. 41; centres -111.95 + 0.1 i, 40.05 + 0.1 j. */
  static FootprintGrid grid(double[]... layers) {
    double[] x = new double[20];
    double[] y = new double[10];
    for (int i = 0; i < x.length; i++) {
      x[i] = -111.95 + 0.1 * i;
    }
    for (int j = 0; j < y.length; j++) {
      y[j] = 40.05 + 0.1 * j;
    }
    Instant[] times = new Instant[layers.length];
    for (int t = 0; t < times.length; t++) {
      times[t] = T0.plusSeconds(3600L * t);
    }
    return new FootprintGrid(GridSpec.longLat(-112, -110, 40, 41, 0.1), x, y, times, layers, null);
  }

  static double[] layerWith(int j, int i, double v, double[]... more) {
    double[] l = new double[200];
    l[j * 20 + i] = v;
    return l;
  }

  static int rgb(RenderedMap m, double x, double y) {
    Point2D.Double p = m.pixelOf(x, y);
    return m.image().getRGB((int) Math.floor(p.x), (int) Math.floor(p.y)) & 0xffffff;
  }

  static boolean isGrey(int rgb) {
    int r = (rgb >> 16) & 0xff;
    int g = (rgb >> 8) & 0xff;
    int b = rgb & 0xff;
    return r == g && g == b && r >= 0xc0;
  }

  static MapOptions plain() {
    return MapOptions.defaults().withBaseMap(null).withWidthPx(800);
  }

  @Test
  void oneNonZeroCellColoursExactlyItsRectangle() {
    FootprintGrid g = grid(layerWith(3, 5, 0.02));
    ColourScale scale = FootprintMap.autoScale(FootprintMap.values(g, FootprintMap.SUM), null, null, 4).orElseThrow();
    RenderedMap m = FootprintMap.render(g, FootprintMap.SUM, scale, plain());
    int top = ColourScale.colourAt(1) & 0xffffff;
    double lon = -111.45;
    double lat = 40.35;
    assertThat(rgb(m, lon, lat)).isEqualTo(top);
    for (double d : new double[] {-0.04, 0.04}) {
      assertThat(rgb(m, lon + d, lat)).isEqualTo(top);
      assertThat(rgb(m, lon, lat + d)).isEqualTo(top);
    }
    for (double d : new double[] {-0.06, 0.06}) {
      assertThat(isGrey(rgb(m, lon + d, lat))).as("outside the cell, dx %s", d).isTrue();
      assertThat(isGrey(rgb(m, lon, lat + d))).as("outside the cell, dy %s", d).isTrue();
    }
    // The cell is 0.1 degree = width/20 of the data rectangle; count its pixels along the row.
    Point2D.Double c = m.pixelOf(lon, lat);
    int run = 0;
    for (int px = (int) m.dataArea().getMinX(); px < m.dataArea().getMaxX(); px++) {
      if ((m.image().getRGB(px, (int) c.y) & 0xffffff) == top) {
        run++;
      }
    }
    assertThat((double) run).isCloseTo(m.dataArea().getWidth() / 20, within(1.5));
  }

  @Test
  void logScaleColoursADecadeBelowTheMaximumHalfWayOverTwoDecades() {
    double[] l = new double[200];
    l[2 * 20 + 2] = 1e-2;
    l[7 * 20 + 15] = 1e-3;
    l[5 * 20 + 10] = 1e-5; // below the two-decade scale: not drawn
    FootprintGrid g = grid(l);
    ColourScale scale = FootprintMap.autoScale(l, null, null, 2).orElseThrow();
    assertThat(scale.min()).isCloseTo(1e-4, within(1e-18));
    RenderedMap m = FootprintMap.render(g, FootprintMap.SUM, scale, plain());
    assertThat(rgb(m, -111.75, 40.25)).isEqualTo(ColourScale.colourAt(1) & 0xffffff);
    assertThat(rgb(m, -110.45, 40.75)).isEqualTo(ColourScale.colourAt(0.5) & 0xffffff);
    assertThat(isGrey(rgb(m, -110.95, 40.55))).isTrue();
  }

  @Test
  void sumShowsEveryLayerAndALayerOnlyItself() {
    FootprintGrid g = grid(layerWith(1, 1, 0.5), layerWith(8, 18, 0.5));
    ColourScale scale = ColourScale.log(1e-3, 1);
    int c = ColourScale.colourAt(scale.position(0.5)) & 0xffffff;
    RenderedMap sum = FootprintMap.render(g, FootprintMap.SUM, scale, plain());
    assertThat(rgb(sum, -111.85, 40.15)).isEqualTo(c);
    assertThat(rgb(sum, -110.15, 40.85)).isEqualTo(c);
    RenderedMap second = FootprintMap.render(g, 1, scale, plain());
    assertThat(isGrey(rgb(second, -111.85, 40.15))).isTrue();
    assertThat(rgb(second, -110.15, 40.85)).isEqualTo(c);
  }

  @Test
  void dataRectangleKeepsTheCosLatitudeAspect() {
    FootprintGrid g = grid(layerWith(0, 0, 1));
    RenderedMap m = FootprintMap.render(g, FootprintMap.SUM, ColourScale.log(0.1, 1), plain());
    Rectangle2D a = m.dataArea();
    // 2 degrees of longitude by 1 of latitude at 40.5 N.
    double expected = 1.0 / (2.0 * Math.cos(Math.toRadians(40.5)));
    assertThat(a.getHeight() / a.getWidth()).isCloseTo(expected, within(2.0 / a.getWidth()));
    assertThat(m.pixelOf(-112, 40).x).isCloseTo(a.getMinX(), within(1e-9));
    assertThat(m.pixelOf(-112, 40).y).isCloseTo(a.getMaxY(), within(1e-9));
    assertThat(m.pixelOf(-110, 41).x).isCloseTo(a.getMaxX(), within(1e-9));
    assertThat(m.pixelOf(-110, 41).y).isCloseTo(a.getMinY(), within(1e-9));
    assertThat(m.image().getWidth()).isEqualTo(800);
  }

  @Test
  void coastlineVertexLandsOnItsPixel() throws IOException {
    // A coastline from (-111.9, 40.1) to (-110.1, 40.9): its mid-point (-111.0, 40.5) must be drawn dark.
    String json = """
        {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"kind":"coastline"},
         "geometry":{"type":"LineString","coordinates":[[-111.9,40.1],[-110.1,40.9]]}}]}""";
    BaseMap coast = BaseMap.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    RenderedMap m = FootprintMap.render(grid(new double[200]), FootprintMap.SUM, null, plain().withBaseMap(coast));
    assertThat(darkest(m, m.pixelOf(-111.0, 40.5), 1)).isLessThan(0x80);
    assertThat(darkest(m, m.pixelOf(-111.9, 40.1), 1)).isLessThan(0x80);
    // 0.2 degree north of the line there is nothing dark (gridlines are light grey).
    assertThat(darkest(m, m.pixelOf(-111.0, 40.7), 2)).isGreaterThan(0xb0);
  }

  @Test
  void naturalEarthLakeVertexIsDrawnWhereItBelongs() {
    BaseMap ne = BaseMap.naturalEarth50m();
    BaseMap.Line lake = ne.within(-113.2, -111.8, 40.5, 41.8).stream()
        .filter(l -> l.kind() == BaseMap.Kind.LAKE).findFirst().orElseThrow();
    double lon = lake.lonDeg()[0];
    double lat = lake.latDeg()[0];
    double[] x = {lon - 0.45, lon + 0.45};
    double[] y = {lat - 0.45, lat + 0.45};
    FootprintGrid g = new FootprintGrid(GridSpec.longLat(lon - 0.9, lon + 0.9, lat - 0.9, lat + 0.9, 0.9), x, y,
        new Instant[] {T0}, new double[][] {new double[4]}, null);
    RenderedMap m = FootprintMap.render(g, FootprintMap.SUM, null, plain().withBaseMap(ne));
    assertThat(darkest(m, m.pixelOf(lon, lat), 1)).isLessThan(0x80);
  }

  @Test
  void receptorStarIsDrawnAroundTheReceptor() {
    RenderedMap m = FootprintMap.render(grid(new double[200]), FootprintMap.SUM, null,
        plain().withReceptors(List.of(new double[] {-111.0, 40.5})));
    Point2D.Double c = m.pixelOf(-111.0, 40.5);
    int star = MapCanvas.RECEPTOR.getRGB() & 0xffffff;
    int near = 0;
    int far = 0;
    for (int py = (int) c.y - 20; py <= c.y + 20; py++) {
      for (int px = (int) c.x - 20; px <= c.x + 20; px++) {
        if ((m.image().getRGB(px, py) & 0xffffff) == star) {
          if (Math.hypot(px + 0.5 - c.x, py + 0.5 - c.y) <= 11.5) {
            near++;
          } else {
            far++;
          }
        }
      }
    }
    assertThat(near).isGreaterThan(20);
    assertThat(far).isZero();
  }

  @Test
  void emptyFootprintDrawsTheDomainWithoutCells() {
    RenderedMap m = FootprintMap.render(grid(new double[200]), FootprintMap.SUM, null, plain());
    assertThat(FootprintMap.autoScale(new double[200], null, null, 4)).isEmpty();
    assertThat(isGrey(rgb(m, -111.45, 40.35))).isTrue();
  }

  @Test
  void gridAcrossTheAntimeridianIsUnwrapped() {
    double[] x = {179.5, -179.5};
    double[] y = {0.5};
    double[] layer = {0, 1};
    FootprintGrid g = new FootprintGrid(GridSpec.longLat(179, -179, 0, 1, 1), x, y, new Instant[] {T0},
        new double[][] {layer}, null);
    MapExtent e = FootprintMap.gridExtent(g);
    assertThat(e.xMin()).isEqualTo(179);
    assertThat(e.xMax()).isEqualTo(181);
    RenderedMap m = FootprintMap.render(g, FootprintMap.SUM, ColourScale.log(0.1, 1), plain());
    assertThat(rgb(m, 180.5, 0.5)).isEqualTo(ColourScale.colourAt(1) & 0xffffff);
    assertThat(isGrey(rgb(m, 179.5, 0.5))).isTrue();
  }

  @Test
  void projectedGridGetsItsBaseMapAndReceptorProjected() throws IOException {
    String utm = "+proj=utm +zone=12 +datum=WGS84";
    double[] x = new double[10];
    double[] y = new double[5];
    for (int i = 0; i < 10; i++) {
      x[i] = 420_500 + 1000 * i;
    }
    for (int j = 0; j < 5; j++) {
      y[j] = 4_502_500 + 1000 * j;
    }
    FootprintGrid g = new FootprintGrid(new GridSpec(-111.95, -111.82, 40.67, 40.71, 1000, 1000, utm), x, y,
        new Instant[] {T0}, new double[][] {new double[50]}, null);
    // A coastline between two lon/lat points inside the grid; where they land is computed here with
    // proj4j directly: UTM 12N, WGS84.
    double[][] lonLat = {{-111.9, 40.69}, {-111.84, 40.70}};
    String json = """
        {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"kind":"coastline"},
         "geometry":{"type":"LineString","coordinates":[[-111.9,40.69],[-111.84,40.70]]}}]}""";
    BaseMap coast = BaseMap.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    org.locationtech.proj4j.proj.Projection p =
        new org.locationtech.proj4j.CRSFactory().createFromParameters("t", utm).getProjection();
    org.locationtech.proj4j.ProjCoordinate a = p.project(
        new org.locationtech.proj4j.ProjCoordinate(lonLat[0][0], lonLat[0][1]), new org.locationtech.proj4j.ProjCoordinate());
    org.locationtech.proj4j.ProjCoordinate b = p.project(
        new org.locationtech.proj4j.ProjCoordinate(lonLat[1][0], lonLat[1][1]), new org.locationtech.proj4j.ProjCoordinate());
    assertThat(a.x).as("UTM easting of -111.9").isBetween(420_000.0, 430_000.0);
    RenderedMap m = FootprintMap.render(g, FootprintMap.SUM, null, MapOptions.defaults().withWidthPx(600)
        .withBaseMap(coast).withReceptors(List.of(lonLat[1])));
    assertThat(darkest(m, m.pixelOf(0.5 * (a.x + b.x), 0.5 * (a.y + b.y)), 1)).isLessThan(0x80);
    assertThat(darkest(m, m.pixelOf(a.x, a.y + 1500), 1)).isGreaterThan(0xb0);
    // The receptor star surrounds the projected end point.
    Point2D.Double c = m.pixelOf(b.x, b.y);
    int star = MapCanvas.RECEPTOR.getRGB() & 0xffffff;
    int hits = 0;
    for (int py = (int) c.y - 11; py <= c.y + 11; py++) {
      for (int px = (int) c.x - 11; px <= c.x + 11; px++) {
        hits += (m.image().getRGB(px, py) & 0xffffff) == star ? 1 : 0;
      }
    }
    assertThat(hits).isGreaterThan(20);
  }

  @Test
  void projectedGridIsDrawnInItsOwnMetres() {
    // UTM zone 12: 10 x 5 cells of 1 km; the one non-zero cell is centred at (425.5 km, 4505.5 km).
    double[] x = new double[10];
    double[] y = new double[5];
    for (int i = 0; i < 10; i++) {
      x[i] = 420_500 + 1000 * i;
    }
    for (int j = 0; j < 5; j++) {
      y[j] = 4_502_500 + 1000 * j;
    }
    double[] layer = new double[50];
    layer[3 * 10 + 5] = 1;
    FootprintGrid g = new FootprintGrid(new GridSpec(-112, -111.9, 40.6, 40.7, 1000, 1000,
        "+proj=utm +zone=12 +datum=WGS84"), x, y, new Instant[] {T0}, new double[][] {layer}, null);
    MapExtent e = FootprintMap.gridExtent(g);
    assertThat(e.geographic()).isFalse();
    assertThat(e.xMin()).isEqualTo(420_000);
    assertThat(e.yMax()).isEqualTo(4_507_000);
    RenderedMap m = FootprintMap.render(g, FootprintMap.SUM, ColourScale.log(0.1, 1),
        MapOptions.defaults().withWidthPx(600).withReceptors(List.of(new double[] {-111.95, 40.65})));
    assertThat(m.dataArea().getHeight() / m.dataArea().getWidth()).isCloseTo(0.5, within(2.0 / m.dataArea().getWidth()));
    assertThat(rgb(m, 425_500, 4_505_500)).isEqualTo(ColourScale.colourAt(1) & 0xffffff);
    assertThat(isGrey(rgb(m, 421_500, 4_503_500))).isTrue();
  }

  @Test
  void colouredExtentHugsTheCellsWithAMargin() {
    FootprintGrid g = grid(layerWith(5, 10, 1));
    double[] v = FootprintMap.values(g, FootprintMap.SUM);
    MapExtent e = FootprintMap.colouredExtent(g, v, ColourScale.log(0.1, 1)).orElseThrow();
    // One cell (-111.0 .. -110.9, 40.5 .. 40.6) grown to 10 cells each way.
    assertThat(e.xMin()).isCloseTo(-111.45, within(1e-9));
    assertThat(e.xMax()).isCloseTo(-110.45, within(1e-9));
    assertThat(e.yMin()).isCloseTo(40.05, within(1e-9));
    assertThat(e.yMax()).isCloseTo(41.0, within(1e-9));
  }

  @Test
  void pngReadsBackPixelForPixel() throws IOException {
    RenderedMap m = FootprintMap.render(grid(layerWith(3, 5, 0.02)), FootprintMap.SUM, ColourScale.log(1e-4, 0.02),
        MapOptions.defaults().withWidthPx(600));
    Path png = dir.resolve("sub/foot.png");
    m.writePng(png);
    BufferedImage back = ImageIO.read(png.toFile());
    assertThat(back.getWidth()).isEqualTo(600);
    assertThat(back.getHeight()).isEqualTo(m.image().getHeight());
    for (int py = 0; py < back.getHeight(); py += 7) {
      for (int px = 0; px < back.getWidth(); px += 7) {
        assertThat(back.getRGB(px, py)).isEqualTo(m.image().getRGB(px, py));
      }
    }
    try (var s = Files.list(png.getParent())) {
      assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("foot.png");
    }
  }

  /** The smallest channel value of the darkest pixel within {@code r} pixels of a point. */
  static int darkest(RenderedMap m, Point2D.Double p, int r) {
    int best = 0xff;
    for (int dy = -r; dy <= r; dy++) {
      for (int dx = -r; dx <= r; dx++) {
        int c = m.image().getRGB((int) Math.floor(p.x) + dx, (int) Math.floor(p.y) + dy);
        int max = Math.max((c >> 16) & 0xff, Math.max((c >> 8) & 0xff, c & 0xff));
        best = Math.min(best, max);
      }
    }
    return best;
  }
}
