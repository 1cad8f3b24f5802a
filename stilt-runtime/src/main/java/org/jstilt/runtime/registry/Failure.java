package org.jstilt.runtime.registry;

import java.util.Objects;
import java.util.regex.Pattern;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;

/**
 * Why an attempt failed: a category for grouping ({@code stilt status} lists the commonest), a message
 * for people, and whether trying again could help.
 *
 * @param category a short label {@code [a-z][a-z0-9_]*}, e.g. {@code missing_met_files},
 *     {@code met_coverage}, {@code timeout}, {@code lease_expired}
 * @param message what happened, for the person reading {@code stilt status}; cut to
 *     {@value #MAX_MESSAGE_LENGTH} characters
 * @param retryable {@code true} if another attempt may succeed (timeouts, I/O, a lost worker);
 *     {@code false} for failures that will repeat (bad config, missing met). A retryable failure below the
 *     attempt limit returns the simulation to {@code pending} after a back-off.
 */
public record Failure(String category, String message, boolean retryable) {
  /** Longest message stored. */
  public static final int MAX_MESSAGE_LENGTH = 4000;

  /** The worker stopped renewing its lease (killed, hung, or cut off from the registry). */
  public static final String LEASE_EXPIRED = "lease_expired";
  /** The worker process was found dead on its host while it held the lease. */
  public static final String WORKER_LOST = "worker_lost";

  private static final Pattern CATEGORY = Pattern.compile("[a-z][a-z0-9_]*");

  public Failure {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(message, "message");
    if (!CATEGORY.matcher(category).matches() || category.length() > 64) {
      throw new StiltException(
          ErrorCode.INTERNAL, "failure category '" + category + "' must match [a-z][a-z0-9_]* (at most 64 characters)");
    }
    if (message.length() > MAX_MESSAGE_LENGTH) {
      int cut = MAX_MESSAGE_LENGTH - 1;
      // Never split a surrogate pair: the stored text must stay valid UTF-16 (and UTF-8 in the database).
      if (Character.isHighSurrogate(message.charAt(cut - 1))) {
        cut--;
      }
      message = message.substring(0, cut) + "\u2026";
    }
  }

  /** A failure that will happen again if retried. */
  public static Failure permanent(String category, String message) {
    return new Failure(category, message, false);
  }

  /** A failure that another attempt may not repeat. */
  public static Failure retryable(String category, String message) {
    return new Failure(category, message, true);
  }
}
