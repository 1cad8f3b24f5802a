package org.jstilt.transport;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;
import org.jstilt.core.particle.ParticleColumns;
import org.jstilt.core.receptor.AltitudeReference;
import org.jstilt.core.receptor.ColumnReceptor;
import org.jstilt.core.receptor.Receptor;

/**
 * One native transport run: what hycs_std's CONTROL and SETUP.CFG say, as a value.
 *
 * @param receptor where and when particles are released (a column releases along its line, equally spaced in
 *     index order; a multipoint in contiguous index blocks, one per point)
 * @param nHours run length in hours, negative backward
 * @param numpar number of particles
 * @param varsiwant output columns, in order (TRANSPORT.md §6 names)
 * @param params physics settings
 * @param metFiles ARL files covering the run
 * @param seed random seed; a seed gives identical output for any thread count
 * @param threads worker threads (≥ 1)
 */
public record TransportRequest(
    Receptor receptor,
    int nHours,
    int numpar,
    List<String> varsiwant,
    TransportParams params,
    List<Path> metFiles,
    long seed,
    int threads) {

  public TransportRequest {
    Objects.requireNonNull(receptor, "receptor");
    Objects.requireNonNull(params, "params");
    varsiwant = List.copyOf(varsiwant);
    metFiles = List.copyOf(metFiles);
    if (nHours == 0) {
      throw new StiltException(ErrorCode.CONFIG, "transport: n_hours must not be 0 (negative runs backward)");
    }
    if (numpar < 1) {
      throw new StiltException(ErrorCode.CONFIG, "transport: numpar must be >= 1, got " + numpar);
    }
    if (threads < 1) {
      throw new StiltException(ErrorCode.CONFIG, "transport: threads must be >= 1, got " + threads);
    }
    if (metFiles.isEmpty()) {
      throw new StiltException(ErrorCode.CONFIG, "transport: no met files given");
    }
    for (String v : varsiwant) {
      if (!ParticleColumns.VARSIWANT_ALLOWED.contains(v) && !v.equals("lhtf") && !v.equals("solw") && !v.equals("ptyp")) {
        throw new StiltException(ErrorCode.CONFIG,
            "transport: varsiwant column '" + v + "' is unknown; allowed: " + ParticleColumns.VARSIWANT_ALLOWED);
      }
    }
    if (receptor instanceof ColumnReceptor c && !(c.topM() >= c.bottomM())) {
      throw new StiltException(ErrorCode.INPUT, "transport: column receptor top " + c.topM() + " m is below its bottom " + c.bottomM() + " m");
    }
  }

  /** The release time truncated to the minute, as CONTROL's start time carries it. */
  public Instant releaseTime() {
    return receptor.time().truncatedTo(ChronoUnit.MINUTES);
  }

  /** True when receptor altitudes are above mean sea level. */
  public boolean altitudesMsl() {
    return receptor.altitudeRef() == AltitudeReference.MSL;
  }

  /** R-STILT's default columns. */
  public static final List<String> DEFAULT_VARSIWANT =
      List.of("time", "indx", "long", "lati", "zagl", "foot", "mlht", "dens", "samt", "sigw", "tlgr");
}
