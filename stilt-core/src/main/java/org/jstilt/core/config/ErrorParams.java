package org.jstilt.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Transport-error trajectories (PYSTILT {@code ErrorParams}): when the four wind-error values (XY) and/or
 * the three mixed-layer-height-error values (ZI) are set, a second HYSPLIT run with perturbed winds and/or
 * mixing heights writes the error trajectory. Each group is all set or all absent.
 *
 * @param siguverr standard deviation of the horizontal wind error, m/s (WINDERR line 1)
 * @param tluverr time scale of the wind error, min (WINDERR line 2)
 * @param zcoruverr vertical correlation length of the wind error, m (WINDERR line 3)
 * @param horcoruverr horizontal correlation length of the wind error, km (WINDERR line 4)
 * @param sigzierr standard deviation of the mixed-layer height error, % (ZIERR line 1)
 * @param tlzierr time scale of the mixed-layer height error, min (ZIERR line 2)
 * @param horcorzierr horizontal correlation length of the mixed-layer height error, km (ZIERR line 3)
 */
public record ErrorParams(
    OptionalDouble siguverr,
    OptionalDouble tluverr,
    OptionalDouble zcoruverr,
    OptionalDouble horcoruverr,
    OptionalDouble sigzierr,
    OptionalDouble tlzierr,
    OptionalDouble horcorzierr) {

  /** PYSTILT's {@code XYERR_PARAMS}, in WINDERR line order. */
  public static final List<String> XY_KEYS = List.of("siguverr", "tluverr", "zcoruverr", "horcoruverr");
  /** PYSTILT's {@code ZIERR_PARAMS}, in ZIERR line order. */
  public static final List<String> ZI_KEYS = List.of("sigzierr", "tlzierr", "horcorzierr");

  /** No error trajectories (declared after the key lists it checks against). */
  public static final ErrorParams NONE = new ErrorParams(OptionalDouble.empty(), OptionalDouble.empty(),
      OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
      OptionalDouble.empty());

  public ErrorParams {
    List<ConfigProblem> problems = new ArrayList<>();
    group(problems, "XY wind-error", XY_KEYS, List.of(siguverr, tluverr, zcoruverr, horcoruverr));
    group(problems, "ZI mixed-layer-height-error", ZI_KEYS, List.of(sigzierr, tlzierr, horcorzierr));
    nonNegative(problems, "siguverr", siguverr);
    positive(problems, "tluverr", tluverr);
    positive(problems, "zcoruverr", zcoruverr);
    positive(problems, "horcoruverr", horcoruverr);
    nonNegative(problems, "sigzierr", sigzierr);
    positive(problems, "tlzierr", tlzierr);
    positive(problems, "horcorzierr", horcorzierr);
    ConfigException.throwIfAny(problems);
  }

  private static void group(List<ConfigProblem> problems, String name, List<String> keys, List<OptionalDouble> values) {
    List<String> set = new ArrayList<>();
    List<String> unset = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      (values.get(i).isPresent() ? set : unset).add(keys.get(i));
    }
    if (!set.isEmpty() && !unset.isEmpty()) {
      for (String k : unset) {
        problems.add(ConfigProblem.at(k, "missing: the " + name + " parameters " + String.join(", ", keys)
            + " must all be set or all be left out (set: " + String.join(", ", set) + ")"));
      }
    }
  }

  private static void nonNegative(List<ConfigProblem> problems, String key, OptionalDouble v) {
    if (v.isPresent() && !(v.getAsDouble() >= 0 && Double.isFinite(v.getAsDouble()))) {
      problems.add(ConfigProblem.at(key, "must be a finite number >= 0, got " + v.getAsDouble()));
    }
  }

  private static void positive(List<ConfigProblem> problems, String key, OptionalDouble v) {
    if (v.isPresent() && !(v.getAsDouble() > 0 && Double.isFinite(v.getAsDouble()))) {
      problems.add(ConfigProblem.at(key, "must be a finite number > 0, got " + v.getAsDouble()));
    }
  }

  /** True when the four wind-error values are set. */
  public boolean windErrors() {
    return siguverr.isPresent();
  }

  /** True when the three mixed-layer-height-error values are set. */
  public boolean mixingHeightErrors() {
    return sigzierr.isPresent();
  }

  /** HYSPLIT's {@code WINDERRTF} for the error run: 1 for XY, 2 for ZI, 3 for both, 0 for none. */
  public int winderrtf() {
    return (windErrors() ? 1 : 0) + 2 * (mixingHeightErrors() ? 1 : 0);
  }

  /** True when an error run is configured, which makes the error trajectory a required output. */
  public boolean enabled() {
    return winderrtf() > 0;
  }
}
