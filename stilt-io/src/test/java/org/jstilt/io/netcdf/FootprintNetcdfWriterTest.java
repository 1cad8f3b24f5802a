package org.jstilt.io.netcdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;
import org.jstilt.core.footprint.EmptyFootprintReason;
import org.jstilt.core.footprint.FootprintGrid;
import org.jstilt.core.footprint.GridSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both NetCDF writers, checked with two independent readers: netCDF-C's {@code ncdump} and Python xarray
 * (through netCDF4-python), and with our own reader.
 */
class FootprintNetcdfWriterTest {
  private static final Instant T0 = Instant.parse("2019-05-30T08:00:00Z");
  private static final Instant CREATED = Instant.parse("2026-01-02T03:04:05.678Z");

  @TempDir Path dir;

  static FootprintNetcdfWriter writer(String kind) {
    if (kind.equals("jna")) {
      assumeTrue(FootprintNetcdfWriter.nativeWriter().isPresent(), "libnetcdf not installed: JNA writer test skipped");
      return FootprintNetcdfWriter.nativeWriter().orElseThrow();
    }
    return FootprintNetcdfWriter.pureJava();
  }

  /** nt layers on a grid starting at (-112.9, 40.1), res 0.01; value(t, j, i) = (t+1)(j+1)/(i+1) * 0.1, some zeros. */
  static FootprintGrid grid(int nt, int ny, int nx, String projection, EmptyFootprintReason reason) {
    double res = projection.contains("longlat") ? 0.01 : 2000;
    double x0 = projection.contains("longlat") ? -112.9 : 400000;
    double y0 = projection.contains("longlat") ? 40.1 : 4500000;
    double[] x = new double[nx];
    double[] y = new double[ny];
    for (int i = 0; i < nx; i++) {
      x[i] = x0 + i * res + res / 2;
    }
    for (int j = 0; j < ny; j++) {
      y[j] = y0 + j * res + res / 2;
    }
    Instant[] times = new Instant[nt];
    double[][] layers = new double[nt][ny * nx];
    for (int t = 0; t < nt; t++) {
      times[t] = T0.plusSeconds(3600L * t);
      for (int j = 0; j < ny; j++) {
        for (int i = 0; i < nx; i++) {
          layers[t][j * nx + i] = reason != null || (i + j) % 3 == 0 ? 0 : (t + 1) * (j + 1) / (i + 1.0) * 0.1;
        }
      }
    }
    GridSpec spec = new GridSpec(-112.9, -112.9 + nx * 0.01, 40.1, 40.1 + ny * 0.01, res, res, projection);
    return new FootprintGrid(spec, x, y, times, layers, reason);
  }

  static FootprintMetadata meta(FootprintPrecision p) {
    return new FootprintMetadata("slv", "{\"time\": \"2019-05-30 11:00:00\", \"longitude\": -111.85}", 1.0, false,
        "[{\"kind\": \"first_order_lifetime\"}]", CREATED, "JSTILT test", p);
  }

  @ParameterizedTest
  @ValueSource(strings = {"jna", "jhdf"})
  void ncdumpSeesCfLayoutAndAttributes(String kind) throws IOException {
    ExternalTools.assumeNcdump();
    Path f = dir.resolve("sim_slv_foot.nc");
    writer(kind).write(f, grid(3, 6, 10, GridSpec.LONGLAT, null), meta(FootprintPrecision.FLOAT32));
    String h = ExternalTools.ncdump("-hs", f.toString());
    assertThat(h)
        .contains("time = 3 ;", "lat = 6 ;", "lon = 10 ;")
        .contains("float foot(time, lat, lon) ;")
        .contains("foot:units = \"ppm m2 s umol-1\" ;")
        .contains("foot:grid_mapping = \"crs\" ;")
        .contains("foot:_ChunkSizes = 1, 6, 10 ;")
        .contains("foot:_Shuffle = \"true\" ;")
        .contains("foot:_DeflateLevel = 4 ;")
        .contains("int crs ;")
        .contains("crs:grid_mapping_name = \"latitude_longitude\" ;")
        .contains("crs:proj4_params = \"+proj=longlat\" ;")
        .contains("time:units = \"seconds since 1970-01-01 00:00:00\" ;")
        .contains("lat:units = \"degrees_north\" ;", "lon:units = \"degrees_east\" ;")
        .contains(":Conventions = \"CF-1.8\" ;")
        .contains(":name = \"slv\" ;")
        .contains(":projection = \"+proj=longlat\" ;")
        .contains(":xmin = -112.9 ;", ":xmax = -112.8", ":ymin = 40.1 ;", ":xres = 0.01 ;", ":yres = 0.01 ;")
        .contains(":smooth_factor = 1. ;")
        .contains(":time_integrate = 0 ;")
        .contains(":is_empty = 0 ;")
        .contains(":empty_reason = \"\" ;")
        .contains(":transforms = \"[{\\\"kind\\\": \\\"first_order_lifetime\\\"}]\" ;")
        .contains(":time_created = \"2026-01-02T03:04:05\" ;")
        .contains(":_Format = \"netCDF-4\" ;");
    String v = ExternalTools.ncdump("-v", "time,lat", f.toString());
    assertThat(v).contains("time = 1559203200, 1559206800, 1559210400 ;");
    assertThat(v).contains("lat = 40.105, 40.115, 40.125, 40.135, 40.145, 40.155 ;");
  }

  @ParameterizedTest
  @ValueSource(strings = {"jna", "jhdf"})
  void xarrayReadsValuesDimsAttributesAndDecodesTime(String kind) throws IOException {
    ExternalTools.assumeXarray();
    FootprintGrid g = grid(3, 6, 10, GridSpec.LONGLAT, null);
    Path f = dir.resolve("foot.nc");
    writer(kind).write(f, g, meta(FootprintPrecision.FLOAT32));
    JsonNode x = XarrayProbe.probe(f);
    assertThat(strings(x.get("foot_dims"))).containsExactly("time", "lat", "lon");
    assertThat(x.get("foot_dtype").asText()).isEqualTo("float32");
    assertThat(strings(x.get("time"))).containsExactly("2019-05-30T08:00:00", "2019-05-30T09:00:00", "2019-05-30T10:00:00");
    assertThat(x.get("time_dtype").asText()).startsWith("datetime64");
    List<Double> values = doubles(x.get("foot"));
    int k = 0;
    for (int t = 0; t < 3; t++) {
      for (int j = 0; j < 6; j++) {
        for (int i = 0; i < 10; i++) {
          assertThat(values.get(k++)).as("t=%d j=%d i=%d", t, j, i).isEqualTo((double) (float) g.value(t, j, i));
        }
      }
    }
    assertThat(doubles(x.get("coords").get("lon"))).containsExactly(boxed(g.xCentres()));
    assertThat(doubles(x.get("coords").get("lat"))).containsExactly(boxed(g.yCentres()));
    assertThat(x.get("foot_attrs").get("units").asText()).isEqualTo("ppm m2 s umol-1");
    assertThat(x.get("foot_attrs").has("_FillValue")).isFalse();
    assertThat(x.get("foot_encoding").get("zlib").asBoolean()).isTrue();
    assertThat(x.get("foot_encoding").get("shuffle").asBoolean()).isTrue();
    assertThat(x.get("foot_encoding").get("complevel").asInt()).isEqualTo(4);
    assertThat(doubles(x.get("foot_encoding").get("chunksizes"))).containsExactly(1.0, 6.0, 10.0);
    JsonNode a = x.get("attrs");
    assertThat(a.get("receptor").asText()).isEqualTo("{\"time\": \"2019-05-30 11:00:00\", \"longitude\": -111.85}");
    assertThat(a.get("xres").asDouble()).isEqualTo(0.01);
    assertThat(a.get("smooth_factor").asDouble()).isEqualTo(1.0);
    assertThat(a.get("is_empty").asInt()).isZero();
    assertThat(a.get("source").asText()).isEqualTo("JSTILT test");
    assertThat(x.get("crs").get("grid_mapping_name").asText()).isEqualTo("latitude_longitude");
  }

  /** Equal lengths (square grid, nt = ny) used to confuse netCDF-C's dimension matching for the fallback. */
  @ParameterizedTest
  @ValueSource(strings = {"jna", "jhdf"})
  void dimensionsStayNamedWhenLengthsCoincide(String kind) throws IOException {
    ExternalTools.assumeXarray();
    FootprintGrid g = grid(4, 4, 4, GridSpec.LONGLAT, null);
    Path f = dir.resolve("square.nc");
    writer(kind).write(f, g, meta(FootprintPrecision.FLOAT64));
    JsonNode x = XarrayProbe.probe(f);
    assertThat(strings(x.get("foot_dims"))).containsExactly("time", "lat", "lon");
    assertThat(x.get("foot_dtype").asText()).isEqualTo("float64");
    List<Double> values = doubles(x.get("foot"));
    assertThat(values.get(3 * 16 + 2 * 4 + 1)).isEqualTo(g.value(3, 2, 1));
    assertThat(doubles(x.get("coords").get("lat"))).containsExactly(boxed(g.yCentres()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"jna", "jhdf"})
  void projectedGridUsesXyAndCfTransverseMercator(String kind) throws IOException {
    ExternalTools.assumeXarray();
    String utm = "+proj=utm +zone=12 +datum=WGS84 +units=m +no_defs";
    Path f = dir.resolve("utm.nc");
    writer(kind).write(f, grid(2, 5, 7, utm, null), meta(FootprintPrecision.FLOAT32));
    JsonNode x = XarrayProbe.probe(f);
    assertThat(strings(x.get("foot_dims"))).containsExactly("time", "y", "x");
    assertThat(doubles(x.get("coords").get("x")).get(0)).isEqualTo(401000.0);
    JsonNode crs = x.get("crs");
    assertThat(crs.get("grid_mapping_name").asText()).isEqualTo("transverse_mercator");
    assertThat(crs.get("longitude_of_central_meridian").asDouble()).isEqualTo(-111.0);
    assertThat(crs.get("scale_factor_at_central_meridian").asDouble()).isEqualTo(0.9996);
    assertThat(crs.get("false_easting").asDouble()).isEqualTo(500000.0);
    assertThat(crs.get("semi_major_axis").asDouble()).isEqualTo(6378137.0);
    assertThat(crs.get("proj4_params").asText()).isEqualTo(utm);
    assertThat(x.get("attrs").get("projection").asText()).isEqualTo(utm);
  }

  @ParameterizedTest
  @ValueSource(strings = {"jna", "jhdf"})
  void emptyFootprintIsMarked(String kind) throws IOException {
    ExternalTools.assumeXarray();
    Path f = dir.resolve("empty.nc");
    writer(kind).write(f, grid(1, 3, 4, GridSpec.LONGLAT, EmptyFootprintReason.OUTSIDE_DOMAIN), meta(FootprintPrecision.FLOAT32));
    JsonNode x = XarrayProbe.probe(f);
    assertThat(x.get("attrs").get("is_empty").asInt()).isEqualTo(1);
    assertThat(x.get("attrs").get("empty_reason").asText()).isEqualTo("outside_domain");
    assertThat(doubles(x.get("foot"))).containsOnly(0.0);
    FootprintFile back = FootprintNetcdfReader.read(f);
    assertThat(back.footprint().emptyReason()).hasValue(EmptyFootprintReason.OUTSIDE_DOMAIN);
  }

  @ParameterizedTest
  @ValueSource(strings = {"jna", "jhdf"})
  void ourReaderRoundTrips(String kind) {
    FootprintGrid g = grid(3, 6, 10, GridSpec.LONGLAT, null);
    for (FootprintPrecision p : FootprintPrecision.values()) {
      Path f = dir.resolve(kind + p + ".nc");
      writer(kind).write(f, g, meta(p));
      FootprintFile back = FootprintNetcdfReader.read(f);
      FootprintGrid b = back.footprint();
      assertThat(back.storedAsFloat64()).isEqualTo(p == FootprintPrecision.FLOAT64);
      assertThat(b.spec()).isEqualTo(g.spec());
      assertThat(b.times()).containsExactly(g.times());
      assertThat(b.xCentres()).containsExactly(g.xCentres());
      assertThat(b.yCentres()).containsExactly(g.yCentres());
      for (int t = 0; t < g.nt(); t++) {
        double[] want = g.layer(t);
        if (p == FootprintPrecision.FLOAT32) {
          for (int k = 0; k < want.length; k++) {
            want[k] = (float) want[k];
          }
        }
        assertThat(b.layer(t)).containsExactly(want);
      }
      assertThat(back.text("name")).hasValue("slv");
      assertThat(back.number("smooth_factor")).hasValue(1.0);
      assertThat(back.text("time_created")).hasValue("2026-01-02T03:04:05");
      assertThat(b.emptyReason()).isEmpty();
    }
  }

  @Test
  void zeroLayersMakeAReadableFileWithLibnetcdf() throws IOException {
    ExternalTools.assumeNcdump();
    Path f = dir.resolve("nolayers.nc");
    writer("jna").write(f, grid(0, 3, 4, GridSpec.LONGLAT, EmptyFootprintReason.NO_PARTICLES), meta(FootprintPrecision.FLOAT32));
    assertThat(ExternalTools.ncdump("-h", f.toString())).contains("float foot(time, lat, lon) ;", ":empty_reason = \"no_particles\" ;");
    assertThat(FootprintNetcdfReader.read(f).footprint().nt()).isZero();
  }

  @Test
  void zeroLayersAreAClearErrorForThePureJavaWriter() {
    Path f = dir.resolve("nolayers.nc");
    assertThatThrownBy(() -> writer("jhdf").write(f, grid(0, 3, 4, GridSpec.LONGLAT, EmptyFootprintReason.NO_PARTICLES),
        meta(FootprintPrecision.FLOAT32)))
        .isInstanceOf(StiltException.class).hasMessageContaining("zero-length dimension").hasMessageContaining("libnetcdf");
    assertThat(f).doesNotExist();
  }

  @ParameterizedTest
  @ValueSource(strings = {"jna", "jhdf"})
  void failedWriteLeavesNothingBehind(String kind) throws IOException {
    Path target = dir.resolve("occupied");
    Files.createDirectories(target.resolve("child"));
    FootprintNetcdfWriter w = writer(kind); // outside the lambda: a missing libnetcdf skips, it is not the expected error
    assertThatThrownBy(() -> w.write(target, grid(1, 2, 2, GridSpec.LONGLAT, null), meta(FootprintPrecision.FLOAT32)))
        .isInstanceOfSatisfying(StiltException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.STORAGE));
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("occupied");
    }
  }

  @Test
  void fallsBackToPureJavaWithAWarning() {
    List<String> warnings = new ArrayList<>();
    FootprintNetcdfWriter w = FootprintNetcdfWriter.create(warnings::add);
    if (FootprintNetcdfWriter.nativeWriter().isPresent()) {
      assertThat(w.description()).contains("netCDF-C").contains("JNA");
      assertThat(warnings).isEmpty();
    } else {
      assertThat(w.description()).contains("jhdf");
      assertThat(warnings).singleElement().asString().contains("libnetcdf").contains("apt-get install libnetcdf19");
    }
  }

  private static Double[] boxed(double[] a) {
    return java.util.Arrays.stream(a).boxed().toArray(Double[]::new);
  }

  private static List<String> strings(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.forEach(e -> out.add(e.asText()));
    return out;
  }

  private static List<Double> doubles(JsonNode n) {
    List<Double> out = new ArrayList<>();
    n.forEach(e -> out.add(e.asDouble()));
    return out;
  }
}
