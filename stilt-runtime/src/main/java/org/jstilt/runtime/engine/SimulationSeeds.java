package org.jstilt.runtime.engine;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import org.jstilt.core.id.SimulationId;
import org.jstilt.core.transport.RunKind;

/**
 * The native engine's seed for one run of one simulation, derived from the project's {@code transport.seed}.
 *
 * <p>Rule (stable, documented in the stilt-runtime README so other tools can reproduce it): the first 8 bytes,
 * big-endian, of SHA-256 over the UTF-8 text {@code <transport.seed>/<sim_id>/<main|error>}, e.g.
 * {@code 42/hrrr_201905301100_-111.85_40.77_5/main}. Why not the global seed itself: every simulation would
 * then draw the same random numbers, so neighbouring receptors' particle clouds would be correlated; why a
 * hash of the id rather than the simulation's position in the plan: the seed must not change when receptors
 * are added, removed or run in another order or on another worker.
 */
public final class SimulationSeeds {
  private SimulationSeeds() {}

  /** The seed of {@code kind}'s run of simulation {@code id} under project seed {@code projectSeed}. */
  public static long derive(long projectSeed, SimulationId id, RunKind kind) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    String text = projectSeed + "/" + id + "/" + kind.label();
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(h, 0, Long.BYTES).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }
}
