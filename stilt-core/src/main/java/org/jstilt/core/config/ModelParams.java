package org.jstilt.core.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The core run controls (PYSTILT {@code ModelParams}): run length, particle count, near-field plume
 * dilution, whether to keep HYSPLIT's raw particle files, and which particle variables HYSPLIT writes.
 *
 * @param nHours run length in hours, negative for backward runs ({@code n_hours}; CONTROL); never 0
 * @param numpar particles released ({@code NUMPAR} in SETUP.CFG); PYSTILT's default is 200, R-STILT's and
 *     the {@code stilt init} template's 1000
 * @param hnfPlume apply the hyper-near-field plume dilution to {@code foot} ({@code hnf_plume}); needs
 *     {@link #HNF_PLUME_VARIABLES} in {@code varsiwant}
 * @param rmDat delete PARTICLE_STILT.DAT / PARTICLE.DAT after parsing ({@code rm_dat})
 * @param varsiwant particle columns HYSPLIT writes, in this order ({@code VARSIWANT}); each one of
 *     {@link #VARIABLES}, no repeats
 */
public record ModelParams(int nHours, int numpar, boolean hnfPlume, boolean rmDat, List<String> varsiwant) {
  /** The 29 particle variables hycs_std can write. */
  public static final List<String> VARIABLES = List.of("time", "indx", "long", "lati", "zagl", "sigw", "tlgr",
      "zsfc", "icdx", "temp", "samt", "foot", "shtf", "tcld", "dmas", "dens", "rhfr", "sphu", "lcld", "zloc",
      "dswf", "wout", "mlht", "rain", "crai", "pres", "whtf", "temz", "zfx1");

  /** PYSTILT's default {@code varsiwant} (R-STILT's list plus {@code pres}). */
  public static final List<String> DEFAULT_VARSIWANT = List.of("time", "indx", "long", "lati", "zagl", "foot",
      "mlht", "pres", "dens", "samt", "sigw", "tlgr");

  /** The variables hnf_plume reads (PYSTILT checks for exactly these). */
  public static final Set<String> HNF_PLUME_VARIABLES = Set.of("dens", "samt", "sigw", "tlgr", "foot", "mlht");

  /** PYSTILT's defaults: -24 h, 200 particles, hnf_plume on, rm_dat on, {@link #DEFAULT_VARSIWANT}. */
  public static final ModelParams DEFAULTS = new ModelParams(-24, 200, true, true, DEFAULT_VARSIWANT);

  public ModelParams {
    varsiwant = List.copyOf(varsiwant);
    List<ConfigProblem> problems = new ArrayList<>();
    if (nHours == 0) {
      problems.add(ConfigProblem.at("n_hours", "must not be 0: use a negative number of hours for a backward "
          + "run (e.g. -24), a positive one for a forward run"));
    }
    if (numpar < 1) {
      problems.add(ConfigProblem.at("numpar", "must be at least 1 particle, got " + numpar));
    }
    Set<String> seen = new LinkedHashSet<>();
    for (String v : varsiwant) {
      if (!VARIABLES.contains(v)) {
        problems.add(ConfigProblem.at("varsiwant", "unknown particle variable '" + v + "'; hycs_std writes "
            + String.join(", ", VARIABLES)));
      } else if (v.equals("zfx1")) {
        problems.add(ConfigProblem.at("varsiwant", "'zfx1' is in PYSTILT's list, but hycs_std v5.1.0 stops on it "
            + "('Weird variable in VARSIWANT') and writes no particles; remove it"));
      } else if (!seen.add(v)) {
        problems.add(ConfigProblem.at("varsiwant", "'" + v + "' is listed twice"));
      }
    }
    if (varsiwant.isEmpty()) {
      problems.add(ConfigProblem.at("varsiwant", "must list at least one particle variable"));
    }
    if (hnfPlume) {
      List<String> wanted = varsiwant;
      List<String> missing = HNF_PLUME_VARIABLES.stream().filter(v -> !wanted.contains(v)).sorted().toList();
      if (!missing.isEmpty()) {
        problems.add(ConfigProblem.at("varsiwant", "hnf_plume: true needs varsiwant to include " + missing
            + "; add them or set hnf_plume: false"));
      }
    }
    ConfigException.throwIfAny(problems);
  }
}
