package org.jstilt.hysplit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.jstilt.core.config.HysplitParameter;
import org.jstilt.core.config.StiltParams;
import org.jstilt.core.receptor.PointReceptor;
import org.jstilt.core.testing.HysplitCase;
import org.jstilt.core.testing.SharedData;
import org.jstilt.core.transport.FailureReason;
import org.jstilt.core.transport.RunKind;
import org.jstilt.core.transport.TransportException;
import org.jstilt.core.transport.TransportRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the real hycs_std fails, and that the engine names each failure right (needs {@code STILT_HYSPLIT_EXE};
 * skipped otherwise). Each run stops within a second.
 */
class HycsStdFailuresTest {
  @TempDir Path tmp;

  private TransportException fail(PointReceptor receptor, List<Path> met) {
    HysplitEngine e = new HysplitEngine(HysplitInstallation.locate(RealHycsStd.executable(), Optional.empty()),
        Duration.ofMinutes(2));
    StiltParams p = HysplitCase.load("meantraj_100").params().with(HysplitParameter.N_HOURS, -1);
    Path sim = tmp.resolve("sim");
    TransportRequest req = new TransportRequest(receptor, p, met, sim, sim.resolve("stilt.log"), RunKind.MAIN,
        OptionalLong.empty(), 1);
    try {
      e.run(req);
    } catch (TransportException x) {
      return x;
    }
    throw new AssertionError("hycs_std did not fail");
  }

  private static List<Path> hrrr() {
    return List.of(SharedData.hrrrMet().resolve("20190530_00-05_hrrr"), SharedData.hrrrMet().resolve("20190530_06-11_hrrr"));
  }

  private void assertOnlyInputsAndLog() throws Exception {
    try (Stream<Path> s = Files.list(tmp.resolve("sim"))) {
      assertThat(s.map(p -> p.getFileName().toString()).toList())
          .containsExactlyInAnyOrder("CONTROL", "SETUP.CFG", "stilt.log");
    }
  }

  @Test
  void receptorOutsideTheMetGrid() throws Exception {
    TransportException x = fail(PointReceptor.agl(Instant.parse("2019-05-30T06:00:00Z"), -90, 30, 100), hrrr());
    assertThat(x.reason()).isEqualTo(FailureReason.MET_COVERAGE);
    assertThat(x).hasMessageContaining("all source points off all meteo grids");
    assertThat(Files.readString(tmp.resolve("sim/stilt.log"))).contains("--- hycs_std MESSAGE", "source point off grid");
    assertOnlyInputsAndLog();
  }

  @Test
  void receptorTimeOutsideTheMet() throws Exception {
    TransportException x = fail(PointReceptor.agl(Instant.parse("2019-06-30T06:00:00Z"), -111.85, 40.77, 100), hrrr());
    assertThat(x.reason()).isEqualTo(FailureReason.MET_COVERAGE);
    assertThat(x).hasMessageContaining("start point not within (x,y,t) any data file");
    assertOnlyInputsAndLog();
  }

  @Test
  void metFileThatIsNotThere() throws Exception {
    TransportException x = fail(PointReceptor.agl(Instant.parse("2019-05-30T06:00:00Z"), -111.85, 40.77, 100),
        List.of(SharedData.hrrrMet().resolve("20190530_00-05_hrrr"), tmp.resolve("gone/20190530_06-11_hrrr")));
    assertThat(x.reason()).isEqualTo(FailureReason.MISSING_MET_FILES);
    assertThat(x).hasMessageContaining("Unable to find file: 20190530_06-11_hrrr");
    assertOnlyInputsAndLog();
  }
}
