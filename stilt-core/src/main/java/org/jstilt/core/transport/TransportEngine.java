package org.jstilt.core.transport;

/**
 * The seam between the runner and whatever moves the particles: the native Java engine or an external
 * hycs_std. Implementations take a {@link TransportRequest} and return the particle table hycs_std would
 * have written to {@code PARTICLE_STILT.DAT}; everything after that (release heights, hnf_plume,
 * footprints, files) is the runner's and identical for every engine.
 *
 * <p>Contract: a run either returns a non-empty particle table with exactly the {@code varsiwant}
 * columns, or throws a {@link TransportException} whose {@link FailureReason} says why (or another
 * {@link org.jstilt.core.StiltException} for bad input). An engine may write files only inside the
 * request's work directory and must leave no scratch files behind there other than its input files
 * (CONTROL, SETUP.CFG, ...) and what {@code rm_dat: false} asks to keep. Engines are stateless between
 * runs and safe to call from several threads for different work directories.
 */
public interface TransportEngine {
  /** A short name for logs and the registry: {@code native}, {@code hysplit}. */
  String name();

  /** Runs one transport run. */
  TransportResult run(TransportRequest request);
}
