package org.jstilt.core.id;

import java.util.Objects;
import java.util.regex.Pattern;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;
import org.jstilt.core.receptor.Receptor;

/**
 * A simulation's identity: {@code {met}_{receptor id}} (PYSTILT {@code SimID}), e.g.
 * {@code hrrr_202301011200_-111.85_40.77_5}. The canonical string names the simulation's directory, its
 * output files and its registry row; ids sort as their strings (met, then time), as PYSTILT's queue does.
 */
public record SimulationId(MetId met, ReceptorId receptor) implements Comparable<SimulationId> {
  private static final Pattern FORM = Pattern.compile("[a-z0-9]+_\\d{12}_.+", Pattern.DOTALL);

  public SimulationId {
    Objects.requireNonNull(met, "met");
    Objects.requireNonNull(receptor, "receptor");
  }

  /** The simulation of {@code receptor} on met stream {@code met}. */
  public static SimulationId of(MetId met, Receptor receptor) {
    return new SimulationId(met, ReceptorId.of(receptor));
  }

  /** The simulation of {@code receptor} on met stream {@code met} (checked as a {@link MetId}). */
  public static SimulationId of(String met, Receptor receptor) {
    return of(new MetId(met), receptor);
  }

  /**
   * Parses {@code met_YYYYMMDDHHMM_location}, splitting at the first {@code _} as PYSTILT does.
   *
   * @throws StiltException ({@link ErrorCode#INPUT}) with the expected form
   */
  public static SimulationId parse(String text) {
    if (text == null || !FORM.matcher(text).matches()) {
      throw new StiltException(ErrorCode.INPUT, "invalid simulation id '" + text
          + "': expected '{met}_{YYYYMMDDHHMM}_{location}', e.g. hrrr_202301011200_-111.85_40.77_5");
    }
    int cut = text.indexOf('_');
    try {
      return new SimulationId(new MetId(text.substring(0, cut)), ReceptorId.parse(text.substring(cut + 1)));
    } catch (StiltException e) {
      throw new StiltException(ErrorCode.INPUT, "invalid simulation id '" + text + "' (expected e.g. "
          + "hrrr_202301011200_-111.85_40.77_5): " + e.getMessage(), e);
    }
  }

  @Override
  public int compareTo(SimulationId o) {
    return toString().compareTo(o.toString());
  }

  @Override
  public String toString() {
    return met.name() + "_" + receptor;
  }
}
