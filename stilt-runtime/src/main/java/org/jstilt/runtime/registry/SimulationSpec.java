package org.jstilt.runtime.registry;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;
import org.jstilt.core.id.SimulationId;

/**
 * What registration needs to know about one simulation: the input to {@link Registry#register}.
 *
 * @param id the simulation id, {@code <met>_<receptor id>} (PYSTILT's SimID); it names the met stream
 * @param receptorJson the receptor as JSON (stored verbatim; the registry does not interpret it)
 * @param scene an optional scene label, or {@code null}
 * @param engine the transport engine that is to run it, e.g. {@code native} or {@code hysplit}
 * @param footprintNames the configured footprint names (may be empty for trajectory-only runs; the
 *     unnamed default footprint is {@code ""})
 */
public record SimulationSpec(
    SimulationId id, String receptorJson, String scene, String engine, List<String> footprintNames) {

  static final Pattern ENGINE = Pattern.compile("[a-z0-9][a-z0-9_-]*");
  static final Pattern FOOTPRINT_NAME = Pattern.compile("[A-Za-z0-9_.-]*");
  /** Longest scene label or footprint name the registry stores. */
  static final int MAX_NAME_LENGTH = 512;

  public SimulationSpec {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(receptorJson, "receptorJson");
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(footprintNames, "footprintNames");
    if (receptorJson.isBlank()) {
      throw new StiltException(ErrorCode.INPUT, "simulation " + id + ": receptor JSON is blank");
    }
    if (scene != null && (scene.isBlank() || scene.length() > MAX_NAME_LENGTH)) {
      throw new StiltException(
          ErrorCode.INPUT,
          "simulation " + id + ": scene label must be non-blank and at most " + MAX_NAME_LENGTH
              + " characters (use null for no scene)");
    }
    if (!ENGINE.matcher(engine).matches()) {
      throw new StiltException(
          ErrorCode.INPUT, "simulation " + id + ": engine name '" + engine + "' must match [a-z0-9][a-z0-9_-]*");
    }
    footprintNames = List.copyOf(footprintNames);
    Set<String> seen = new HashSet<>();
    for (String name : footprintNames) {
      if (!FOOTPRINT_NAME.matcher(name).matches() || name.length() > MAX_NAME_LENGTH) {
        throw new StiltException(
            ErrorCode.INPUT, "simulation " + id + ": footprint name '" + name + "' must match [A-Za-z0-9_.-]*");
      }
      if (!seen.add(name)) {
        throw new StiltException(
            ErrorCode.INPUT, "simulation " + id + ": footprint name '" + name + "' is listed twice");
      }
    }
  }

  /** The met stream name. */
  public String met() {
    return id.met().name();
  }
}
