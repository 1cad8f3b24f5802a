package org.jstilt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jstilt.core.id.SimulationId;
import org.jstilt.runtime.registry.FootprintOutcome;
import org.jstilt.runtime.registry.SimulationState;
import org.jstilt.runtime.run.SimulationOutcome;
import org.junit.jupiter.api.Test;

class RunProgressTest {
  static final SimulationId A = SimulationId.parse("hrrr_202301011200_-111.85_40.77_5");
  static final SimulationId B = SimulationId.parse("hrrr_202301011300_-111.85_40.77_5");
  static final SimulationId C = SimulationId.parse("hrrr_202301011400_-111.85_40.77_5");

  static SimulationOutcome complete(SimulationId id) {
    return new SimulationOutcome.Completed(id, Map.of("slv", FootprintOutcome.written()), false, Duration.ofSeconds(2),
        Duration.ofSeconds(3), List.of());
  }

  static SimulationOutcome failed(SimulationId id) {
    return new SimulationOutcome.Failed(id, "met", Optional.empty(), "missing_met_files", "no files", false,
        Duration.ZERO);
  }

  @Test
  void plainLinesGiveEachSimulationAndRateAndEta() {
    StringWriter text = new StringWriter();
    AtomicLong nanos = new AtomicLong();
    RunProgress p = new RunProgress(new PrintWriter(text), null, Duration.ZERO, nanos::get);
    p.started(4, 2, 1);
    assertThat(p.progressLine()).isEqualTo(
        "Progress: 0/4 done (complete 0, complete-empty 0, failed 0)  0.0 sim/min  ETA unknown");
    nanos.set(Duration.ofSeconds(30).toNanos());
    p.finished(complete(A), SimulationState.COMPLETE);
    p.finished(failed(C), SimulationState.PENDING);   // will be retried: not done
    nanos.set(Duration.ofSeconds(60).toNanos());
    p.finished(failed(B), SimulationState.FAILED);
    // 2 done in 1 minute: 2 per minute, 2 left: one minute to go.
    assertThat(p.progressLine()).isEqualTo(
        "Progress: 2/4 done (complete 1, complete-empty 0, failed 1, retried 1)  2.0 sim/min  ETA 1m00s");
    p.close();
    assertThat(text.toString()).contains("Workers: 2 x 1 engine thread(s); 4 simulation(s) to run")
        .contains("[1/4] " + A + "  complete  3.0 s  (transport 2.0 s)  footprints: slv written")
        .contains(C + "  attempt failed, will be retried: missing_met_files: no files")
        .contains("[2/4] " + B + "  failed  missing_met_files [met]: no files")
        .endsWith("ETA 1m00s" + System.lineSeparator());
  }

  @Test
  void onATerminalABarGoesToStderrAndOnlyFailuresAreListed() {
    StringWriter text = new StringWriter();
    ByteArrayOutputStream bar = new ByteArrayOutputStream();
    RunProgress p = new RunProgress(new PrintWriter(text), new PrintStream(bar, true, StandardCharsets.UTF_8),
        Duration.ZERO, System::nanoTime);
    p.started(3, 1, 2);
    p.finished(complete(A), SimulationState.COMPLETE);
    p.finished(failed(B), SimulationState.FAILED);
    p.close();
    assertThat(text.toString()).doesNotContain(A + "  complete").contains(B + "  failed");
    assertThat(bar.toString(StandardCharsets.UTF_8)).contains("stilt run").contains("2/3").contains("sim/min");
  }

  @Test
  void durationsReadLikeAClock() {
    assertThat(RunProgress.duration(Duration.ofSeconds(42))).contains("42s");
    assertThat(RunProgress.duration(Duration.ofSeconds(605))).contains("10m05s");
    assertThat(RunProgress.duration(Duration.ofSeconds(3 * 3600 + 7 * 60 + 9))).contains("3h07m");
    assertThat(RunProgress.duration(Duration.ZERO)).isEmpty();
  }
}
