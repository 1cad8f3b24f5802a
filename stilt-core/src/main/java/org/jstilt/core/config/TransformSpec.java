package org.jstilt.core.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jstilt.core.text.PyJson;

/**
 * A declarative particle transform applied before a footprint is gridded (PYSTILT.md §11.7), chosen by
 * {@code kind} in {@code footprints.<name>.transforms}. Values only: the transforms themselves live with
 * the footprint code.
 */
public sealed interface TransformSpec permits TransformSpec.VerticalOperator, TransformSpec.FirstOrderLifetime {
  /** The {@code kind} discriminator. */
  String kind();

  /** PYSTILT's {@code model_dump(mode="json")}: keys in declaration order, floats as floats. */
  Map<String, Object> toMap();

  /**
   * The text of the footprint NetCDF {@code transforms} attribute: {@code json.dumps} of the list of
   * {@link #toMap()}s ({@code []} for none), byte-identical to PYSTILT's.
   */
  static String toJson(List<TransformSpec> transforms) {
    List<Object> maps = new ArrayList<>();
    for (TransformSpec t : transforms) {
      maps.add(t.toMap());
    }
    return PyJson.DEFAULT.dumps(maps);
  }

  /**
   * Weights each particle's foot by a vertical profile (averaging kernel, pressure weighting, ...)
   * interpolated at the particle's {@code coordinate} column.
   *
   * @param mode one of {@link #MODES}; all but {@code none} and {@code uniform} need levels and values
   * @param levels vertical coordinates of the profile
   * @param values the profile at those levels, same length
   * @param pressureLevels optional pressure grid, carried along (unused by the weighting)
   * @param coordinate the particle column used as vertical coordinate ({@code xhgt} by default)
   * @param metadata free-form, stored with the transform
   */
  record VerticalOperator(String mode, List<Double> levels, List<Double> values, List<Double> pressureLevels,
      String coordinate, Map<String, Object> metadata) implements TransformSpec {
    /** The operator modes PYSTILT knows. */
    public static final List<String> MODES = List.of("none", "uniform", "ak", "pwf", "ak_pwf", "integration", "tccon");

    public VerticalOperator {
      Objects.requireNonNull(mode, "mode");
      Objects.requireNonNull(coordinate, "coordinate");
      levels = List.copyOf(levels);
      values = List.copyOf(values);
      pressureLevels = List.copyOf(pressureLevels);
      metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
      List<ConfigProblem> p = new ArrayList<>();
      if (!MODES.contains(mode)) {
        p.add(ConfigProblem.at("mode", "unknown vertical operator mode '" + mode + "'; use one of "
            + String.join(", ", MODES)));
      } else if (!mode.equals("none") && !mode.equals("uniform")) {
        if (levels.isEmpty() || values.isEmpty()) {
          p.add(ConfigProblem.at(levels.isEmpty() ? "levels" : "values", "mode " + mode
              + " needs non-empty levels and values"));
        } else if (levels.size() != values.size()) {
          p.add(ConfigProblem.at("values", "has " + values.size() + " entries but levels has " + levels.size()
              + "; they pair up one to one"));
        }
      }
      if (coordinate.isBlank()) {
        p.add(ConfigProblem.at("coordinate", "is empty; name a particle column such as xhgt or pres"));
      }
      ConfigException.throwIfAny(p);
    }

    @Override
    public String kind() {
      return "vertical_operator";
    }

    @Override
    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("kind", kind());
      m.put("mode", mode);
      m.put("levels", new ArrayList<>(levels));
      m.put("values", new ArrayList<>(values));
      m.put("pressure_levels", new ArrayList<>(pressureLevels));
      m.put("coordinate", coordinate);
      m.put("metadata", metadata);
      return m;
    }
  }

  /**
   * First-order decay: each particle's foot times {@code exp(-|age| / lifetime)}.
   *
   * @param lifetimeHours e-folding lifetime, hours, above 0
   * @param timeColumn the particle column holding the age ({@code time})
   * @param timeUnit its unit, one of {@link #TIME_UNITS} ({@code min})
   * @param metadata free-form, stored with the transform
   */
  record FirstOrderLifetime(double lifetimeHours, String timeColumn, String timeUnit, Map<String, Object> metadata)
      implements TransformSpec {
    /** The unit spellings PYSTILT's lifetime transform understands. */
    public static final Set<String> TIME_UNITS = Set.of("s", "sec", "second", "seconds", "m", "min", "minute",
        "minutes", "h", "hr", "hour", "hours", "d", "day", "days");

    public FirstOrderLifetime {
      Objects.requireNonNull(timeColumn, "timeColumn");
      Objects.requireNonNull(timeUnit, "timeUnit");
      metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
      List<ConfigProblem> p = new ArrayList<>();
      if (!(lifetimeHours > 0) || Double.isInfinite(lifetimeHours)) {
        p.add(ConfigProblem.at("lifetime_hours", "must be a positive number of hours, got " + lifetimeHours));
      }
      if (!TIME_UNITS.contains(timeUnit)) {
        p.add(ConfigProblem.at("time_unit", "unknown unit '" + timeUnit + "'; use s, min, h or d"));
      }
      if (timeColumn.isBlank()) {
        p.add(ConfigProblem.at("time_column", "is empty; name the particle column with the age, e.g. time"));
      }
      ConfigException.throwIfAny(p);
    }

    @Override
    public String kind() {
      return "first_order_lifetime";
    }

    @Override
    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("kind", kind());
      m.put("lifetime_hours", lifetimeHours);
      m.put("time_column", timeColumn);
      m.put("time_unit", timeUnit);
      m.put("metadata", metadata);
      return m;
    }
  }
}
