package org.jstilt.hysplit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;
import org.jstilt.core.particle.ParticleEnsemble;
import org.jstilt.core.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParticleDatReaderTest {
  private static final List<String> R_VARSIWANT =
      List.of("time", "indx", "long", "lati", "zagl", "foot", "mlht", "dens", "samt", "sigw", "tlgr");

  @TempDir Path dir;

  private Path write(String content) throws IOException {
    Path p = dir.resolve("PARTICLE_STILT.DAT");
    Files.writeString(p, content, StandardCharsets.US_ASCII);
    return p;
  }

  @Test
  void readsHeaderAndRowsInVarsiwantOrder() throws IOException {
    Path p = write("   40.7700005      -111.849998       5.00000000    \n"
        + "        -1.       1.  -111.8485    40.7700    12.7118\n"
        + "        -2.       1.  -111.8470    40.7712     1.0D+01\n");
    ParticleDat dat = ParticleDatReader.read(p, List.of("time", "indx", "long", "lati", "zagl"));
    assertThat(dat.release()).hasValueSatisfying(h -> {
      assertThat(h.latDeg()).isEqualTo(40.7700005);
      assertThat(h.lonDeg()).isEqualTo(-111.849998);
      assertThat(h.heightM()).isEqualTo(5.0);
    });
    ParticleEnsemble e = dat.particles();
    assertThat(e.columnNames()).containsExactly("time", "indx", "long", "lati", "zagl");
    assertThat(e.column("time")).containsExactly(-1, -2);
    assertThat(e.column("long")).containsExactly(-111.8485, -111.8470);
    assertThat(e.column("zagl")).containsExactly(12.7118, 10.0);
  }

  @Test
  void headerOnlyIsAnEmptyEnsemble() throws IOException {
    ParticleDat dat = ParticleDatReader.read(write("   40.77  -111.85   5.0\n"), R_VARSIWANT);
    assertThat(dat.particles().isEmpty()).isTrue();
    assertThat(dat.particles().columnNames()).isEqualTo(R_VARSIWANT);
  }

  @Test
  void wrongColumnCountNamesTheLine() throws IOException {
    Path p = write("40.77 -111.85 5.0\n -1. 1. -111.8 40.7 12.0\n -1. 2. -111.8 40.7\n");
    assertThatThrownBy(() -> ParticleDatReader.read(p, List.of("time", "indx", "long", "lati", "zagl")))
        .isInstanceOf(StiltException.class)
        .hasMessageContaining("PARTICLE_STILT.DAT, line 3")
        .hasMessageContaining("expected 5 values")
        .hasMessageContaining("found 4")
        .hasMessageContaining("VARSIWANT");
    assertThatThrownBy(() -> ParticleDatReader.read(p, List.of("time", "indx", "long")))
        .hasMessageContaining("line 2").hasMessageContaining("found 5");
  }

  @Test
  void fortranOverflowAndTextAreErrorsWithTheCallersCode() throws IOException {
    Path p = write("40.77 -111.85 5.0\n -1. 1. -111.8 40.7 ******\n");
    assertThatThrownBy(() -> ParticleDatReader.read(p, List.of("time", "indx", "long", "lati", "zagl"), ErrorCode.INPUT))
        .isInstanceOfSatisfying(StiltException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INPUT))
        .hasMessageContaining("line 2")
        .hasMessageContaining("(zagl)")
        .hasMessageContaining("Fortran overflow");
    assertThatThrownBy(() -> ParticleDatReader.read(write("h\n 1 2 x\n"), List.of("a", "b", "c")))
        .isInstanceOfSatisfying(StiltException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TRANSPORT))
        .hasMessageContaining("'x', not a number");
  }

  @Test
  void emptyFileAndBadVarsiwant() throws IOException {
    assertThatThrownBy(() -> ParticleDatReader.read(write(""), R_VARSIWANT)).hasMessageContaining("the file is empty");
    assertThatThrownBy(() -> ParticleDatReader.read(write("x\n"), List.of("time", "time")))
        .hasMessageContaining("twice");
    assertThatThrownBy(() -> ParticleDatReader.read(dir.resolve("missing.DAT"), R_VARSIWANT))
        .hasMessageContaining("missing.DAT").hasMessageContaining("not found");
  }

  /**
   * Every value of hycs_std's output read here equals R-STILT's particle table for the same run (which R
   * read with read.table and then passed through calc_trajectory): the raw {@code foot} is R's
   * {@code foot_no_hnf_dilution}, every other varsiwant column is identical. Rows are matched by (indx,
   * time) because R's table is re-ordered.
   */
  @ParameterizedTest
  @ValueSource(strings = {"night_column", "evening_wbb", "forward_3h", "meantraj_500"})
  void equalsRStiltParticleTable(String caseName) throws IOException {
    Path caseDir = SharedData.reference().resolve("hysplit").resolve(caseName);
    List<String> varsiwant = varsiwant(caseDir.resolve("case.json"));
    ParticleDat dat = ParticleDatReader.read(caseDir.resolve("PARTICLE_STILT.DAT.gz"), varsiwant);
    ParticleEnsemble e = dat.particles();
    assertThat(dat.release()).isPresent();

    Map<String, double[]> r = readCsv(caseDir.resolve("particles.csv.gz"));
    double[] rIndx = r.get("indx");
    double[] rTime = r.get("time");
    assertThat(e.size()).isEqualTo(rIndx.length).isPositive();
    Map<Long, Integer> rowOf = new HashMap<>();
    for (int i = 0; i < rIndx.length; i++) {
      rowOf.put(key(rIndx[i], rTime[i]), i);
    }
    double[] indx = e.column("indx");
    double[] time = e.column("time");
    int compared = 0;
    int rLongDoubleRounding = 0;
    for (String col : varsiwant) {
      double[] ours = e.column(col);
      double[] theirs = r.get(col.equals("foot") ? "foot_no_hnf_dilution" : col);
      assertThat(theirs).as("R column for " + col).isNotNull();
      for (int i = 0; i < ours.length; i++) {
        Integer j = rowOf.get(key(indx[i], time[i]));
        assertThat(j).as("R row for indx %s time %s", indx[i], time[i]).isNotNull();
        if (!same(ours[i], theirs[j])) {
          // R's read.table parses through an 80-bit long double and rounds twice; we round once,
          // correctly. Every difference must be exactly that double rounding.
          if (!same(RStrtod.emulate(ours[i]), theirs[j])) {
            throw new AssertionError(caseName + " " + col + " row " + i + ": DAT " + ours[i] + " vs R " + theirs[j]);
          }
          rLongDoubleRounding++;
        }
        compared++;
      }
    }
    assertThat(compared).isEqualTo(e.size() * varsiwant.size());
    // Rare: a few values in a million differ from R's, each by one unit in the last place.
    assertThat(rLongDoubleRounding).isLessThan(compared / 10_000);
  }

  private static boolean same(double a, double b) {
    return Double.doubleToLongBits(a) == Double.doubleToLongBits(b);
  }

  private static long key(double indx, double time) {
    return ((long) indx << 32) ^ (long) (time + (1L << 30));
  }

  private static List<String> varsiwant(Path caseJson) throws IOException {
    Matcher m = Pattern.compile("\"varsiwant\"\\s*:\\s*\\[([^\\]]*)\\]").matcher(Files.readString(caseJson));
    assertThat(m.find()).isTrue();
    List<String> names = new ArrayList<>();
    Matcher q = Pattern.compile("\"([a-z0-9_]+)\"").matcher(m.group(1));
    while (q.find()) {
      names.add(q.group(1));
    }
    return names;
  }

  /** A deliberately naive CSV reader: the oracle must not share code with what it checks. */
  private static Map<String, double[]> readCsv(Path gz) throws IOException {
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(gz)), StandardCharsets.UTF_8))) {
      String[] header = r.readLine().split(",");
      List<String[]> rows = new ArrayList<>();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        rows.add(line.split(","));
      }
      Map<String, double[]> cols = new HashMap<>();
      for (int j = 0; j < header.length; j++) {
        double[] c = new double[rows.size()];
        for (int i = 0; i < c.length; i++) {
          String f = rows.get(i)[j];
          c[i] = f.equals("NA") ? Double.NaN : Double.parseDouble(f);
        }
        cols.put(header[j], c);
      }
      return cols;
    }
  }
}
