package org.jstilt.runtime.registry;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;

/**
 * Who holds a lease: a process on a host. The owner string {@code host/pid/start-epoch-ms} is stored with
 * the lease, so that a later process on the same host can tell that the holder is dead (its pid is gone,
 * or now belongs to a process that started at another time) and give the work back at once instead of
 * waiting for the lease to expire.
 *
 * @param host the host name
 * @param pid the process id
 * @param processStart when the process started; with the pid it identifies the process even after pid
 *     reuse
 */
public record WorkerIdentity(String host, long pid, Instant processStart) {
  public WorkerIdentity {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(processStart, "processStart");
    if (host.isBlank() || host.contains("/")) {
      throw new StiltException(ErrorCode.INTERNAL, "worker host '" + host + "' must be non-blank and contain no '/'");
    }
  }

  /** This process on this host. */
  public static WorkerIdentity current() {
    ProcessHandle self = ProcessHandle.current();
    return new WorkerIdentity(
        localHostName(), self.pid(), self.info().startInstant().orElse(Instant.EPOCH));
  }

  /** The stored form, {@code host/pid/start-epoch-ms}. */
  public String owner() {
    return host + "/" + pid + "/" + processStart.toEpochMilli();
  }

  /** Parses {@link #owner()}; empty if the text is not in that form (e.g. written by another tool). */
  public static Optional<WorkerIdentity> parseOwner(String owner) {
    int b = owner.lastIndexOf('/');
    int a = b > 0 ? owner.lastIndexOf('/', b - 1) : -1;
    if (a <= 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new WorkerIdentity(
              owner.substring(0, a),
              Long.parseLong(owner.substring(a + 1, b)),
              Instant.ofEpochMilli(Long.parseLong(owner.substring(b + 1)))));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * {@code true} if this identity names a process on {@code localHost} that no longer runs: its pid is
   * free, or taken by a process that started at a different time. Always {@code false} for other hosts,
   * which cannot be checked from here.
   */
  public boolean isDeadProcessOn(String localHost) {
    if (!host.equals(localHost)) {
      return false;
    }
    Optional<ProcessHandle> handle = ProcessHandle.of(pid);
    if (handle.isEmpty() || !handle.get().isAlive()) {
      return true;
    }
    Optional<Instant> start = handle.get().info().startInstant();
    // Start times are derived from clock ticks since boot; allow a second of rounding before calling it
    // a different process (a pid reused within the same second is not a realistic case).
    return start.isPresent()
        && !processStart.equals(Instant.EPOCH)
        && Math.abs(start.get().toEpochMilli() - processStart.toEpochMilli()) > 1000;
  }

  private static String localHostName() {
    try {
      String name = InetAddress.getLocalHost().getHostName();
      return name.isBlank() ? "localhost" : name.replace('/', '_');
    } catch (UnknownHostException e) {
      // getLocalHost fails when the host name does not resolve; the message starts with the name.
      String m = e.getMessage();
      int colon = m == null ? -1 : m.indexOf(':');
      return colon > 0 ? m.substring(0, colon).replace('/', '_') : "localhost";
    }
  }
}
