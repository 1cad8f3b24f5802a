package org.jstilt.runtime.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jstilt.core.config.ModelConfig;
import org.jstilt.core.id.MetId;
import org.jstilt.core.id.SimulationId;
import org.jstilt.core.receptor.Receptor;

/**
 * The simulations a project defines: every receptor on every met stream (PYSTILT's registration pairs),
 * met streams in config order, receptors in file order within each.
 *
 * <p>Two receptors with the same id (ids have minute precision, so receptors that differ only in seconds
 * collide, as in PYSTILT) are one simulation: the first is kept and the collision is reported in
 * {@link #duplicates()} rather than silently running the same directory twice.
 *
 * @param simulations the simulations, each id once
 * @param duplicates one line per receptor dropped because its id was already taken
 */
public record SimulationPlan(List<Simulation> simulations, List<String> duplicates) {
  public SimulationPlan {
    simulations = List.copyOf(simulations);
    duplicates = List.copyOf(duplicates);
  }

  /** The plan for a project's inputs. */
  public static SimulationPlan of(ModelConfig config, List<Receptor> receptors) {
    Map<SimulationId, Simulation> byId = new LinkedHashMap<>();
    List<String> duplicates = new ArrayList<>();
    for (MetId met : config.metIds()) {
      for (int i = 0; i < receptors.size(); i++) {
        Simulation s = Simulation.of(met, receptors.get(i));
        Simulation first = byId.putIfAbsent(s.id(), s);
        if (first != null && met.equals(config.metIds().get(0))) {
          duplicates.add("receptor " + (i + 1) + " has the same simulation id as an earlier one (" + s.id()
              + "; ids keep minutes, not seconds): run once");
        }
      }
    }
    return new SimulationPlan(new ArrayList<>(byId.values()), duplicates);
  }

  /** The plan for a loaded project. */
  public static SimulationPlan of(Project project) {
    return of(project.config(), project.receptors());
  }

  /** The simulation with this id, if planned. */
  public java.util.Optional<Simulation> find(SimulationId id) {
    return simulations.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  /** Number of simulations. */
  public int size() {
    return simulations.size();
  }
}
