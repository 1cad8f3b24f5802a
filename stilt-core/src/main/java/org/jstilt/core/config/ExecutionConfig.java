package org.jstilt.core.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Where simulations run (PYSTILT's free-form {@code execution:} map, PYSTILT.md §3.5): {@code backend}
 * {@code local} (default), {@code slurm} or {@code kubernetes}, {@code n_workers}, and backend options.
 * For {@code slurm} every other key becomes an {@code #SBATCH --key=value} line and for {@code kubernetes}
 * part of the pod spec, so those keys are passed through as given; for {@code local} there are none, so
 * any other key is reported as unknown by the loader.
 *
 * @param backend {@code local}, {@code slurm} or {@code kubernetes}
 * @param nWorkers number of workers (at least 1); required by slurm; local defaults to 1
 * @param options every other key, in file order (values are String, Long, Double, Boolean, List, Map)
 */
public record ExecutionConfig(String backend, OptionalInt nWorkers, Map<String, Object> options) {
  /** The backends. */
  public static final List<String> BACKENDS = List.of("local", "slurm", "kubernetes");

  /** Local, one worker. */
  public static final ExecutionConfig LOCAL = new ExecutionConfig("local", OptionalInt.empty(), Map.of());

  public ExecutionConfig {
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(nWorkers, "nWorkers");
    options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    List<ConfigProblem> p = new ArrayList<>();
    if (!BACKENDS.contains(backend)) {
      p.add(ConfigProblem.at("backend", "unknown execution backend '" + backend + "'; use local, slurm or kubernetes"));
    }
    if (nWorkers.isPresent() && nWorkers.getAsInt() < 1) {
      p.add(ConfigProblem.at("n_workers", "must be at least 1, got " + nWorkers.getAsInt()));
    }
    if (backend.equals("slurm") && nWorkers.isEmpty()) {
      p.add(ConfigProblem.at("n_workers", "missing: the slurm backend needs n_workers (the number of array tasks)"));
    }
    if (backend.equals("kubernetes") && !options.containsKey("image")) {
      p.add(ConfigProblem.at("image", "missing: the kubernetes backend needs the worker container image"));
    }
    ConfigException.throwIfAny(p.stream().map(x -> x.under("execution")).toList());
  }

  /** Workers to use: {@code n_workers}, or 1. */
  public int workers() {
    return nWorkers.orElse(1);
  }
}
