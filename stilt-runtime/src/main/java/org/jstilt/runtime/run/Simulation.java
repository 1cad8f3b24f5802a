package org.jstilt.runtime.run;

import java.util.Objects;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;
import org.jstilt.core.id.MetId;
import org.jstilt.core.id.SimulationId;
import org.jstilt.core.receptor.Receptor;
import org.jstilt.core.receptor.ReceptorJson;
import org.jstilt.runtime.registry.SimulationSpec;

/**
 * One simulation as the runner needs it: a receptor run through one met stream.
 *
 * @param id PYSTILT's simulation id, {@code <met>_<yyyymmddHHMM>_<location>}; also the directory name
 * @param receptor the receptor
 */
public record Simulation(SimulationId id, Receptor receptor) {
  public Simulation {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(receptor, "receptor");
  }

  /** The simulation of {@code receptor} on met stream {@code met}. */
  public static Simulation of(MetId met, Receptor receptor) {
    return new Simulation(SimulationId.of(met, receptor), receptor);
  }

  /**
   * The simulation a registry row or a plan entry describes ({@code Project.plan}, a claim's
   * {@code SimulationRecord}): its id and stored receptor JSON.
   *
   * @throws StiltException ({@link ErrorCode#REGISTRY}) when the JSON is not a receptor, or gives another id
   */
  public static Simulation of(SimulationId id, String receptorJson) {
    Receptor r;
    try {
      r = ReceptorJson.fromJson(receptorJson);
    } catch (RuntimeException e) {
      throw new StiltException(ErrorCode.REGISTRY, "simulation " + id + ": stored receptor is not readable ("
          + e.getMessage() + "); register the project again", e);
    }
    if (!SimulationId.of(id.met(), r).equals(id)) {
      throw new StiltException(ErrorCode.REGISTRY, "simulation " + id + ": stored receptor gives id "
          + SimulationId.of(id.met(), r) + "; register the project again");
    }
    return new Simulation(id, r);
  }

  /** The simulation a plan entry or registration describes. */
  public static Simulation of(SimulationSpec spec) {
    return of(spec.id(), spec.receptorJson());
  }

  /** The met stream. */
  public MetId met() {
    return id.met();
  }

  @Override
  public String toString() {
    return id.toString();
  }
}
