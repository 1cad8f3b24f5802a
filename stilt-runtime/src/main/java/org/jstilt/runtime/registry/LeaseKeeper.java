package org.jstilt.runtime.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.jstilt.core.id.SimulationId;

/**
 * Renews the leases of the claims a worker is running, every {@link QueuePolicy#heartbeatInterval()},
 * on one daemon thread and in one transaction for all of them.
 *
 * <p>A claim whose lease turns out lost is dropped and handed to the {@code onLost} callback, which
 * should stop that simulation. A failed heartbeat (registry unreachable) is logged and tried again at the
 * next tick; the leases stay valid until they expire, so a short outage costs nothing.
 */
public final class LeaseKeeper implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);

  private final WorkQueue queue;
  private final Consumer<Claim> onLost;
  private final Map<SimulationId, Claim> held = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timer;

  /**
   * Starts the heartbeat.
   *
   * @param queue the registry the claims came from
   * @param onLost called (on the heartbeat thread) with each claim whose lease was lost
   */
  public LeaseKeeper(WorkQueue queue, Consumer<Claim> onLost) {
    this.queue = Objects.requireNonNull(queue, "queue");
    this.onLost = Objects.requireNonNull(onLost, "onLost");
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "jstilt-lease-keeper");
      t.setDaemon(true);
      return t;
    });
    long periodMs = Math.max(1, queue.policy().heartbeatInterval().toMillis());
    timer.scheduleWithFixedDelay(this::beat, periodMs, periodMs, TimeUnit.MILLISECONDS);
  }

  /** Keeps this claim's lease alive until {@link #forget} (call it before completing or failing it). */
  public void keep(Claim claim) {
    held.put(claim.id(), claim);
  }

  /** Stops renewing a claim. */
  public void forget(Claim claim) {
    held.remove(claim.id());
  }

  /** The claims currently kept alive. */
  public List<Claim> held() {
    return List.copyOf(held.values());
  }

  /** Renews all kept leases now; the timer calls this. */
  public void beat() {
    List<Claim> claims = new ArrayList<>(held.values());
    if (claims.isEmpty()) {
      return;
    }
    Set<SimulationId> lost;
    try {
      lost = queue.renewAll(claims);
    } catch (RuntimeException e) {
      LOG.warn("could not renew {} lease(s), will retry: {}", claims.size(), e.getMessage());
      return;
    }
    for (Claim c : claims) {
      if (lost.contains(c.id()) && held.remove(c.id(), c)) {
        try {
          onLost.accept(c);
        } catch (RuntimeException e) {
          LOG.error("lease-lost handler failed for {}", c.id(), e);
        }
      }
    }
  }

  /** Stops the heartbeat (the leases then run out unless completed). */
  @Override
  public void close() {
    timer.shutdownNow();
  }
}
