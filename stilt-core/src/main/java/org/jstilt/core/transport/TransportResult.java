package org.jstilt.core.transport;

import java.util.Objects;
import org.jstilt.core.particle.ParticleEnsemble;

/**
 * What a transport run produced.
 *
 * @param particles the raw particle table: one row per particle per output step, the {@code varsiwant}
 *     columns in order, before release heights ({@code xhgt}) and hnf_plume are applied; never empty (an
 *     engine that produced no rows throws a {@link TransportException} with
 *     {@link FailureReason#NO_TRAJECTORY_DATA})
 * @param summary one line for stilt.log and the CLI, e.g. the seed a native run drew
 */
public record TransportResult(ParticleEnsemble particles, String summary) {
  public TransportResult {
    Objects.requireNonNull(particles, "particles");
    Objects.requireNonNull(summary, "summary");
  }
}
