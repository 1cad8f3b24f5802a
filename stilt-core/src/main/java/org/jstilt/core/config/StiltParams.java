package org.jstilt.core.config;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Every STILT/HYSPLIT run parameter of a simulation (PYSTILT {@code STILTParams} = {@link ModelParams} +
 * {@link TransportParams} + {@link ErrorParams}; at the top level of {@code config.yaml}).
 *
 * <p>{@code maxpar} follows {@code numpar} when unset (PYSTILT's rule), so {@code transport().maxpar()} is
 * always present here. Build one from PYSTILT's defaults with {@link #builder()}, change single values
 * with {@link #with(HysplitParameter, Object)}, read any value generically with
 * {@link HysplitParameter#value(StiltParams)}.
 */
public record StiltParams(ModelParams model, TransportParams transport, ErrorParams error)
    implements ParamGroups {
  /** PYSTILT's defaults (numpar 200, maxpar 200). */
  public static final StiltParams DEFAULTS =
      new StiltParams(ModelParams.DEFAULTS, TransportParams.DEFAULTS, ErrorParams.NONE);

  public StiltParams {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(error, "error");
    if (transport.maxpar().isEmpty()) {
      Map<HysplitParameter, Object> v = values(model, transport, error);
      v.put(HysplitParameter.MAXPAR, model.numpar());
      transport = TransportParams.fromValues(v);
    }
  }

  /** HYSPLIT's {@code WINDERRTF} for the error run (0 when no error run is configured). */
  public int winderrtf() {
    return error.winderrtf();
  }

  /** A builder starting from PYSTILT's defaults. */
  public static Builder builder() {
    return new Builder(values(ModelParams.DEFAULTS, TransportParams.DEFAULTS, ErrorParams.NONE));
  }

  /** A builder starting from these values ({@code maxpar} included as resolved). */
  public Builder toBuilder() {
    return new Builder(values(model, transport, error));
  }

  /** A copy with one value changed (see {@link Builder#set}). */
  public StiltParams with(HysplitParameter parameter, Object value) {
    return toBuilder().set(parameter, value).build();
  }

  /**
   * The parameters as PYSTILT stores them in trajectory Parquet metadata ({@code stilt:params}, pydantic's
   * {@code model_dump_json()}): a compact JSON object with every key of {@link HysplitParameter}, unset
   * values as {@code null}, {@code maxpar} resolved, floats in Python notation. PYSTILT reads it back with
   * {@code STILTParams.model_validate}.
   */
  public String toPystiltJson() {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    for (HysplitParameter p : HysplitParameter.values()) {
      Object v = p.value(this).orElse(null);
      m.put(p.key(), v instanceof ZiScale z ? z.toPython() : v);
    }
    return org.jstilt.core.text.PyJson.COMPACT.dumps(m);
  }

  /**
   * Reads {@link #toPystiltJson()} or PYSTILT's {@code stilt:params}: keys it leaves out take their
   * defaults; unknown keys, wrong types and invalid values are a {@link ConfigException} listing them.
   */
  public static StiltParams fromPystiltJson(String json) {
    Object parsed;
    try {
      parsed = org.jstilt.core.text.PyJson.loads(json);
    } catch (IllegalArgumentException e) {
      throw ConfigException.at("", "stilt:params is not valid JSON: " + e.getMessage());
    }
    if (!(parsed instanceof Map<?, ?> map)) {
      throw ConfigException.at("", "stilt:params must be a JSON object");
    }
    Builder b = builder();
    List<ConfigProblem> problems = new ArrayList<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String key = (String) e.getKey();
      java.util.Optional<HysplitParameter> p = HysplitParameter.byKey(key);
      if (p.isEmpty()) {
        problems.add(ConfigProblem.at(key, "unknown parameter"));
        continue;
      }
      try {
        b.set(p.get(), fromJsonValue(p.get(), e.getValue()));
      } catch (IllegalArgumentException | ClassCastException ex) {
        problems.add(ConfigProblem.at(key, "has the wrong type: " + e.getValue()));
      } catch (ConfigException ex) {
        problems.addAll(ex.problems());
      }
    }
    problems.addAll(b.problems());
    ConfigException.throwIfAny(problems);
    return b.build();
  }

  private static Object fromJsonValue(HysplitParameter p, Object v) {
    if (v == null) {
      return null;
    }
    switch (p.kind()) {
      case INT:
      case OPTIONAL_INT: {
        double d = ((Number) v).doubleValue();
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
          throw new IllegalArgumentException("not an integer");
        }
        return (int) d;
      }
      case REAL:
      case OPTIONAL_REAL:
        return ((Number) v).doubleValue();
      case ZISCALE: {
        if (v instanceof Number n) {
          return new ZiScale.Constant(n.doubleValue());
        }
        List<?> list = (List<?>) v;
        if (list.size() == 1 && list.get(0) instanceof List<?> inner) {
          list = inner;
        }
        return new ZiScale.Hourly(list.stream().map(x -> ((Number) x).doubleValue()).toList());
      }
      default:
        return v;
    }
  }

  private static Map<HysplitParameter, Object> values(ModelParams m, TransportParams t, ErrorParams e) {
    Parts parts = new Parts(m, t, e);
    Map<HysplitParameter, Object> v = new EnumMap<>(HysplitParameter.class);
    for (HysplitParameter p : HysplitParameter.values()) {
      v.put(p, p.rawValue(parts));
    }
    return v;
  }

  /** The three parameter groups before {@code maxpar} is resolved (what the table's getters read). */
  record Parts(ModelParams model, TransportParams transport, ErrorParams error) implements ParamGroups {}

  /**
   * Collects parameter values, then checks them all at once: {@link #problems()} lists every problem
   * (with the YAML key as path), {@link #build()} throws them as one {@link ConfigException}.
   */
  public static final class Builder {
    private final Map<HysplitParameter, Object> values;

    private Builder(Map<HysplitParameter, Object> values) {
      this.values = new EnumMap<>(values);
    }

    /**
     * Sets a value in the canonical type of the parameter's {@link HysplitParameter#kind()} (any
     * {@link Number} is accepted for {@code REAL}; {@code null} unsets an optional parameter).
     *
     * @throws IllegalArgumentException when the Java type does not fit (a programming error; the YAML
     *     loader converts and reports user input itself)
     */
    public Builder set(HysplitParameter p, Object value) {
      values.put(p, canonical(p, value));
      return this;
    }

    /** Unsets {@code maxpar} so that it follows {@code numpar} again. */
    public Builder resetMaxpar() {
      values.put(HysplitParameter.MAXPAR, null);
      return this;
    }

    /** Every problem with the values set so far; empty when {@link #build()} will succeed. */
    public List<ConfigProblem> problems() {
      List<ConfigProblem> problems = new ArrayList<>();
      try {
        model();
      } catch (ConfigException e) {
        problems.addAll(e.problems());
      }
      try {
        transport();
      } catch (ConfigException e) {
        problems.addAll(e.problems());
      }
      try {
        error();
      } catch (ConfigException e) {
        problems.addAll(e.problems());
      }
      return problems;
    }

    /** The parameters; throws a {@link ConfigException} listing every problem. */
    public StiltParams build() {
      ConfigException.throwIfAny(problems());
      return new StiltParams(model(), transport(), error());
    }

    @SuppressWarnings("unchecked")
    private ModelParams model() {
      return new ModelParams((Integer) values.get(HysplitParameter.N_HOURS),
          (Integer) values.get(HysplitParameter.NUMPAR), (Boolean) values.get(HysplitParameter.HNF_PLUME),
          (Boolean) values.get(HysplitParameter.RM_DAT), (List<String>) values.get(HysplitParameter.VARSIWANT));
    }

    private TransportParams transport() {
      return TransportParams.fromValues(values);
    }

    private ErrorParams error() {
      return new ErrorParams(opt(HysplitParameter.SIGUVERR), opt(HysplitParameter.TLUVERR),
          opt(HysplitParameter.ZCORUVERR), opt(HysplitParameter.HORCORUVERR), opt(HysplitParameter.SIGZIERR),
          opt(HysplitParameter.TLZIERR), opt(HysplitParameter.HORCORZIERR));
    }

    private OptionalDouble opt(HysplitParameter p) {
      Object v = values.get(p);
      return v == null ? OptionalDouble.empty() : OptionalDouble.of((Double) v);
    }

    private static Object canonical(HysplitParameter p, Object value) {
      HysplitParameter.Kind kind = p.kind();
      if (value == null) {
        if (kind.optional()) {
          return null;
        }
        throw new IllegalArgumentException(p.key() + " cannot be unset");
      }
      boolean ok = switch (kind) {
        case INT, OPTIONAL_INT -> value instanceof Integer;
        case REAL, OPTIONAL_REAL -> value instanceof Number;
        case BOOL -> value instanceof Boolean;
        case STRING -> value instanceof String;
        case NAMES -> value instanceof List<?> l && l.stream().allMatch(String.class::isInstance);
        case ZISCALE -> value instanceof ZiScale;
      };
      if (!ok) {
        throw new IllegalArgumentException(p.key() + " takes " + kind + ", got " + value.getClass().getSimpleName());
      }
      if (kind == HysplitParameter.Kind.REAL || kind == HysplitParameter.Kind.OPTIONAL_REAL) {
        return ((Number) value).doubleValue();
      }
      if (kind == HysplitParameter.Kind.NAMES) {
        return List.copyOf((List<?>) value);
      }
      return value;
    }
  }
}
