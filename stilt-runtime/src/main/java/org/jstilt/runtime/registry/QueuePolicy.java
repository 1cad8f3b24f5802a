package org.jstilt.runtime.registry;

import java.time.Duration;
import java.util.Objects;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;

/**
 * How the work queue treats leases and retries.
 *
 * @param leaseDuration how long a claim stays valid without a heartbeat; workers renew at a third of it
 *     ({@link #heartbeatInterval()}). A worker that dies loses its work to others after at most this long
 *     (at once on the same host, see {@link Registry#releaseDeadLocalWorkers})
 * @param maxAttempts how many claims a simulation gets; when the last one fails (or its lease expires) the
 *     simulation is {@code failed}
 * @param retryBackoff the wait before a retryable failure may be claimed again, doubled after each
 *     further attempt
 * @param maxRetryBackoff the longest wait between attempts
 */
public record QueuePolicy(Duration leaseDuration, int maxAttempts, Duration retryBackoff, Duration maxRetryBackoff) {

  /** Five-minute leases, three attempts, 30 s back-off doubling up to 10 min. */
  public static final QueuePolicy DEFAULT =
      new QueuePolicy(Duration.ofMinutes(5), 3, Duration.ofSeconds(30), Duration.ofMinutes(10));

  public QueuePolicy {
    Objects.requireNonNull(leaseDuration, "leaseDuration");
    Objects.requireNonNull(retryBackoff, "retryBackoff");
    Objects.requireNonNull(maxRetryBackoff, "maxRetryBackoff");
    if (leaseDuration.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new StiltException(ErrorCode.CONFIG, "lease duration must be at least 1 s, got " + leaseDuration);
    }
    if (maxAttempts < 1) {
      throw new StiltException(ErrorCode.CONFIG, "max attempts must be at least 1, got " + maxAttempts);
    }
    if (retryBackoff.isNegative() || maxRetryBackoff.compareTo(retryBackoff) < 0) {
      throw new StiltException(
          ErrorCode.CONFIG,
          "retry back-off must be >= 0 and <= its maximum, got " + retryBackoff + " and " + maxRetryBackoff);
    }
  }

  /** This policy with another lease duration. */
  public QueuePolicy withLeaseDuration(Duration d) {
    return new QueuePolicy(d, maxAttempts, retryBackoff, maxRetryBackoff);
  }

  /** This policy with another attempt limit. */
  public QueuePolicy withMaxAttempts(int n) {
    return new QueuePolicy(leaseDuration, n, retryBackoff, maxRetryBackoff);
  }

  /** This policy with another back-off (and the same maximum, raised if needed). */
  public QueuePolicy withRetryBackoff(Duration d) {
    return new QueuePolicy(leaseDuration, maxAttempts, d, maxRetryBackoff.compareTo(d) < 0 ? d : maxRetryBackoff);
  }

  /** How often a worker should renew its leases. */
  public Duration heartbeatInterval() {
    return leaseDuration.dividedBy(3);
  }

  /** The wait after the {@code attempts}-th attempt failed: back-off x 2^(attempts-1), capped. */
  public Duration backoffAfter(int attempts) {
    Duration d = retryBackoff;
    for (int i = 1; i < attempts && d.compareTo(maxRetryBackoff) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(maxRetryBackoff) > 0 ? maxRetryBackoff : d;
  }
}
