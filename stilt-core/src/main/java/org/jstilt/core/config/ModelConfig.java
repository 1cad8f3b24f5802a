package org.jstilt.core.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jstilt.core.footprint.GridSpec;
import org.jstilt.core.id.MetId;

/**
 * A whole {@code config.yaml} (PYSTILT {@code ModelConfig}, PYSTILT.md §3.1): the run parameters (flat at
 * the top level of the file), the met streams, the named footprints (grids already resolved from
 * {@code grids:} references and shorthand), the named grids, execution, {@code skip_existing}, and
 * JSTILT's {@code transport:} block.
 *
 * <p>Valid when there is at least one met stream and footprint names are usable in file names
 * ({@code [A-Za-z0-9][A-Za-z0-9_.-]*}, or empty as PYSTILT allows) without one footprint's
 * {@code <name>_error} output colliding with another footprint.
 */
public record ModelConfig(
    StiltParams params,
    Map<MetId, MetConfig> mets,
    Map<String, FootprintConfig> footprints,
    Map<String, GridSpec> grids,
    ExecutionConfig execution,
    boolean skipExisting,
    TransportConfig transport) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

  public ModelConfig {
    Objects.requireNonNull(params, "params");
    Objects.requireNonNull(execution, "execution");
    Objects.requireNonNull(transport, "transport");
    mets = Collections.unmodifiableMap(new LinkedHashMap<>(mets));
    footprints = Collections.unmodifiableMap(new LinkedHashMap<>(footprints));
    grids = Collections.unmodifiableMap(new LinkedHashMap<>(grids));
    List<ConfigProblem> all = new ArrayList<>(problems(mets.isEmpty(), footprints));
    all.addAll(engineProblems(transport, params.model().varsiwant()));
    ConfigException.throwIfAny(all);
  }

  /** Particle variables the native engine does not compute (it would have to write a made-up value). */
  public static final List<String> NOT_NATIVE = List.of("dmas");

  /**
   * The checks between the transport engine and the run parameters: the native engine refuses the variables in
   * {@link #NOT_NATIVE} rather than write placeholders.
   */
  public static List<ConfigProblem> engineProblems(TransportConfig transport, List<String> varsiwant) {
    List<ConfigProblem> p = new ArrayList<>();
    if (transport.engine() == TransportConfig.Engine.NATIVE) {
      for (String v : varsiwant) {
        if (NOT_NATIVE.contains(v)) {
          p.add(ConfigProblem.at("varsiwant", "'" + v + "' (the mass-violation weight) is not computed by the native "
              + "engine; remove it from varsiwant or set transport.engine: hysplit"));
        }
      }
    }
    return p;
  }

  /** The checks across entries, with paths (for the loader, which has already checked each entry). */
  public static List<ConfigProblem> problems(boolean noMets, Map<String, FootprintConfig> footprints) {
    List<ConfigProblem> p = new ArrayList<>();
    if (noMets) {
      p.add(ConfigProblem.at("mets", "at least one met stream is required, e.g.\n"
          + "    mets:\n      hrrr:\n        directory: /data/hrrr\n        file_format: \"%Y%m%d_%H\"\n"
          + "        file_tres: 6h"));
    }
    Map<String, String> outputs = new HashMap<>();
    for (Map.Entry<String, FootprintConfig> e : footprints.entrySet()) {
      String name = e.getKey();
      if (!name.isEmpty() && !NAME.matcher(name).matches()) {
        p.add(ConfigProblem.at("footprints." + name, "footprint names become part of file names: use letters, "
            + "digits, '_', '.', '-' (starting with a letter or digit)"));
      }
      for (String out : e.getValue().outputNames(name)) {
        String other = outputs.putIfAbsent(out, name);
        if (other != null) {
          p.add(ConfigProblem.at("footprints." + name, "its output '" + out + "' collides with footprint '"
              + other + "' (an error footprint is named <name>_error); rename one"));
        }
      }
    }
    return p;
  }

  /** The met stream names in file order. */
  public List<MetId> metIds() {
    return List.copyOf(mets.keySet());
  }

  /**
   * Every footprint output name, including {@code <name>_error} ones, sorted (PYSTILT's
   * {@code foot_names}, as recorded in its manifest).
   */
  public List<String> footprintOutputNames() {
    List<String> names = new ArrayList<>();
    footprints.forEach((name, f) -> names.addAll(f.outputNames(name)));
    Collections.sort(names);
    return names;
  }
}
