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
import org.jstilt.core.particle.ParticleEnsemble;
import org.jstilt.core.receptor.PointReceptor;
import org.jstilt.core.testing.HysplitCase;
import org.jstilt.core.testing.SharedData;
import org.jstilt.core.transport.FailureReason;
import org.jstilt.core.transport.RunKind;
import org.jstilt.core.transport.TransportException;
import org.jstilt.core.transport.TransportRequest;
import org.jstilt.core.transport.TransportResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine around stand-in executables: staging, inputs, output parsing, failure classification, clean-up. */
class HysplitEngineTest {
  @TempDir Path tmp;
  Path sim;
  Path log;
  List<Path> met;

  @BeforeEach
  void setUp() throws Exception {
    sim = tmp.resolve("simulations/by-id/hrrr_201905301100_-111.85_40.77_5");
    log = sim.resolve("stilt.log");
    Path metDir = Files.createDirectories(tmp.resolve("archive/2019"));
    met = List.of(Files.writeString(metDir.resolve("20190530_00-05_hrrr"), "x"),
        Files.writeString(metDir.resolve("20190530_06-11_hrrr"), "y"));
  }

  private TransportRequest request(StiltParams params, RunKind kind) {
    PointReceptor r = PointReceptor.agl(Instant.parse("2019-05-30T11:00:00Z"), -111.85, 40.77, 5);
    return new TransportRequest(r, params, met, sim, log, kind, OptionalLong.empty(), 1);
  }

  private static StiltParams nightParams() {
    return HysplitCase.load("night_a").params();
  }

  private HysplitEngine engine(String body, Duration timeout) {
    Path exe = FakeHycsStd.write(tmp.resolve("stilt/bin"), body);
    return new HysplitEngine(HysplitInstallation.locate(exe, Optional.empty()), timeout);
  }

  private void assertOnlyInputsAndLogLeft(String... extra) throws Exception {
    try (Stream<Path> s = Files.list(sim)) {
      assertThat(s.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactlyInAnyOrder(Stream.concat(Stream.of("CONTROL", "SETUP.CFG", "stilt.log"), Stream.of(extra))
              .toArray(String[]::new));
    }
  }

  @Test
  void replaysReferenceParticlesAndCleansUp() throws Exception {
    Path ref = SharedData.reference().resolve("hysplit/night_a/PARTICLE_STILT.DAT.gz");
    HysplitEngine e = engine(FakeHycsStd.replay(ref), Duration.ofMinutes(5));
    TransportResult r = e.run(request(nightParams(), RunKind.MAIN));
    ParticleEnsemble expected = ParticleDatReader.read(ref, nightParams().model().varsiwant()).particles();
    assertThat(r.particles().columnNames()).isEqualTo(nightParams().model().varsiwant());
    assertThat(r.particles().size()).isEqualTo(expected.size()).isGreaterThan(100_000);
    for (String c : expected.columnNames()) {
      assertThat(r.particles().column(c)).as(c).isEqualTo(expected.column(c));
    }
    assertThat(r.summary()).contains("hycs_std main run", expected.size() + " particle rows");
    // CONTROL lists the staged met links; SETUP.CFG is R-STILT's.
    String control = Files.readString(sim.resolve("CONTROL"));
    assertThat(control).contains("\n2\n./met/ \n20190530_00-05_hrrr\n./met/ \n20190530_06-11_hrrr\n");
    assertThat(Files.readString(sim.resolve("SETUP.CFG")))
        .isEqualTo(Files.readString(SharedData.reference().resolve("hysplit/night_a/SETUP.CFG")));
    assertThat(Files.readString(log)).contains("HYSPLIT version: fake", "Complete Hysplit");
    assertOnlyInputsAndLogLeft();
  }

  @Test
  void keepsParticleFileWhenRmDatIsFalse() throws Exception {
    Path ref = SharedData.reference().resolve("hysplit/meantraj_100/PARTICLE_STILT.DAT.gz");
    StiltParams p = HysplitCase.load("meantraj_100").params().with(HysplitParameter.RM_DAT, false);
    engine(FakeHycsStd.replay(ref), Duration.ofMinutes(5)).run(request(p, RunKind.MAIN));
    assertOnlyInputsAndLogLeft("PARTICLE_STILT.DAT");
  }

  @Test
  void fortranCrashIsClassifiedByItsPhrase() throws Exception {
    HysplitEngine e = engine(FakeHycsStd.FORTRAN_CRASH, Duration.ofMinutes(5));
    assertThatThrownBy(() -> e.run(request(nightParams(), RunKind.MAIN)))
        .isInstanceOfSatisfying(TransportException.class,
            x -> assertThat(x.reason()).isEqualTo(FailureReason.FORTRAN_RUNTIME_ERROR))
        .hasMessageContaining("Fortran runtime error: Index 0");
    assertOnlyInputsAndLogLeft();
  }

  @Test
  void silentCrashIsCrashedWithTheSignal() throws Exception {
    HysplitEngine e = engine(FakeHycsStd.SILENT_CRASH, Duration.ofMinutes(5));
    assertThatThrownBy(() -> e.run(request(nightParams(), RunKind.MAIN)))
        .isInstanceOfSatisfying(TransportException.class, x -> assertThat(x.reason()).isEqualTo(FailureReason.CRASHED))
        .hasMessageContaining("exited with status 139 (signal 11)");
    assertOnlyInputsAndLogLeft();
  }

  @Test
  void hangIsKilledAtTheTimeout() throws Exception {
    HysplitEngine e = engine(FakeHycsStd.HANG, Duration.ofSeconds(1));
    assertThatThrownBy(() -> e.run(request(nightParams(), RunKind.MAIN)))
        .isInstanceOfSatisfying(TransportException.class, x -> assertThat(x.reason()).isEqualTo(FailureReason.TIMEOUT))
        .hasMessageContaining("did not finish within 1 s and was killed");
    assertOnlyInputsAndLogLeft();
  }

  @Test
  void noParticleFile() throws Exception {
    HysplitEngine e = engine(FakeHycsStd.WRITES_NOTHING, Duration.ofMinutes(5));
    assertThatThrownBy(() -> e.run(request(nightParams(), RunKind.MAIN)))
        .isInstanceOfSatisfying(TransportException.class,
            x -> assertThat(x.reason()).isEqualTo(FailureReason.NO_PARTICLE_OUTPUT));
    assertThat(Files.readString(log)).contains("Failed to output " + sim.toAbsolutePath().resolve("PARTICLE_STILT.DAT"));
    assertOnlyInputsAndLogLeft();
  }

  @Test
  void headerOnlyParticleFile() throws Exception {
    HysplitEngine e = engine(FakeHycsStd.HEADER_ONLY, Duration.ofMinutes(5));
    assertThatThrownBy(() -> e.run(request(nightParams(), RunKind.MAIN)))
        .isInstanceOfSatisfying(TransportException.class,
            x -> assertThat(x.reason()).isEqualTo(FailureReason.NO_TRAJECTORY_DATA));
    // The log line PYSTILT's classifier recognises.
    assertThat(FailureReason.classify(Files.readString(log))).isEqualTo(FailureReason.NO_TRAJECTORY_DATA);
    assertOnlyInputsAndLogLeft();
  }

  @Test
  void offGridIsMetCoverageAndMessageTailIsKept() throws Exception {
    HysplitEngine e = engine(FakeHycsStd.OFF_GRID, Duration.ofMinutes(5));
    assertThatThrownBy(() -> e.run(request(nightParams(), RunKind.MAIN)))
        .isInstanceOfSatisfying(TransportException.class,
            x -> assertThat(x.reason()).isEqualTo(FailureReason.MET_COVERAGE))
        .hasMessageContaining("all source points off all meteo grids");
    assertThat(Files.readString(log)).contains("--- hycs_std MESSAGE (last 1 lines) ---",
        "WARNING main: source point off grid");
    assertOnlyInputsAndLogLeft();
  }

  @Test
  void errorRunWritesWinderrZierrAndWinderrtf() throws Exception {
    Path ref = SharedData.reference().resolve("hysplit/meantraj_100/PARTICLE_STILT.DAT.gz");
    StiltParams p = HysplitCase.load("meantraj_100").params().toBuilder()
        .set(HysplitParameter.SIGUVERR, 1.0).set(HysplitParameter.TLUVERR, 60.0)
        .set(HysplitParameter.ZCORUVERR, 500.0).set(HysplitParameter.HORCORUVERR, 40.0)
        .set(HysplitParameter.SIGZIERR, 0.2).set(HysplitParameter.TLZIERR, 60.0)
        .set(HysplitParameter.HORCORZIERR, 40.5).build();
    HysplitEngine e = engine(FakeHycsStd.replay(ref), Duration.ofMinutes(5));
    e.run(request(p, RunKind.MAIN));
    assertThat(Files.readString(sim.resolve("SETUP.CFG"))).contains("\nWINDERRTF=0,\n");
    assertThat(sim.resolve("WINDERR")).doesNotExist();
    e.run(request(p, RunKind.ERROR));
    assertThat(Files.readString(sim.resolve("SETUP.CFG"))).contains("\nWINDERRTF=3,\n");
    // R's as.character: 1.0 -> "1", 40.5 -> "40.5".
    assertThat(Files.readString(sim.resolve("WINDERR"))).isEqualTo("1\n60\n500\n40\n");
    assertThat(Files.readString(sim.resolve("ZIERR"))).isEqualTo("0.2\n60\n40.5\n");
    assertOnlyInputsAndLogLeft("WINDERR", "ZIERR");
  }

  @Test
  void zicontrolIsWrittenOnlyWhenEnabled() throws Exception {
    Path ref = SharedData.reference().resolve("hysplit/meantraj_100/PARTICLE_STILT.DAT.gz");
    StiltParams base = HysplitCase.load("meantraj_100").params();
    StiltParams on = base.toBuilder().set(HysplitParameter.ZICONTROLTF, 1)
        .set(HysplitParameter.ZISCALE, new org.jstilt.core.config.ZiScale.Constant(0.8)).build();
    HysplitEngine e = engine(FakeHycsStd.replay(ref), Duration.ofMinutes(5));
    e.run(request(on, RunKind.MAIN));
    // meantraj_100 runs 6 h back: six hourly factors.
    assertThat(Files.readString(sim.resolve("ZICONTROL"))).isEqualTo("6\n0.8\n0.8\n0.8\n0.8\n0.8\n0.8\n");
    assertThat(Files.readString(sim.resolve("SETUP.CFG"))).contains("\nZICONTROLTF=1,\n");
    e.run(request(base, RunKind.MAIN));
    assertThat(sim.resolve("ZICONTROL")).doesNotExist();
  }
}
