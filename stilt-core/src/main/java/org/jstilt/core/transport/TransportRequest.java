package org.jstilt.core.transport;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;
import org.jstilt.core.config.StiltParams;
import org.jstilt.core.receptor.Receptor;

/**
 * One transport run of one simulation, as a value: what R-STILT's {@code calc_trajectory} gets.
 *
 * @param receptor where and when particles are released
 * @param params every STILT/HYSPLIT parameter (run length, particle count, varsiwant, physics, errors)
 * @param metFiles the ARL files covering the run, as found by met discovery (at least one)
 * @param workDir the simulation's directory: the engine may write its input and scratch files here
 * @param logFile the simulation's {@code stilt.log}: the engine appends what it has to say (hycs_std's
 *     output, the native engine's summary), after the runner's {@code === main run ===} header
 * @param kind main or error run; an error run needs error parameters ({@link StiltParams#winderrtf()} &gt; 0)
 * @param seed random seed for engines that take one from outside (the native engine); empty means the
 *     engine draws a fresh one and reports it. hycs_std ignores this: its seed is {@code krand}/{@code seed}
 *     in {@link #params}
 * @param threads worker threads an engine may use (at least 1)
 */
public record TransportRequest(
    Receptor receptor,
    StiltParams params,
    List<Path> metFiles,
    Path workDir,
    Path logFile,
    RunKind kind,
    OptionalLong seed,
    int threads) {

  public TransportRequest {
    Objects.requireNonNull(receptor, "receptor");
    Objects.requireNonNull(params, "params");
    Objects.requireNonNull(workDir, "workDir");
    Objects.requireNonNull(logFile, "logFile");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(seed, "seed");
    metFiles = List.copyOf(metFiles);
    if (metFiles.isEmpty()) {
      throw new StiltException(ErrorCode.INTERNAL, "a transport request needs at least one met file");
    }
    if (threads < 1) {
      throw new StiltException(ErrorCode.INTERNAL, "a transport request needs at least 1 thread, got " + threads);
    }
    if (kind == RunKind.ERROR && params.winderrtf() == 0) {
      throw new StiltException(ErrorCode.INTERNAL,
          "an error run needs wind-error (siguverr...) or mixing-height-error (sigzierr...) parameters");
    }
  }

  /** The release time as the run sees it: the receptor time truncated to the minute (CONTROL has minutes). */
  public Instant releaseTime() {
    return receptor.time().truncatedTo(ChronoUnit.MINUTES);
  }

  /** {@code WINDERRTF} for this run: 0 for the main run, the configured 1/2/3 for the error run. */
  public int winderrtf() {
    return kind == RunKind.ERROR ? params.winderrtf() : 0;
  }

  /** A copy for the other kind of run. */
  public TransportRequest withKind(RunKind newKind) {
    return new TransportRequest(receptor, params, metFiles, workDir, logFile, newKind, seed, threads);
  }
}
