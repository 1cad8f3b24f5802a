package org.jstilt.io.particles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;
import org.jstilt.core.particle.ParticleColumns;
import org.jstilt.core.particle.ParticleEnsemble;
import org.jstilt.core.testing.SharedData;
import org.jstilt.io.InputFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParticleCsvReaderTest {
  @TempDir Path dir;

  private Path write(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void readsColumnsByHeaderNameAsDoubles() throws IOException {
    Path p = write("p.csv", "indx,time,long,lati,foot\n1,-1,-111.85,40.77,0.5\n2,-1,-111.84,40.78,1e-3\n");
    ParticleEnsemble e = ParticleCsvReader.read(p, ParticleColumns.FOOTPRINT_INPUT);
    assertThat(e.columnNames()).containsExactly("indx", "time", "long", "lati", "foot");
    assertThat(e.size()).isEqualTo(2);
    assertThat(e.column("time")).containsExactly(-1, -1);
    assertThat(e.column("long")).containsExactly(-111.85, -111.84);
    assertThat(e.column("foot")).containsExactly(0.5, 0.001);
  }

  @Test
  void acceptsGzipCrlfQuotesRowNamesBomAndBlankLines() throws IOException {
    String content = "\uFEFF\"\",\"time\",\"indx\",\"long\",\"lati\",\"foot\"\r\n"
        + "\"1\",-1,1, -111.85 ,40.77,0.5\r\n\r\n"
        + "\"2\",-2,1,-111.86,40.76,NA\r\n";
    Path p = dir.resolve("r.csv.whatever");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
      out.write(content.getBytes(StandardCharsets.UTF_8));
    }
    ParticleEnsemble e = ParticleCsvReader.read(p);
    assertThat(e.columnNames()).containsExactly("time", "indx", "long", "lati", "foot");
    assertThat(e.column("long")).containsExactly(-111.85, -111.86);
    assertThat(e.get("foot", 1)).isNaN();
  }

  @Test
  void headerOnlyIsAnEmptyTable() throws IOException {
    ParticleEnsemble e = ParticleCsvReader.read(write("h.csv", "time,indx,long,lati,foot\n"));
    assertThat(e.isEmpty()).isTrue();
    assertThat(e.columnNames()).containsExactly("time", "indx", "long", "lati", "foot");
  }

  @Test
  void longRowsSpanningManyBuffersAreRead() throws IOException {
    StringBuilder sb = new StringBuilder("time,indx,long,lati,foot");
    for (int i = 0; i < 200; i++) {
      sb.append(",extra_column_with_a_long_name_").append(i);
    }
    sb.append('\n');
    int rows = 3000;
    for (int r = 0; r < rows; r++) {
      sb.append(-r).append(',').append(r % 7).append(",-111.5,40.5,").append(r * 0.25);
      for (int i = 0; i < 200; i++) {
        sb.append(',').append(r + i * 1e-3);
      }
      sb.append('\n');
    }
    ParticleEnsemble e = ParticleCsvReader.read(write("wide.csv", sb.toString()));
    assertThat(e.size()).isEqualTo(rows);
    assertThat(e.get("foot", rows - 1)).isEqualTo((rows - 1) * 0.25);
    assertThat(e.get("extra_column_with_a_long_name_199", 17)).isEqualTo(17 + 199 * 1e-3);
  }

  private static InputFileException failure(Path p) {
    try {
      ParticleCsvReader.read(p, ParticleColumns.FOOTPRINT_INPUT);
    } catch (InputFileException e) {
      assertThat(e.code()).isEqualTo(ErrorCode.INPUT);
      assertThat(e.getMessage()).startsWith(p.toString());
      return e;
    }
    throw new AssertionError("expected an InputFileException for " + p);
  }

  @Test
  void malformedRowNamesFileLineAndColumn() throws IOException {
    Path p = write("bad.csv", "time,indx,long,lati,foot\n-1,1,-111.8,40.7,0.1\n-1,2,-111.8,forty,0.1\n");
    InputFileException e = failure(p);
    assertThat(e.line()).hasValue(3);
    assertThat(e.getMessage()).contains("line 3").contains("'lati'").contains("'forty' is not a number");
  }

  @Test
  void wrongColumnCountNamesTheLineAndTheCounts() throws IOException {
    InputFileException few = failure(write("few.csv", "time,indx,long,lati,foot\n-1,1,-111.8,40.7\n"));
    assertThat(few.getMessage()).contains("line 2").contains("expected 5").contains("found 4");
    InputFileException many =
        failure(write("many.csv", "time,indx,long,lati,foot\n-1,1,-111.8,40.7,1\n-1,1,-111.8,40.7,1,2,3\n"));
    assertThat(many.getMessage()).contains("line 3").contains("found 7");
  }

  @Test
  void emptyFieldIsReported() throws IOException {
    InputFileException e = failure(write("e.csv", "time,indx,long,lati,foot\n-1,,-111.8,40.7,1\n"));
    assertThat(e.getMessage()).contains("line 2").contains("'indx'").contains("empty");
  }

  @Test
  void nanOrOutOfRangeCoordinatesAreRejected() throws IOException {
    assertThat(failure(write("n.csv", "time,indx,long,lati,foot\n-1,1,NaN,40.7,1\n")).getMessage())
        .contains("line 2").contains("'long'").contains("NaN");
    assertThat(failure(write("l.csv", "time,indx,long,lati,foot\n-1,1,-111,40.7,1\n-1,1,-111,90.5,1\n")).getMessage())
        .contains("line 3").contains("lati = 90.5");
    assertThat(failure(write("o.csv", "time,indx,long,lati,foot\n-1,1,361,40.7,1\n")).getMessage())
        .contains("long = 361.0").contains("[-180, 360]");
    assertThat(failure(write("o2.csv", "time,indx,long,lati,foot\n-1,1,-180.5,40.7,1\n")).getMessage())
        .contains("long = -180.5");
  }

  @Test
  void requiredColumnsMustBeFinite() throws IOException {
    assertThat(failure(write("f.csv", "time,indx,long,lati,foot\n-1,1,-111,40.7,NA\n")).getMessage())
        .contains("'foot'").contains("NaN");
  }

  @Test
  void missingRequiredColumnsAreListed() throws IOException {
    InputFileException e = failure(write("m.csv", "time,long,lati\n-1,-111,40\n"));
    assertThat(e.line()).hasValue(1);
    assertThat(e.getMessage()).contains("missing required column(s) [indx, foot]");
  }

  @Test
  void emptyFileAndMissingHeaderAndDuplicateNames() throws IOException {
    assertThat(failure(write("empty.csv", "")).getMessage()).contains("the file is empty");
    assertThat(failure(write("blank.csv", "\n  \n")).getMessage()).contains("the file is empty");
    assertThat(failure(write("nohdr.csv", "-1,1,-111,40,1\n")).getMessage()).contains("must be a header");
    assertThat(failure(write("dup.csv", "time,indx,long,lati,foot,foot\n")).getMessage()).contains("appears twice");
  }

  @Test
  void missingFileIsAClearError() {
    assertThatThrownBy(() -> ParticleCsvReader.read(dir.resolve("nope.csv")))
        .isInstanceOf(StiltException.class)
        .hasMessageContaining("nope.csv")
        .hasMessageContaining("not found");
  }

  /**
   * Reads R-STILT's own particle table and compares every value with an independent, naive reader
   * ({@code String.split} + {@code Double.parseDouble}).
   */
  @Test
  void readsRStiltParticleTableExactly() throws IOException {
    Path p = SharedData.reference().resolve("hysplit/evening_wbb/particles.csv.gz");
    ParticleEnsemble e = ParticleCsvReader.read(p, ParticleColumns.FOOTPRINT_INPUT);
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(p)), StandardCharsets.UTF_8))) {
      List<String> header = List.of(r.readLine().split(","));
      assertThat(e.columnNames()).isEqualTo(header);
      double[][] cols = new double[header.size()][];
      for (int j = 0; j < cols.length; j++) {
        cols[j] = e.column(header.get(j));
      }
      int row = 0;
      for (String line = r.readLine(); line != null; line = r.readLine(), row++) {
        String[] f = line.split(",");
        for (int j = 0; j < f.length; j++) {
          if (Double.doubleToLongBits(cols[j][row]) != Double.doubleToLongBits(Double.parseDouble(f[j]))) {
            throw new AssertionError("row " + row + " column " + header.get(j) + ": " + f[j] + " read as " + cols[j][row]);
          }
        }
      }
      assertThat(row).isEqualTo(e.size()).isEqualTo(180_000);
    }
  }
}
