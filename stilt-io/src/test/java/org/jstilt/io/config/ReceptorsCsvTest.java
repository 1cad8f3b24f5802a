package org.jstilt.io.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.jstilt.core.id.SimulationId;
import org.jstilt.core.receptor.AltitudeReference;
import org.jstilt.core.receptor.ColumnReceptor;
import org.jstilt.core.receptor.MultiPointReceptor;
import org.jstilt.core.receptor.PointReceptor;
import org.jstilt.core.receptor.Receptor;
import org.jstilt.core.receptor.ReleasePoint;
import org.jstilt.io.InputFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReceptorsCsvTest {
  private static final Path FILE = Path.of("receptors.csv");
  private static final Instant T = Instant.parse("2023-01-01T12:00:00Z");
  private static final AltitudeReference AGL = AltitudeReference.AGL;
  private static final AltitudeReference MSL = AltitudeReference.MSL;

  private static List<Receptor> parse(String csv) {
    return ReceptorsCsv.parse(csv, FILE);
  }

  private static String error(String csv) {
    try {
      parse(csv);
    } catch (InputFileException e) {
      return e.getMessage();
    }
    throw new AssertionError("no error for:\n" + csv);
  }

  /** PYSTILT's {@code stilt init} receptors.csv: the example line is a comment (PYSTILT itself fails on it). */
  @Test
  void pystiltInitFileHasNoReceptors() {
    assertThat(parse("time,longitude,latitude,altitude\n# Example: 2023-01-01 12:00:00,-111.85,40.77,5\n")).isEmpty();
  }

  @Test
  void headersAreCaseInsensitiveAndAliased() {
    List<Receptor> r = parse("Time,LAT,Lon,zagl,site\r\n2023-01-01 12:00:00,40.77,-111.85,5,WBB\r\n"
        + "\n202301011300, 40.5 ,\"-112\",10,x\n");
    assertThat(r).containsExactly(new PointReceptor(T, -111.85, 40.77, 5, AGL),
        new PointReceptor(T.plusSeconds(3600), -112, 40.5, 10, AGL));
    assertThat(SimulationId.of("hrrr", r.get(0)).toString()).isEqualTo("hrrr_202301011200_-111.85_40.77_5");
    assertThat(parse("time,lati,long,zmsl\n2023-01-01T05:00:00-07:00,40.77,-111.85,1335\n"))
        .containsExactly(new PointReceptor(T, -111.85, 40.77, 1335, MSL));
    assertThat(parse("time,latitude,longitude,altitude,height_ref\n2023-01-01 12:00,40.77,-111.85,1335,MSL\n"))
        .containsExactly(new PointReceptor(T, -111.85, 40.77, 1335, MSL));
    // an explicit altitude_ref column wins over the zmsl inference
    assertThat(parse("time,lat,lon,zmsl,altitude_ref\n202301011200,40.77,-111.85,5,agl\n").get(0).altitudeRef())
        .isEqualTo(AGL);
  }

  @Test
  void rIdxGroupsRowsIntoReceptors() {
    String csv = """
        r_idx,time,longitude,latitude,altitude
        7,2023-01-01 12:00:00,-111.85,40.77,2000
        3,2023-01-01 12:00:00,-112.0,40.5,5
        7,2023-01-01 12:00:00,-111.85,40.77,0
        9,2023-01-01 12:00:00,-112.0,40.5,0
        9.0,2023-01-01 12:00:00,-111.5,41.0,500
        9,2023-01-01 12:00:00,-111.0,41.5,1000
        """;
    List<Receptor> r = parse(csv);
    assertThat(r).containsExactly(
        new ColumnReceptor(T, -111.85, 40.77, 0, 2000, AGL),
        new PointReceptor(T, -112, 40.5, 5, AGL),
        new MultiPointReceptor(T, List.of(new ReleasePoint(-112, 40.5, 0), new ReleasePoint(-111.5, 41, 500),
            new ReleasePoint(-111, 41.5, 1000)), AGL));
    // the same three points as the golden multipoint case in stilt-core's id-cases.json
    assertThat(SimulationId.of("hrrr", r.get(2)).toString()).isEqualTo("hrrr_202301011200_multi_b9759c832a");
  }

  @Test
  void everyProblemIsReportedWithItsLine() {
    String msg = error("""
        time,longitude,latitude,altitude
        2023-01-01 12:00:00,-111.85,40.77,5
        1672574400,-111.85,40.77,5
        2023-01-01 12:00:00,-211.85,40.77,5
        2023-01-01 12:00:00,-111.85,forty,5
        2023-01-01 12:00:00,-111.85,40.77
        2023-02-30 12:00:00,-111.85,40.77,-3
        """);
    assertThat(msg).startsWith("receptors.csv: 5 problems:");
    assertThat(msg).contains("line 3: numeric receptor time '1672574400' is not accepted");
    assertThat(msg).contains("line 4: longitude must be within [-180, 180], got -211.85");
    assertThat(msg).contains("line 5: latitude must be a number, got 'forty'");
    assertThat(msg).contains("line 6: has 3 fields, the header has 4");
    assertThat(msg).contains("line 7: receptor time '2023-02-30 12:00:00' is not a valid date");
  }

  @Test
  void headerProblems() {
    assertThat(error("")).isEqualTo("receptors.csv: is empty; it needs a header line such as "
        + "time,longitude,latitude,altitude (and then one receptor per line)");
    assertThat(error("time,lat,lon\n")).isEqualTo("receptors.csv, line 1: missing column altitude; the header is "
        + "'time,lat,lon' and needs time, latitude (lat), longitude (lon) and altitude (zagl or zmsl)");
    assertThat(error("# my receptors\ntime,lat,latitude,lon,zagl\n")).isEqualTo(
        "receptors.csv, line 2: columns 'lat' and 'latitude' both give latitude; keep one of them");
    assertThat(error("time,lat,lon,zagl\n\"2023-01-01,1,2,3\n")).contains("line 2: a quoted field is never closed");
  }

  @Test
  void groupProblems() {
    String msg = error("""
        r_idx,time,lon,lat,zagl,altitude_ref
        1,2023-01-01 12:00:00,-111.85,40.77,0,agl
        1,2023-01-01 12:00:05,-111.85,40.77,100,agl
        2,2023-01-01 12:00:00,-111.85,40.77,0,agl
        2,2023-01-01 12:00:00,-111.85,40.77,100,msl
        3,2023-01-01 12:00:00,-111.85,40.77,50,agl
        3,2023-01-01 12:00:00,-111.85,40.77,50,agl
        4,2023-01-01 12:00:00,-111.85,40.77,50,asl
        ,2023-01-01 12:00:00,-111.85,40.77,50,agl
        """);
    assertThat(msg).contains("line 3: r_idx 1: time 2023-01-01 12:00:05 differs from line 2 (2023-01-01 12:00:00)");
    assertThat(msg).contains("line 5: r_idx 2: altitude_ref msl differs from line 4 (agl)");
    assertThat(msg).contains("line 6: r_idx 3: column bottom must be below its top, got bottom 50.0 m, top 50.0 m "
        + "(rows on lines 6, 7)");
    assertThat(msg).contains("line 8: altitude_ref must be agl or msl, got 'asl'");
    assertThat(msg).contains("line 9: r_idx is empty");
  }

  @Test
  void publishedFormIsPystiltsAndReadsBack(@TempDir Path dir) throws IOException {
    List<Receptor> receptors = List.of(
        new PointReceptor(T, -111.85, 40.77, 5, AGL),
        new ColumnReceptor(Instant.parse("2023-01-01T12:00:00.5Z"), -111.85, 40.77, 0, 1000, AGL),
        new MultiPointReceptor(T, List.of(new ReleasePoint(-112, 40.5, 0), new ReleasePoint(1e-5, 41, 1335)), MSL));
    // PYSTILT's csv.DictWriter output for the same receptors
    String expected = "r_idx,time,longitude,latitude,altitude,altitude_ref\r\n"
        + "0,2023-01-01 12:00:00,-111.85,40.77,5.0,agl\r\n"
        + "1,2023-01-01 12:00:00.500000,-111.85,40.77,0.0,agl\r\n"
        + "1,2023-01-01 12:00:00.500000,-111.85,40.77,1000.0,agl\r\n"
        + "2,2023-01-01 12:00:00,-112.0,40.5,0.0,msl\r\n"
        + "2,2023-01-01 12:00:00,1e-05,41.0,1335.0,msl\r\n";
    assertThat(ReceptorsCsv.format(receptors)).isEqualTo(expected);
    Path file = dir.resolve("receptors.csv");
    ReceptorsCsv.write(receptors, file);
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(expected);
    assertThat(ReceptorsCsv.read(file)).isEqualTo(receptors);
    assertThatThrownBy(() -> ReceptorsCsv.read(dir.resolve("missing.csv"))).isInstanceOf(InputFileException.class)
        .hasMessageContaining("does not exist");
  }
}
