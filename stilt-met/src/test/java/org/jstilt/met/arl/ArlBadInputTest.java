package org.jstilt.met.arl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.testing.SharedData;
import org.jstilt.met.MetCoverageException;
import org.jstilt.met.MetDataset;
import org.jstilt.met.MetException;
import org.jstilt.met.MetFormatException;
import org.jstilt.met.MetVariableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged and unsuitable met files: typed errors that name file, time and variable. */
class ArlBadInputTest {
  private static final int LREC = ArlTestFiles.HRRR_LREC;

  @TempDir Path dir;

  private Path hrrrCopy(String name) throws IOException {
    Path copy = dir.resolve(name);
    Files.copy(SharedData.hrrrMet().resolve("20190530_00-05_hrrr"), copy);
    return copy;
  }

  private static long record(int period, int level, int variableNumber) {
    return ArlTestFiles.hrrrRecord(period, level, variableNumber);
  }

  @Test
  void truncatedFileNamesThePeriodAndTheMissingRecord() throws IOException {
    Path f = hrrrCopy("truncated");
    // cut 100 bytes into the TEMP record of level 7 in the last period (05Z)
    long cut = record(5, 7, 0) * LREC + 100;
    try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
      ch.truncate(cut);
    }
    MetFormatException e = catchThrowableOfType(MetFormatException.class, () -> ArlFile.open(f));
    assertThat(e.getMessage())
        .contains("truncated", f.toString(), "2019-05-30T05:00:00Z", "variable TEMP", "level 7")
        .contains("last complete period 2019-05-30T04:00:00Z");
    assertThat(e.code()).isEqualTo(ErrorCode.MET);
    assertThat(e.file()).contains(f);
    assertThat(e.time()).contains(Instant.parse("2019-05-30T05:00:00Z"));
    assertThat(e.variable()).contains("TEMP");
    assertThat(e.level()).hasValue(7);
  }

  @Test
  void wrongRecordLengthIsDetected() throws IOException {
    Path f = hrrrCopy("wrongnx");
    // claim NX = 58 in the first index header: every record would be 41 bytes shorter
    try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
      ch.write(java.nio.ByteBuffer.wrap(" 58".getBytes(java.nio.charset.StandardCharsets.US_ASCII)), 50 + 93);
    }
    MetFormatException e = catchThrowableOfType(MetFormatException.class, () -> ArlFile.open(f));
    assertThat(e.getMessage()).contains("Wrong record length", "58 x 41", "records of 2428 bytes", f.toString(),
        "period 2019-05-30T00:00:00Z", "variable INDX");
    assertThat(e.time()).contains(Instant.parse("2019-05-30T00:00:00Z"));
    assertThat(e.variable()).contains("INDX");
  }

  @Test
  void badChecksumNamesFileTimeVariableAndLevel() throws IOException {
    Path f = hrrrCopy("badsum");
    ArlTestFiles.corruptByte(f, record(2, 3, 0) * LREC + 50 + 777); // a data byte of TEMP, level 3, 02Z
    try (ArlFile a = ArlFile.open(f)) { // opening reads only the index: fine
      assertThat(a.read(2, 3, "UWND")).hasSize(59 * 41); // other records are unaffected
      MetFormatException e = catchThrowableOfType(MetFormatException.class, () -> a.read(2, 3, "TEMP"));
      assertThat(e.getMessage()).contains("Bad checksum", f.toString(), "2019-05-30T02:00:00Z", "variable TEMP", "level 3");
      assertThat(e.variable()).contains("TEMP");
    }
  }

  @Test
  void missingVariableOrLevel() throws IOException {
    try (ArlFile a = ArlFile.open(SharedData.hrrrMet().resolve("20190530_00-05_hrrr"))) {
      MetVariableException e = catchThrowableOfType(MetVariableException.class, () -> a.read(0, 0, "TEMP"));
      assertThat(e.getMessage())
          .contains("Variable TEMP is not in the file at level 0", "20190530_00-05_hrrr", "2019-05-30T00:00:00Z")
          .contains("SHGT MSLP TPP1");
      assertThatThrownBy(() -> a.read(1, 20, "TEMP"))
          .isInstanceOf(MetVariableException.class)
          .hasMessageContaining("Level 20 does not exist; the file has levels 0 to 19")
          .hasMessageContaining("variable TEMP");
      assertThatThrownBy(() -> a.read(Instant.parse("2019-05-30T07:00:00Z"), 1, "TEMP"))
          .isInstanceOf(MetCoverageException.class)
          .hasMessageContaining("No period at 2019-05-30T07:00:00Z")
          .hasMessageContaining("6 periods from 2019-05-30T00:00:00Z to 2019-05-30T05:00:00Z every 60 min");
    }
  }

  @Test
  void timeIntervalVaryingInsideAFile() throws IOException {
    ArlGrid g = ArlTestFiles.latLonGrid("TEST", 12, 10, 2);
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    ArlTestFiles.write(a, g, 2, Duration.ofHours(1)); // 00Z, 01Z
    try (ArlWriter w = ArlWriter.create(b, g)) {
      w.writePeriod(ArlTestFiles.T0.plusSeconds(3 * 3600), 0, (l, v) -> ArlTestFiles.field(g, v, l, 0));
      w.commit();
    }
    Path joined = dir.resolve("joined");
    try (OutputStream out = Files.newOutputStream(joined)) {
      Files.copy(a, out);
      Files.copy(b, out);
    }
    MetFormatException e = catchThrowableOfType(MetFormatException.class, () -> ArlFile.open(joined));
    assertThat(e.getMessage())
        .contains("time interval varies", "60 min between", "120 min between 2021-07-01T01:00:00Z and 2021-07-01T03:00:00Z")
        .contains(joined.toString(), "period 2021-07-01T03:00:00Z", "variable INDX");
    assertThat(e.file()).contains(joined);
    assertThat(e.time()).contains(Instant.parse("2021-07-01T03:00:00Z"));
  }

  @Test
  void pointOutsideTheGridAndTimeOutsideTheMet() {
    try (MetDataset met = MetDataset.open(List.of(
        SharedData.hrrrMet().resolve("20190530_06-11_hrrr"), SharedData.hrrrMet().resolve("20190530_00-05_hrrr")))) {
      assertThat(met.times()).hasSize(12);
      assertThat(met.interval()).isEqualTo(Duration.ofHours(1));
      double inside = met.valueAt(0, 0, "SHGT", 40.1015, -112.91);
      assertThat(inside).isEqualTo(met.read(0, 0, "SHGT")[0], org.assertj.core.api.Assertions.within(1e-6));
      MetCoverageException e = catchThrowableOfType(MetCoverageException.class,
          () -> met.valueAt(7, 0, "PBLH", 45.0, -100.0));
      assertThat(e.getMessage()).contains("Point (45.00000, -100.00000) is outside the met grid", "20190530_06-11_hrrr",
          "2019-05-30T07:00:00Z", "variable PBLH");
      assertThatThrownBy(() -> met.bracket(Instant.parse("2019-05-30T12:30:00Z")))
          .isInstanceOf(MetCoverageException.class)
          .hasMessageContaining("outside the meteorology (12 periods from 2019-05-30T00:00:00Z to 2019-05-30T11:00:00Z every 60 min)");
      MetDataset.Bracket br = met.bracket(Instant.parse("2019-05-30T05:45:00Z"));
      assertThat(br.before()).isEqualTo(5);
      assertThat(br.after()).isEqualTo(6);
      assertThat(br.fraction()).isEqualTo(0.75);
    }
  }

  @Test
  void notArlAndMissingFiles() throws IOException {
    Path text = dir.resolve("notes.txt");
    Files.writeString(text, "this is not meteorology ".repeat(20));
    MetException e = catchThrowableOfType(MetFormatException.class, () -> ArlFile.open(text));
    assertThat(e.getMessage()).contains("Not an ARL meteorology file", "not an INDX index record", text.toString());
    assertThat(ArlFile.probe(text)).isInstanceOf(ArlProbe.Rejected.class);
    assertThatThrownBy(() -> ArlFile.open(dir.resolve("nope")))
        .isInstanceOf(MetFormatException.class)
        .hasMessageContaining("Meteorology file not found");
    Path shortFile = dir.resolve("short");
    Files.write(shortFile, new byte[100]);
    assertThatThrownBy(() -> ArlFile.open(shortFile)).hasMessageContaining("too short");
  }

  @Test
  void filesOnDifferentGridsCannotFormOneDataset() {
    ArlGrid g1 = ArlTestFiles.latLonGrid("TEST", 12, 10, 2);
    ArlGrid g2 = ArlTestFiles.latLonGrid("TEST", 13, 10, 2);
    Path a = dir.resolve("g1");
    Path b = dir.resolve("g2");
    ArlTestFiles.write(a, g1, 2, Duration.ofHours(1));
    ArlTestFiles.write(b, g2, 2, Duration.ofHours(1));
    assertThatThrownBy(() -> MetDataset.open(List.of(a, b)))
        .isInstanceOf(MetFormatException.class)
        .hasMessageContaining("grid 13 x 10 instead of 12 x 10")
        .hasMessageContaining(b.toString());
  }
}
