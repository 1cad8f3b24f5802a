package org.jstilt.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jstilt.core.receptor.AltitudeReference;
import org.jstilt.core.text.RFormat;

/**
 * The values of HYSPLIT's SETUP.CFG, ZICONTROL, WINDERR and ZIERR for one run, in R-STILT's order and text
 * (see {@link HysplitParameter} for the formatting rules). The HYSPLIT backend writes these lines to
 * files; nothing here touches a file.
 *
 * <p>A SETUP.CFG is {@code $SETUP}, then {@link Entry#line()} for each entry, then {@code $END}, each on its
 * own line; with R-STILT's defaults, {@code numpar 1000} and its 11 {@code varsiwant} variables this is
 * byte-identical to the reference run {@code night_a}.
 */
public final class HysplitNamelist {
  private HysplitNamelist() {}

  /** One {@code KEY=value,} line of SETUP.CFG. */
  public record Entry(String name, String value) {
    public Entry {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }

    /** {@code NAME=value,} */
    public String line() {
      return name + "=" + value + ",";
    }
  }

  /**
   * The SETUP.CFG entries for a run, in {@link HysplitParameter#SETUP_CFG_ORDER}.
   *
   * @param params the run parameters
   * @param altitudeRef the receptor's altitude reference, which decides {@code KMSL}
   * @param winderrtf 0 for the main run, {@link StiltParams#winderrtf()} for the error run
   * @throws ConfigException when {@code kmsl} is set and contradicts the receptor's reference (PYSTILT
   *     raises too: the release heights would be read in the wrong frame)
   */
  public static List<Entry> setup(StiltParams params, AltitudeReference altitudeRef, int winderrtf) {
    if (winderrtf < 0 || winderrtf > 3) {
      throw new IllegalArgumentException("WINDERRTF is 0..3, got " + winderrtf);
    }
    int kmsl = kmsl(params, altitudeRef);
    List<Entry> entries = new ArrayList<>();
    for (String name : HysplitParameter.SETUP_CFG_ORDER) {
      switch (name) {
        case "IVMAX" -> entries.add(new Entry(name, Integer.toString(params.model().varsiwant().size())));
        case "KMSL" -> entries.add(new Entry(name, Integer.toString(kmsl)));
        case "WINDERRTF" -> entries.add(new Entry(name, Integer.toString(winderrtf)));
        default -> {
          HysplitParameter p = HysplitParameter.valueOf(name);
          p.value(params).ifPresent(v -> entries.add(new Entry(name, p.format(v))));
        }
      }
    }
    return entries;
  }

  /** HYSPLIT's {@code KMSL} for a receptor: its altitude reference, unless {@code kmsl} is set (it must agree). */
  public static int kmsl(StiltParams params, AltitudeReference altitudeRef) {
    int fromReceptor = altitudeRef.kmsl();
    if (params.transport().kmsl().isPresent() && params.transport().kmsl().getAsInt() != fromReceptor) {
      throw ConfigException.at("kmsl", "kmsl: " + params.transport().kmsl().getAsInt()
          + " contradicts the receptor's altitude_ref " + altitudeRef.label() + " (which means kmsl " + fromReceptor
          + "); remove kmsl from config.yaml to follow each receptor");
    }
    return fromReceptor;
  }

  /**
   * ZICONTROL's lines (R-STILT {@code write_zicontrol}): the number of factors, then one factor per line,
   * through R's {@code as.character}. PYSTILT writes it only when {@code zicontroltf} is 1.
   */
  public static List<String> zicontrol(StiltParams params) {
    List<Double> factors = params.transport().ziscale().factors(params.model().nHours());
    List<String> lines = new ArrayList<>(factors.size() + 1);
    lines.add(Integer.toString(factors.size()));
    for (double f : factors) {
      lines.add(RFormat.asCharacter(f));
    }
    return lines;
  }

  /** WINDERR's four lines (siguverr, tluverr, zcoruverr, horcoruverr); empty when no wind errors are set. */
  public static List<String> winderr(ErrorParams error) {
    if (!error.windErrors()) {
      return List.of();
    }
    return List.of(RFormat.asCharacter(error.siguverr().getAsDouble()), RFormat.asCharacter(error.tluverr().getAsDouble()),
        RFormat.asCharacter(error.zcoruverr().getAsDouble()), RFormat.asCharacter(error.horcoruverr().getAsDouble()));
  }

  /** ZIERR's three lines (sigzierr, tlzierr, horcorzierr); empty when no mixing-height errors are set. */
  public static List<String> zierr(ErrorParams error) {
    if (!error.mixingHeightErrors()) {
      return List.of();
    }
    return List.of(RFormat.asCharacter(error.sigzierr().getAsDouble()), RFormat.asCharacter(error.tlzierr().getAsDouble()),
        RFormat.asCharacter(error.horcorzierr().getAsDouble()));
  }
}
