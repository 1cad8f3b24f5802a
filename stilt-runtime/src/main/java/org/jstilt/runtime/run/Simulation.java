package org.jstilt.runtime.run;

import java.util.List;
import java.util.Objects;
import org.jstilt.core.id.MetId;
import org.jstilt.core.id.SimulationId;
import org.jstilt.core.receptor.Receptor;
import org.jstilt.core.receptor.ReceptorJson;
import org.jstilt.runtime.registry.SimulationSpec;

/**
 * One simulation: a receptor run through one met stream.
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

  /** The met stream. */
  public MetId met() {
    return id.met();
  }

  /**
   * What the registry needs to register this simulation.
   *
   * @param engine the engine name ({@code native}, {@code hysplit})
   * @param footprintNames the configured footprint names (see {@link ProjectLayout#requiredFootprints})
   * @param scene a scene label, or {@code null}
   */
  public SimulationSpec toSpec(String engine, List<String> footprintNames, String scene) {
    return new SimulationSpec(id, ReceptorJson.toJson(receptor), scene, engine, footprintNames);
  }

  @Override
  public String toString() {
    return id.toString();
  }
}
