package org.jstilt.met.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import org.jstilt.core.testing.SharedData;
import org.jstilt.met.MetCoverageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PYSTILT.md §4.4 case by case. */
class MetArchiveTest {
  private static final Duration SIX_H = Duration.ofHours(6);

  @TempDir Path dir;

  private static Instant t(String iso) {
    return Instant.parse(iso);
  }

  @Test
  void backwardRunIncludesTheFileAfterTheReceptor() {
    MetArchive a = new MetArchive(SharedData.hrrrMet(), "%Y%m%d_%H", SIX_H, 1);
    // receptor 11Z, 6 h back: 05Z..11Z -> files 00Z, 06Z and (ceil) 12Z
    assertThat(a.patterns(t("2019-05-30T11:00:00Z"), -6)).containsExactly("20190530_00", "20190530_06", "20190530_12");
    MetArchive.Selection s = a.requiredFiles(t("2019-05-30T11:00:00Z"), -6);
    assertThat(s.files()).extracting(p -> p.getFileName().toString()).containsExactly("20190530_00-05_hrrr", "20190530_06-11_hrrr");
    assertThat(s.missingPatterns()).containsExactly("20190530_12");
    // on a file boundary the ceiling is the time itself
    assertThat(a.patterns(t("2019-05-30T12:00:00Z"), -6)).containsExactly("20190530_06", "20190530_12");
  }

  @Test
  void forwardRunStopsAtItsEnd() {
    MetArchive a = new MetArchive(SharedData.hrrrMet(), "%Y%m%d_%H", SIX_H, 1);
    assertThat(a.fileTimes(t("2019-05-30T00:00:00Z"), 3)).containsExactly(t("2019-05-30T00:00:00Z"));
    assertThat(a.fileTimes(t("2019-05-30T04:30:00Z"), 3)).containsExactly(t("2019-05-30T00:00:00Z"), t("2019-05-30T06:00:00Z"));
    assertThat(a.requiredFiles(t("2019-05-30T00:00:00Z"), 3).files()).hasSize(1);
  }

  @Test
  void tooFewFilesIsPystiltsErrorWordForWord() {
    MetArchive a = new MetArchive(SharedData.hrrrMet(), "%Y%m%d_%H", SIX_H, 3);
    assertThatThrownBy(() -> a.requiredFiles(t("2019-05-30T11:00:00Z"), -6))
        .isInstanceOf(MetCoverageException.class)
        .hasMessage("Insufficient number of meteorological files found. Found: 2, Required: 3. Patterns not found in "
            + SharedData.hrrrMet().toAbsolutePath().normalize() + ": 20190530_12.");
    MetArchive none = new MetArchive(SharedData.hrrrMet(), "%Y%m%d_%H", Duration.ofHours(1), 1);
    // at most three missing patterns are listed
    assertThatThrownBy(() -> none.requiredFiles(t("2020-01-01T06:00:00Z"), -6))
        .hasMessage("Insufficient number of meteorological files found. Found: 0, Required: 1. Patterns not found in "
            + SharedData.hrrrMet().toAbsolutePath().normalize() + ": 20200101_00, 20200101_01, 20200101_02.");
  }

  @Test
  void recursiveSearchSymlinksLocksAndDuplicates() throws IOException {
    Path sub = Files.createDirectories(dir.resolve("2019/05"));
    Path real = Files.writeString(sub.resolve("hrrr_20190530_00.arl"), "x");
    Files.writeString(sub.resolve("hrrr_20190530_06.arl"), "x");
    Files.writeString(sub.resolve("hrrr_20190530_06.arl.lock"), "x");
    Files.writeString(sub.resolve("hrrr_20190530_06.arl~"), "x");
    Files.createSymbolicLink(dir.resolve("hrrr_20190530_00.link"), real); // same file twice
    Files.createDirectories(dir.resolve("hrrr_20190530_12.dir")); // directories never match
    MetArchive a = new MetArchive(dir, "hrrr_%Y%m%d_%H", SIX_H, 1);
    MetArchive.Selection s = a.requiredFiles(t("2019-05-30T11:00:00Z"), -6);
    assertThat(s.files()).containsExactly(real.toRealPath(), sub.resolve("hrrr_20190530_06.arl").toRealPath());
    assertThat(s.missingPatterns()).containsExactly("hrrr_20190530_12");
    // a format with a directory part matches below any directory ending that way
    MetArchive nested = new MetArchive(dir, "%Y/%m/hrrr_%Y%m%d_%H", SIX_H, 2);
    assertThat(nested.requiredFiles(t("2019-05-30T11:00:00Z"), -6).files()).hasSize(2);
  }

  @Test
  void fileTimesFollowPandasFloorFromTheEpoch() {
    MetArchive daily = new MetArchive(dir, "%Y%m%d", Duration.ofDays(1), 1);
    assertThat(daily.fileTimes(t("2019-05-30T02:00:00Z"), -24))
        .containsExactly(t("2019-05-29T00:00:00Z"), t("2019-05-30T00:00:00Z"), t("2019-05-31T00:00:00Z"));
    MetArchive fiveHours = new MetArchive(dir, "%Y%m%d_%H", Duration.ofHours(5), 1);
    // 2019-05-30T00:00Z is 433 104 h after the epoch; the multiple of 5 h below is 433 100 h = 2019-05-29T20:00Z
    assertThat(fiveHours.fileTimes(t("2019-05-30T00:00:00Z"), 1)).containsExactly(t("2019-05-29T20:00:00Z"), t("2019-05-30T01:00:00Z"));
    assertThat(new MetArchive(Path.of("~/met"), "%Y", SIX_H, 1).directory())
        .isEqualTo(Path.of(System.getProperty("user.home"), "met").toAbsolutePath().normalize());
  }

  @Test
  void strftimeAsPython() {
    LocalDateTime t = LocalDateTime.of(2019, 5, 3, 7, 5, 9);
    assertThat(Strftime.format("%Y%m%d_%H", t)).isEqualTo("20190503_07");
    assertThat(Strftime.format("gdas1.%b%y.w1", t)).isEqualTo("gdas1.May19.w1");
    assertThat(Strftime.format("%j|%M%S|%B|%a|%A|%p|100%%", t)).isEqualTo("123|0509|May|Fri|Friday|AM|100%");
    assertThatThrownBy(() -> Strftime.format("%Q", t)).hasMessageContaining("%Q");
    assertThatThrownBy(() -> Strftime.format("abc%", t)).hasMessageContaining("lone '%'");
  }
}
