package org.jstilt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.jstilt.core.footprint.FootprintGrid;
import org.jstilt.core.testing.SharedData;
import org.jstilt.io.netcdf.FootprintNetcdfReader;
import org.jstilt.runtime.plot.ColourScale;
import org.jstilt.runtime.plot.FootprintMap;
import org.jstilt.runtime.plot.MapOptions;
import org.jstilt.runtime.plot.RenderedMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stilt plot}: PNGs from a footprint and from particles; bad arguments fail with a message and no file. */
class PlotCommandTest {
  @TempDir Path dir;
  Path foot;

  /** The README's main job: the shipped synthetic plume gridded into three hourly layers. */
  @BeforeEach
  void footprint() {
    foot = dir.resolve("foot.nc");
    CliRun r = CliRun.of("footprint", "--particles", FootprintCommandTest.PLUME.toString(), "--receptor-time",
        "2019-05-30T03:00:00Z", "--xmin", "-112.5", "--xmax", "-111.6", "--ymin", "40.5", "--ymax", "41.4",
        "--xres", "0.01", "--output", foot.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
  }

  private static BufferedImage png(Path p) throws IOException {
    assertThat(p).isRegularFile();
    BufferedImage img = ImageIO.read(p.toFile());
    assertThat(img).as("%s is a PNG", p).isNotNull();
    return img;
  }

  @Test
  void footprintSummedOverTime() throws IOException {
    Path out = dir.resolve("maps/foot.png");
    CliRun r = CliRun.of("plot", foot.toString(), "--out", out.toString(), "--receptor", "-111.85,40.77");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("Wrote " + out, "3 layer(s) of 90 x 90 cells");
    BufferedImage img = png(out);
    assertThat(img.getWidth()).isEqualTo(1000);
    // The plume fills ~800 cells: many pixels carry palette colours (not grey or white).
    int coloured = 0;
    for (int y = 0; y < img.getHeight(); y += 2) {
      for (int x = 0; x < img.getWidth(); x += 2) {
        int c = img.getRGB(x, y);
        int rr = (c >> 16) & 0xff;
        int b = c & 0xff;
        if (rr > b + 60) {
          coloured++;
        }
      }
    }
    assertThat(coloured).isGreaterThan(5000);
  }

  @Test
  void perTimeWritesOnePngPerLayer() throws IOException {
    Path out = dir.resolve("foot.png");
    CliRun r = CliRun.of("plot", foot.toString(), "--out", out.toString(), "--per-time", "--width", "500");
    assertThat(r.exitCode()).as(r.err()).isZero();
    for (String hhmm : List.of("0000", "0100", "0200")) {
      assertThat(png(dir.resolve("foot_20190530" + hhmm + ".png")).getWidth()).isEqualTo(500);
    }
    assertThat(out).doesNotExist();
  }

  @Test
  void trajectoriesFromParticleCsv() throws IOException {
    Path out = dir.resolve("traj.png");
    CliRun r = CliRun.of("plot", "--trajectories", FootprintCommandTest.PLUME.toString(), "--out", out.toString(),
        "--max-particles", "50", "--width", "600");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(png(out).getWidth()).isEqualTo(600);
  }

  @Test
  void heightColouringNeedsZagl() throws IOException {
    Path csv = dir.resolve("p.csv");
    Files.writeString(csv, "time,indx,long,lati,foot\n-1,1,-111.85,40.77,0.01\n-2,1,-111.86,40.78,0.01\n");
    fails(List.of("plot", "--trajectories", csv.toString(), "--out", dir.resolve("t.png").toString(),
        "--colour-by", "height"), "zagl");
  }

  @Test
  void badArgumentsFailWithAMessageAndWriteNothing() throws IOException {
    String png = dir.resolve("x.png").toString();
    fails(List.of("plot", "--out", png), "either a footprint file", "not neither");
    fails(List.of("plot", foot.toString(), "--trajectories", foot.toString(), "--out", png), "not both");
    fails(List.of("plot", dir.resolve("missing.nc").toString(), "--out", png), "missing.nc", "not found");
    fails(List.of("plot", foot.toString(), "--out", dir.resolve("x.jpg").toString()), "must name a .png file");
    fails(List.of("plot", foot.toString(), "--out", png, "--vmin", "0"), "--vmin must be positive");
    fails(List.of("plot", foot.toString(), "--out", png, "--vmin", "1", "--vmax", "0.1"), "less than --vmax");
    fails(List.of("plot", foot.toString(), "--out", png, "--extent", "1,2,3"), "four numbers");
    fails(List.of("plot", foot.toString(), "--out", png, "--extent", "-112,-111,40,4l"), "'4l' is not a number");
    fails(List.of("plot", foot.toString(), "--out", png, "--receptor", "-111.85"), "LON,LAT");
    fails(List.of("plot", foot.toString(), "--out", png, "--crop", "--extent", "1,2,3,4"), "give one");
    fails(List.of("plot", "--trajectories", FootprintCommandTest.PLUME.toString(), "--out", png, "--per-time"),
        "--per-time applies to footprints");
    fails(List.of("plot", FootprintCommandTest.PLUME.toString(), "--out", png), "synthetic_plume.csv.gz",
        "is a particle table (csv)", "stilt plot --trajectories");
    Path notes = dir.resolve("notes.txt");
    Files.writeString(notes, "not a footprint\n");
    fails(List.of("plot", notes.toString(), "--out", png), "notes.txt", "not a readable NetCDF-4 footprint");
  }

  @Test
  void projectedFootprintTakesCropButNotADegreeExtent() throws IOException {
    Path utm = dir.resolve("utm.nc");
    CliRun f = CliRun.of("footprint", "--particles", FootprintCommandTest.PLUME.toString(), "--receptor-time",
        "2019-05-30T03:00:00Z", "--xmin", "-112.5", "--xmax", "-111.6", "--ymin", "40.5", "--ymax", "41.4",
        "--xres", "2000", "--projection", "+proj=utm +zone=12 +datum=WGS84", "--output", utm.toString());
    assertThat(f.exitCode()).as(f.err()).isZero();
    Path out = dir.resolve("utm.png");
    fails(List.of("plot", utm.toString(), "--out", out.toString(), "--extent", "-112,-111.8,40.6,40.9"),
        "projected grid", "use --crop");
    CliRun r = CliRun.of("plot", utm.toString(), "--out", out.toString(), "--crop", "--receptor", "-111.85,40.77");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(png(out).getWidth()).isEqualTo(1000);
  }

  private void fails(List<String> args, String... expected) throws IOException {
    List<String> before = CliRun.files(dir);
    CliRun r = CliRun.of(args.toArray(String[]::new));
    assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).contains(expected);
    assertThat(r.err()).doesNotContain("\tat ");
    assertThat(CliRun.files(dir)).isEqualTo(new ArrayList<>(before));
  }

  /** R-STILT's own footprint file: its largest cell is drawn with the top colour, where it belongs. */
  @Test
  void rStiltFootprintLargestCellLandsOnItsPixel() throws IOException {
    Path rFoot = SharedData.reference().resolve("hysplit/evening_wbb/foot.nc");
    FootprintGrid g = FootprintNetcdfReader.read(rFoot).footprint();
    double[] sum = FootprintMap.values(g, FootprintMap.SUM);
    int best = 0;
    for (int k = 1; k < sum.length; k++) {
      best = sum[k] > sum[best] ? k : best;
    }
    double lon = g.xCentres()[best % g.nx()];
    double lat = g.yCentres()[best / g.nx()];
    ColourScale scale = FootprintMap.autoScale(sum, null, null, 4).orElseThrow();
    RenderedMap m = FootprintMap.render(g, FootprintMap.SUM, scale, MapOptions.defaults());
    Point2D.Double p = m.pixelOf(lon, lat);
    assertThat(m.image().getRGB((int) p.x, (int) p.y)).isEqualTo(scale.argb(sum[best]));

    Path out = dir.resolve("r.png");
    CliRun r = CliRun.of("plot", rFoot.toString(), "--out", out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    BufferedImage back = png(out);
    assertThat(back.getRGB((int) p.x, (int) p.y)).isEqualTo(scale.argb(sum[best]));
  }
}
