package org.jstilt.core.transport;

/**
 * Which of a simulation's transport runs this is: the main run, or the second run with perturbed winds
 * and/or mixing heights that writes the error trajectory (PYSTILT's {@code WINDERRTF > 0} run).
 */
public enum RunKind {
  MAIN("main"),
  ERROR("error");

  private final String label;

  RunKind(String label) {
    this.label = label;
  }

  /** {@code main} or {@code error}, as in the stilt.log headers ({@code === main run ===}). */
  public String label() {
    return label;
  }
}
