package org.jstilt.runtime.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;
import org.jstilt.core.config.ErrorParams;
import org.jstilt.core.config.StiltParams;
import org.jstilt.core.particle.ParticleEnsemble;
import org.jstilt.core.transport.FailureReason;
import org.jstilt.core.transport.RunKind;
import org.jstilt.core.transport.TransportEngine;
import org.jstilt.core.transport.TransportException;
import org.jstilt.core.transport.TransportRequest;
import org.jstilt.core.transport.TransportResult;
import org.jstilt.transport.NativeTransportEngine;
import org.jstilt.transport.TransportParams;

/**
 * stilt-transport's {@link NativeTransportEngine} behind the core {@link TransportEngine} seam
 * ({@code transport.engine: native}, the default).
 *
 * <p>Translates the request: {@code n_hours}, {@code numpar}, {@code varsiwant}, the met files, and the physics
 * the native engine implements ({@code kmix0}, {@code kmixd}, {@code veght}, {@code tlfrac}, {@code hscale},
 * {@code delt}, {@code nturb}, {@code z_top}, {@code w_option}, ZICONTROL factors when {@code zicontroltf} is 1,
 * WINDERR/ZIERR for the error run, {@code outdt}). Settings the native engine cannot honour are refused by it
 * with the key named ({@link ErrorCode#CONFIG}); the other HYSPLIT-only namelist keys (puff/concentration
 * settings that do not affect STILT particles) are ignored.
 *
 * <p>The seed is the request's; when it has none a fresh one is drawn, and either way it is written to
 * stilt.log and the result summary so any run can be repeated. Writes nothing but that log line: the native
 * engine has no input files.
 */
public final class NativeEngineAdapter implements TransportEngine {
  private final NativeTransportEngine engine = new NativeTransportEngine();
  private final SecureRandom fresh = new SecureRandom();

  @Override
  public String name() {
    return "native";
  }

  @Override
  public TransportResult run(TransportRequest req) {
    long seed = req.seed().isPresent() ? req.seed().getAsLong() : fresh.nextLong();
    StiltParams p = req.params();
    org.jstilt.transport.TransportRequest nativeReq = new org.jstilt.transport.TransportRequest(
        req.receptor(), p.model().nHours(), p.model().numpar(), p.model().varsiwant(), physics(p, req.kind()),
        req.metFiles(), seed, req.threads());
    long start = System.nanoTime();
    ParticleEnsemble particles;
    NativeTransportEngine.RunSummary summary;
    try {
      org.jstilt.transport.EnsembleCollector sink = new org.jstilt.transport.EnsembleCollector();
      summary = engine.run(nativeReq, sink);
      particles = sink.ensemble();
    } catch (TransportException e) {
      throw e;
    } catch (StiltException e) {
      if (e.code() == ErrorCode.MET) {
        throw new TransportException(FailureReason.MET_COVERAGE, e.getMessage(), e);
      }
      throw e;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    String line = String.format(Locale.ROOT, "native %s run: seed %d, %d particle rows, %d steps, %d of %d particles on "
        + "the grid at the end, %d thread(s), %.1f s%s", req.kind().label(), seed, particles.size(), summary.steps(),
        summary.aliveAtEnd(), p.model().numpar(), req.threads(), seconds,
        summary.stopReason() == null ? "" : "; stopped early: " + summary.stopReason());
    appendLine(req.logFile(), line);
    if (particles.isEmpty()) {
      throw new TransportException(FailureReason.NO_TRAJECTORY_DATA, "the native engine produced no particle rows ("
          + (summary.stopReason() == null ? "no output step" : summary.stopReason()) + "); see " + req.logFile());
    }
    return new TransportResult(particles, line);
  }

  /** The native engine's physics settings for a run of {@code kind}. */
  static TransportParams physics(StiltParams p, RunKind kind) {
    var t = p.transport();
    if (t.delt() == 0) {
      throw new StiltException(ErrorCode.CONFIG, "delt: 0 (HYSPLIT's automatic time step) is not supported by the "
          + "native engine; set delt to a whole number of minutes (R-STILT writes 1), or use transport.engine: hysplit");
    }
    List<Double> zi = t.zicontroltf() == 1 ? t.ziscale().factors(p.model().nHours()) : List.of();
    TransportParams.WindError wind = null;
    TransportParams.ZiError ziErr = null;
    if (kind == RunKind.ERROR) {
      ErrorParams e = p.error();
      if (e.windErrors()) {
        wind = new TransportParams.WindError(e.siguverr().getAsDouble(), e.tluverr().getAsDouble(),
            e.zcoruverr().getAsDouble(), e.horcoruverr().getAsDouble());
      }
      if (e.mixingHeightErrors()) {
        ziErr = new TransportParams.ZiError(e.sigzierr().getAsDouble(), e.tlzierr().getAsDouble(),
            e.horcorzierr().getAsDouble());
      }
    }
    return new TransportParams(t.kmix0(), t.kmixd(), t.veght(), t.tlfrac(), t.hscale(), t.delt(), t.nturb() == 0,
        t.zTop(), t.wOption(), zi, wind, ziErr, Math.max(t.outdt(), 0));
  }

  private static void appendLine(Path log, String line) {
    try {
      Files.createDirectories(log.toAbsolutePath().getParent());
      Files.writeString(log, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new StiltException(ErrorCode.STORAGE, "cannot append to " + log + ": " + e.getMessage(), e);
    }
  }
}
