package org.jstilt.runtime.registry;

import java.time.Instant;
import java.util.Objects;

/**
 * The right of one worker to run one simulation until {@code expiresAt}, renewed by heartbeats.
 *
 * @param token a random token unique to this claim; every later update of the simulation by the worker
 *     must present it, so a worker whose lease was taken away cannot overwrite the new holder's work
 * @param owner the worker that holds it ({@link WorkerIdentity#owner()})
 * @param expiresAt when the lease lapses unless renewed
 */
public record Lease(String token, String owner, Instant expiresAt) {
  public Lease {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
