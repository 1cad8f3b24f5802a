package org.jstilt.runtime.registry;

import java.util.Objects;

/**
 * One line of "why did simulations fail": a failure category, how many failed simulations have it, and
 * the message of the most recent of them as an example.
 */
public record FailureSummary(String category, long count, String exampleMessage) {
  public FailureSummary {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(exampleMessage, "exampleMessage");
  }
}
