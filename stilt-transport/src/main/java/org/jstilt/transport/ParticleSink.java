package org.jstilt.transport;

import java.util.List;

/** Receives a run's particle rows one output step at a time (streaming: nothing is held by the engine). */
public interface ParticleSink {
  /** Called once before the first step with the output column names. */
  default void begin(List<String> columns) {}

  /** One output step; the arrays are reused after return. */
  void step(StepRows rows);

  /** Called once after the last step. */
  default void end() {}
}
