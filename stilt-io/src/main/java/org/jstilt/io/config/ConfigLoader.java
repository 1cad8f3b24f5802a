package org.jstilt.io.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;
import org.jstilt.core.config.Bounds;
import org.jstilt.core.config.ConfigException;
import org.jstilt.core.config.ConfigProblem;
import org.jstilt.core.config.ExecutionConfig;
import org.jstilt.core.config.FootprintConfig;
import org.jstilt.core.config.HysplitParameter;
import org.jstilt.core.config.MetConfig;
import org.jstilt.core.config.ModelConfig;
import org.jstilt.core.config.StiltParams;
import org.jstilt.core.config.Timedelta;
import org.jstilt.core.config.TransformSpec;
import org.jstilt.core.config.TransportConfig;
import org.jstilt.core.config.ZiScale;
import org.jstilt.core.footprint.GridSpec;
import org.jstilt.core.id.MetId;
import org.jstilt.io.config.YamlDoc.Entry;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads a project's {@code config.yaml} into a {@link ModelConfig}, reporting every problem at once.
 *
 * <p>Accepts everything PYSTILT 0.1.0a4's {@code ModelConfig.from_yaml} accepts (PYSTILT.md §3): the
 * run parameters flat at the top level ({@link HysplitParameter}), {@code mets}, {@code footprints}
 * (with a {@code grid} mapping, a {@code grid: <name>} reference into {@code grids}, or the six grid keys
 * written directly in the footprint), {@code grids}, {@code execution}, {@code skip_existing}; plus
 * JSTILT's {@code transport} block ({@link TransportConfig}).
 *
 * <p>Stricter than PYSTILT on purpose (PRODUCT.md): an unknown key anywhere is an error that names its full
 * path, its line, and the nearest valid key ("footprints.slv.grid.xrez: unknown key in
 * footprints.slv.grid; did you mean 'xres'?"). The exceptions are the pass-through places PYSTILT
 * defines: extra keys of a met stream with a download {@code source}, {@code execution} options of the
 * slurm and kubernetes backends, and transform {@code metadata}.
 *
 * <p>Relative paths ({@code mets.*.directory}, {@code subgrid_dir}, {@code transport.hysplit.executable})
 * are resolved against the directory holding config.yaml (PYSTILT resolves them against the working
 * directory, which is the same when {@code stilt} runs in the project), after expanding a leading
 * {@code ~}.
 */
public final class ConfigLoader {
  static final List<String> SECTIONS = List.of("mets", "footprints", "grids", "execution", "skip_existing", "transport");
  static final List<String> MET_KEYS = List.of("directory", "source", "backend", "file_format", "file_tres", "n_min",
      "subgrid_enable", "subgrid_bounds", "subgrid_buffer", "subgrid_levels", "subgrid_dir");
  static final List<String> BOUNDS_KEYS = List.of("xmin", "xmax", "ymin", "ymax");
  static final List<String> GRID_KEYS = List.of("xmin", "xmax", "ymin", "ymax", "xres", "yres", "projection");
  static final List<String> FOOTPRINT_KEYS = List.of("grid", "smooth_factor", "time_integrate", "error", "transforms");
  static final List<String> VERTICAL_OPERATOR_KEYS =
      List.of("kind", "mode", "levels", "values", "pressure_levels", "coordinate", "metadata");
  static final List<String> LIFETIME_KEYS = List.of("kind", "lifetime_hours", "time_column", "time_unit", "metadata");
  static final List<String> TRANSFORM_KINDS = List.of("vertical_operator", "first_order_lifetime");
  static final List<String> TRANSPORT_KEYS = List.of("engine", "threads", "seed", "hysplit");
  static final List<String> HYSPLIT_KEYS = List.of("executable", "timeout");
  private static final List<String> REQUIRED_SHORTHAND = List.of("xmin", "xmax", "ymin", "ymax", "xres", "yres");

  /** Where keys that are misplaced at the top level belong, for the error message. */
  private static final Map<String, String> TOP_LEVEL_HINTS = hints();

  private final String file;
  private final YamlDoc doc;
  private final Path baseDir;

  private ConfigLoader(String file, Path baseDir) {
    this.file = file;
    this.doc = new YamlDoc(file);
    this.baseDir = baseDir;
  }

  /**
   * Reads {@code configFile}.
   *
   * @throws ConfigException listing every problem with file, line and key path
   * @throws StiltException ({@link ErrorCode#CONFIG}) when the file cannot be read
   */
  public static ModelConfig load(Path configFile) {
    String text;
    try {
      byte[] bytes = Files.readAllBytes(configFile);
      text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (NoSuchFileException e) {
      throw new StiltException(ErrorCode.CONFIG, configFile + " does not exist; create it (stilt init writes a "
          + "starter config.yaml) or point to the project directory that has one", e);
    } catch (CharacterCodingException e) {
      throw new StiltException(ErrorCode.CONFIG, configFile + " is not UTF-8 text; save it as UTF-8", e);
    } catch (IOException e) {
      throw new StiltException(ErrorCode.CONFIG, "cannot read " + configFile + ": " + e.getMessage(), e);
    }
    Path abs = configFile.toAbsolutePath();
    return parse(text, configFile.toString(), abs.getParent());
  }

  /**
   * Reads config text.
   *
   * @param text the YAML
   * @param file the name to report problems under (e.g. the path of config.yaml)
   * @param baseDir directory that relative paths in the file are resolved against
   * @throws ConfigException listing every problem
   */
  public static ModelConfig parse(String text, String file, Path baseDir) {
    return new ConfigLoader(file, baseDir.toAbsolutePath()).read(text);
  }

  /**
   * Where a key is written in config text, so that checks made after loading (a met directory that does
   * not exist) can point at the line: {@code locate(text, "config.yaml", "mets.hrrr.directory")} gives a
   * problem at that key's line and column, or at the nearest enclosing key that exists (line 1 if none).
   *
   * @param keyPath dot-separated keys from the top of the file
   */
  public static ConfigProblem locate(String text, String file, String keyPath, String message) {
    ConfigProblem p = ConfigProblem.at(keyPath, message);
    Node node;
    try {
      node = new Compose(LoadSettings.builder().setLabel(file).setAllowDuplicateKeys(true).build())
          .composeString(text).orElse(null);
    } catch (YamlEngineException e) {
      return p.located(file, 1, 0);
    }
    Node at = null;
    for (String key : keyPath.split("\\.")) {
      if (!(node instanceof MappingNode m)) {
        break;
      }
      Node next = null;
      for (var t : m.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
          at = t.getKeyNode();
          next = t.getValueNode();
          break;
        }
      }
      if (next == null) {
        break;
      }
      node = next;
    }
    Optional<Mark> mark = at == null ? Optional.empty() : at.getStartMark();
    return mark.map(m -> p.located(file, m.getLine() + 1, m.getColumn() + 1)).orElse(p.located(file, 1, 0));
  }

  private ModelConfig read(String text) {
    Node root;
    try {
      LoadSettings settings = LoadSettings.builder().setLabel(file).setAllowDuplicateKeys(true).build();
      root = new Compose(settings).composeString(text).orElse(null);
    } catch (MarkedYamlEngineException e) {
      Mark m = e.getProblemMark().orElse(e.getContextMark().orElse(null));
      String what = e.getProblem() == null ? e.getMessage() : e.getProblem();
      ConfigProblem p = ConfigProblem.at("", "is not valid YAML: " + what
          + (e.getContext() != null ? " (" + e.getContext() + ")" : ""));
      throw new ConfigException(List.of(m == null ? p.located(file, 1, 0)
          : p.located(file, m.getLine() + 1, m.getColumn() + 1)));
    } catch (YamlEngineException e) {
      throw new ConfigException(List.of(ConfigProblem.at("", "is not valid YAML: " + e.getMessage())
          .located(file, 1, 0)));
    }
    if (root == null) {
      throw new ConfigException(List.of(ConfigProblem.at("", "is empty; it needs at least a mets: section "
          + "(stilt init writes a starter config.yaml)").located(file, 1, 0)));
    }
    doc.remember("", root);
    if (!(root instanceof MappingNode)) {
      doc.problem(root, "", "must be a mapping of 'key: value' lines at the top, got " + YamlDoc.describe(root));
      throw new ConfigException(doc.problems());
    }
    Map<String, Entry> top = doc.mapping(root, "");
    List<String> validTop = new ArrayList<>(HysplitParameter.keys());
    validTop.addAll(SECTIONS);
    doc.unknownKeys(top, "", validTop, TOP_LEVEL_HINTS);

    StiltParams params = params(top);
    Map<String, GridSpec> grids = grids(top.get("grids"));
    Map<String, FootprintConfig> footprints = footprints(top.get("footprints"), grids, top.containsKey("grids"));
    Map<MetId, MetConfig> mets = mets(top.get("mets"));
    ExecutionConfig execution = execution(top.get("execution"));
    Boolean skip = top.containsKey("skip_existing") && !YamlDoc.isNull(top.get("skip_existing").value())
        ? doc.bool(top.get("skip_existing").value(), "skip_existing") : Boolean.TRUE;
    TransportConfig transport = transport(top.get("transport"));

    boolean metsMissing = mets != null && mets.isEmpty() && (top.get("mets") == null || metsSectionEmpty(top));
    if (footprints != null) {
      for (ConfigProblem p : ModelConfig.problems(metsMissing, footprints)) {
        doc.problem(p, "");
      }
    } else if (metsMissing) {
      for (ConfigProblem p : ModelConfig.problems(true, Map.of())) {
        doc.problem(p, "");
      }
    }
    if (params != null && transport != null) {
      for (ConfigProblem p : ModelConfig.engineProblems(transport, params.model().varsiwant())) {
        doc.problem(p, "");
      }
    }
    if (!doc.problems().isEmpty()) {
      List<ConfigProblem> sorted = new ArrayList<>(doc.problems());
      sorted.sort(java.util.Comparator.comparingInt(ConfigProblem::line).thenComparingInt(ConfigProblem::column));
      throw new ConfigException(sorted);
    }
    return new ModelConfig(params, mets, footprints, grids, execution, skip, transport);
  }

  private boolean metsSectionEmpty(Map<String, Entry> top) {
    Entry e = top.get("mets");
    return e == null || YamlDoc.isNull(e.value()) || (e.value() instanceof MappingNode m && m.getValue().isEmpty());
  }

  // ---- run parameters --------------------------------------------------------------------------------

  private StiltParams params(Map<String, Entry> top) {
    StiltParams.Builder b = StiltParams.builder();
    boolean converted = true;
    for (Entry e : top.values()) {
      Optional<HysplitParameter> p = HysplitParameter.byKey(e.key());
      if (p.isEmpty()) {
        continue;
      }
      Object v = convert(p.get(), e.value(), e.key());
      if (v == INVALID) {
        converted = false;
      } else {
        b.set(p.get(), v);
      }
    }
    for (ConfigProblem problem : b.problems()) {
      String path = problem.path();
      Node at = top.containsKey(path) ? top.get(path).value() : nodeOfGroup(top, path);
      doc.problem(at, path, problem.message());
    }
    if (!converted || !b.problems().isEmpty()) {
      return StiltParams.DEFAULTS; // placeholder; the problems are thrown before it is used
    }
    return b.build();
  }

  /** For a missing error parameter: the line of a set parameter of the same group. */
  private static Node nodeOfGroup(Map<String, Entry> top, String key) {
    for (List<String> group : List.of(org.jstilt.core.config.ErrorParams.XY_KEYS,
        org.jstilt.core.config.ErrorParams.ZI_KEYS)) {
      if (group.contains(key)) {
        for (String k : group) {
          if (top.containsKey(k)) {
            return top.get(k).keyNode();
          }
        }
      }
    }
    return null;
  }

  private static final Object INVALID = new Object();

  /** Converts a YAML value to the parameter's canonical type; reports and returns {@link #INVALID} on failure. */
  private Object convert(HysplitParameter p, Node n, String path) {
    if (YamlDoc.isNull(n)) {
      if (p.kind().optional()) {
        return null;
      }
      if (p == HysplitParameter.MAXPAR) {
        return null;
      }
      doc.problem(n, path, "must be set (" + describeKind(p) + "); remove the key to use the default "
          + p.defaultValue().map(Object::toString).orElse(""));
      return INVALID;
    }
    Object v = switch (p.kind()) {
      case INT, OPTIONAL_INT -> doc.integer(n, path);
      case REAL, OPTIONAL_REAL -> doc.number(n, path);
      case BOOL -> doc.bool(n, path);
      case STRING -> doc.text(n, path);
      case NAMES -> names(n, path);
      case ZISCALE -> ziscale(n, path);
    };
    return v == null ? INVALID : v;
  }

  private static String describeKind(HysplitParameter p) {
    return switch (p.kind()) {
      case INT, OPTIONAL_INT -> "a whole number";
      case REAL, OPTIONAL_REAL -> "a number";
      case BOOL -> "true or false";
      case STRING -> "text";
      case NAMES -> "a list of names";
      case ZISCALE -> "a number or a list of numbers";
    };
  }

  private List<String> names(Node n, String path) {
    if (n instanceof ScalarNode) {
      doc.problem(n, path, "must be a list of particle variables, e.g. [time, indx, long, lati, zagl, foot], got "
          + YamlDoc.describe(n));
      return null;
    }
    return doc.texts(n, path);
  }

  /** A number, a list of numbers, or a list holding exactly one list of numbers (PYSTILT.md §9.5). */
  private ZiScale ziscale(Node n, String path) {
    if (n instanceof ScalarNode) {
      Double d = doc.number(n, path);
      return d == null ? null : checked(() -> new ZiScale.Constant(d), n, path);
    }
    if (n instanceof SequenceNode s) {
      List<Node> items = s.getValue();
      if (!items.isEmpty() && items.get(0) instanceof SequenceNode) {
        if (items.size() > 1) {
          doc.problem(n, path, "holds " + items.size() + " lists; one list of hourly factors is shared by every "
              + "simulation (per-simulation vectors are not supported)");
          return null;
        }
        n = items.get(0);
      }
      List<Double> values = doc.numbers(n, path);
      return values == null ? null : checked(() -> new ZiScale.Hourly(values), n, path);
    }
    doc.problem(n, path, "must be a number or a list of hourly factors, got " + YamlDoc.describe(n));
    return null;
  }

  private <T> T checked(java.util.function.Supplier<T> make, Node at, String path) {
    try {
      return make.get();
    } catch (ConfigException e) {
      for (ConfigProblem p : e.problems()) {
        doc.problem(at, path, p.message());
      }
      return null;
    }
  }

  // ---- grids and footprints --------------------------------------------------------------------------

  private Map<String, GridSpec> grids(Entry section) {
    Map<String, GridSpec> out = new LinkedHashMap<>();
    if (section == null) {
      return out;
    }
    for (Entry g : doc.mapping(section.value(), "grids").values()) {
      String path = "grids." + g.key();
      Map<String, Entry> m = doc.mapping(g.value(), path);
      doc.unknownKeys(m, path, GRID_KEYS, Map.of());
      GridSpec grid = grid(m, path, g.value());
      if (grid != null) {
        out.put(g.key(), grid);
      }
    }
    return out;
  }

  /** A grid from its keys (all six required; projection optional). */
  private GridSpec grid(Map<String, Entry> m, String path, Node at) {
    double[] v = new double[6];
    boolean ok = true;
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      String k = REQUIRED_SHORTHAND.get(i);
      Entry e = m.get(k);
      if (e == null || YamlDoc.isNull(e.value())) {
        missing.add(k);
        ok = false;
        continue;
      }
      Double d = doc.number(e.value(), YamlDoc.child(path, k));
      if (d == null) {
        ok = false;
      } else {
        v[i] = d;
      }
    }
    if (!missing.isEmpty()) {
      doc.problem(at, path, "missing " + String.join(", ", missing) + " (a grid needs xmin, xmax, ymin, ymax in "
          + "degrees and xres, yres in projection units)");
    }
    String projection = GridSpec.LONGLAT;
    if (m.containsKey("projection") && !YamlDoc.isNull(m.get("projection").value())) {
      projection = doc.text(m.get("projection").value(), YamlDoc.child(path, "projection"));
      ok &= projection != null;
    }
    if (!ok) {
      return null;
    }
    List<ConfigProblem> problems = FootprintConfig.gridProblems(v[0], v[1], v[2], v[3], v[4], v[5], projection);
    for (ConfigProblem p : problems) {
      doc.problem(p, path);
    }
    if (!problems.isEmpty()) {
      return null;
    }
    return new GridSpec(v[0], v[1], v[2], v[3], v[4], v[5], projection);
  }

  private Map<String, FootprintConfig> footprints(Entry section, Map<String, GridSpec> grids, boolean gridsGiven) {
    Map<String, FootprintConfig> out = new LinkedHashMap<>();
    if (section == null) {
      return out;
    }
    boolean ok = true;
    for (Entry f : doc.mapping(section.value(), "footprints").values()) {
      String path = "footprints." + f.key();
      FootprintConfig fc = footprint(f, path, grids, gridsGiven);
      if (fc == null) {
        ok = false;
      } else {
        out.put(f.key(), fc);
      }
    }
    return ok ? out : null;
  }

  private FootprintConfig footprint(Entry f, String path, Map<String, GridSpec> grids, boolean gridsGiven) {
    Map<String, Entry> m = doc.mapping(f.value(), path);
    Entry gridEntry = m.get("grid");
    GridSpec grid = null;
    boolean ok = true;
    List<String> valid = new ArrayList<>(FOOTPRINT_KEYS);
    if (gridEntry == null || YamlDoc.isNull(gridEntry.value())) {
      List<String> present = REQUIRED_SHORTHAND.stream().filter(m::containsKey).toList();
      if (present.size() == REQUIRED_SHORTHAND.size()) {
        valid.addAll(GRID_KEYS); // shorthand: the grid keys sit in the footprint itself
        grid = grid(m, path, f.value());
        ok = grid != null;
      } else {
        List<String> missing = REQUIRED_SHORTHAND.stream().filter(k -> !m.containsKey(k)).toList();
        doc.problem(gridEntry != null ? gridEntry.keyNode() : f.keyNode(), path, "has no grid: give 'grid: <name>' "
            + "of an entry in grids, a grid mapping, or all of xmin, xmax, ymin, ymax, xres, yres here"
            + (present.isEmpty() ? "" : " (missing " + String.join(", ", missing) + ")"));
        valid.addAll(GRID_KEYS); // do not also report the partial shorthand keys as unknown
        ok = false;
      }
    } else if (gridEntry.value() instanceof ScalarNode) {
      String name = doc.text(gridEntry.value(), path + ".grid");
      grid = grids.get(name);
      if (grid == null) {
        Optional<String> near = KeySuggestions.nearest(name, grids.keySet());
        doc.problem(gridEntry.value(), path + ".grid", "refers to grid '" + name + "', which is not "
            + (gridsGiven ? "in grids" + near.map(s -> "; did you mean '" + s + "'?").orElse(
                " (defined: " + String.join(", ", grids.keySet()) + ")")
                : "defined: add it under a top-level grids: section"));
        ok = false;
      }
    } else {
      Map<String, Entry> gm = doc.mapping(gridEntry.value(), path + ".grid");
      doc.unknownKeys(gm, path + ".grid", GRID_KEYS, Map.of());
      grid = grid(gm, path + ".grid", gridEntry.value());
      ok = grid != null;
    }
    if (gridEntry != null && !YamlDoc.isNull(gridEntry.value())) {
      for (String k : GRID_KEYS) {
        if (m.containsKey(k)) {
          doc.problem(m.get(k).keyNode(), path + "." + k, "this footprint already has a grid; put " + k
              + " inside it (or drop the grid key to use the shorthand)");
        }
      }
      valid.addAll(GRID_KEYS);
    }
    doc.unknownKeys(m, path, valid, Map.of());

    double smooth = 1.0;
    if (present(m, "smooth_factor")) {
      Double d = doc.number(m.get("smooth_factor").value(), path + ".smooth_factor");
      ok &= d != null;
      smooth = d == null ? smooth : d;
    }
    boolean timeIntegrate = false;
    if (present(m, "time_integrate")) {
      Boolean b = doc.bool(m.get("time_integrate").value(), path + ".time_integrate");
      ok &= b != null;
      timeIntegrate = b != null && b;
    }
    boolean error = false;
    if (present(m, "error")) {
      Boolean b = doc.bool(m.get("error").value(), path + ".error");
      ok &= b != null;
      error = b != null && b;
    }
    List<TransformSpec> transforms = new ArrayList<>();
    if (present(m, "transforms")) {
      List<Node> items = doc.sequence(m.get("transforms").value(), path + ".transforms");
      for (int i = 0; i < items.size(); i++) {
        TransformSpec t = transform(items.get(i), path + ".transforms[" + i + "]");
        if (t == null) {
          ok = false;
        } else {
          transforms.add(t);
        }
      }
    }
    if (!ok) {
      return null;
    }
    double s = smooth;
    boolean ti = timeIntegrate;
    boolean err = error;
    GridSpec g = grid;
    return checkedUnder(() -> new FootprintConfig(g, s, ti, err, transforms), path);
  }

  private <T> T checkedUnder(java.util.function.Supplier<T> make, String path) {
    try {
      return make.get();
    } catch (ConfigException e) {
      for (ConfigProblem p : e.problems()) {
        doc.problem(p, path);
      }
      return null;
    }
  }

  private static boolean present(Map<String, Entry> m, String key) {
    return m.containsKey(key) && !YamlDoc.isNull(m.get(key).value());
  }

  private TransformSpec transform(Node n, String path) {
    Map<String, Entry> m = doc.mapping(n, path);
    if (!present(m, "kind")) {
      doc.problem(n, path, "missing kind: use one of " + String.join(", ", TRANSFORM_KINDS));
      return null;
    }
    String kind = doc.text(m.get("kind").value(), path + ".kind");
    if (kind == null) {
      return null;
    }
    Map<String, Object> metadata = new LinkedHashMap<>();
    if (present(m, "metadata")) {
      Object md = doc.plain(m.get("metadata").value(), path + ".metadata");
      if (md instanceof Map<?, ?> mm) {
        mm.forEach((k, v) -> metadata.put((String) k, v));
      } else {
        doc.problem(m.get("metadata").value(), path + ".metadata", "must be a mapping");
        return null;
      }
    }
    switch (kind) {
      case "vertical_operator": {
        doc.unknownKeys(m, path, VERTICAL_OPERATOR_KEYS, Map.of());
        if (!present(m, "mode")) {
          doc.problem(n, path, "missing mode: use one of " + String.join(", ", TransformSpec.VerticalOperator.MODES));
          return null;
        }
        String mode = doc.text(m.get("mode").value(), path + ".mode");
        List<Double> levels = present(m, "levels") ? doc.numbers(m.get("levels").value(), path + ".levels") : List.of();
        List<Double> values = present(m, "values") ? doc.numbers(m.get("values").value(), path + ".values") : List.of();
        List<Double> pressure = present(m, "pressure_levels")
            ? doc.numbers(m.get("pressure_levels").value(), path + ".pressure_levels") : List.of();
        String coordinate = present(m, "coordinate") ? doc.text(m.get("coordinate").value(), path + ".coordinate") : "xhgt";
        if (mode == null || levels == null || values == null || pressure == null || coordinate == null) {
          return null;
        }
        return checkedUnder(() -> new TransformSpec.VerticalOperator(mode, levels, values, pressure, coordinate,
            metadata), path);
      }
      case "first_order_lifetime": {
        doc.unknownKeys(m, path, LIFETIME_KEYS, Map.of());
        if (!present(m, "lifetime_hours")) {
          doc.problem(n, path, "missing lifetime_hours: the e-folding lifetime in hours");
          return null;
        }
        Double hours = doc.number(m.get("lifetime_hours").value(), path + ".lifetime_hours");
        String column = present(m, "time_column") ? doc.text(m.get("time_column").value(), path + ".time_column") : "time";
        String unit = present(m, "time_unit") ? doc.text(m.get("time_unit").value(), path + ".time_unit") : "min";
        if (hours == null || column == null || unit == null) {
          return null;
        }
        return checkedUnder(() -> new TransformSpec.FirstOrderLifetime(hours, column, unit, metadata), path);
      }
      default:
        doc.problem(m.get("kind").value(), path + ".kind", "unknown transform kind '" + kind + "'"
            + KeySuggestions.nearest(kind, TRANSFORM_KINDS).map(s -> "; did you mean '" + s + "'?")
                .orElse("; use one of " + String.join(", ", TRANSFORM_KINDS)));
        return null;
    }
  }

  // ---- meteorology -----------------------------------------------------------------------------------

  private Map<MetId, MetConfig> mets(Entry section) {
    Map<MetId, MetConfig> out = new LinkedHashMap<>();
    if (section == null) {
      return out;
    }
    for (Entry e : doc.mapping(section.value(), "mets").values()) {
      String path = "mets." + e.key();
      if (!MetId.isValid(e.key())) {
        doc.problem(e.keyNode(), path, "met names must be lower-case letters and digits only (they start every "
            + "simulation id, where '_' separates parts), e.g. hrrr or nam12");
      }
      MetConfig mc = met(e, path);
      if (mc != null && MetId.isValid(e.key())) {
        out.put(new MetId(e.key()), mc);
      }
    }
    return out;
  }

  private MetConfig met(Entry e, String path) {
    Map<String, Entry> m = doc.mapping(e.value(), path);
    boolean sourceMode = present(m, "source");
    Map<String, Object> options = new LinkedHashMap<>();
    if (sourceMode) {
      for (Entry x : m.values()) {
        if (!MET_KEYS.contains(x.key())) {
          options.put(x.key(), doc.plain(x.value(), path + "." + x.key()));
        }
      }
    } else {
      doc.unknownKeys(m, path, MET_KEYS, Map.of());
    }
    // A value that cannot be read is reported and replaced by a harmless placeholder, so that the
    // stream's own checks (missing file_format, ...) still run and are reported in the same pass.
    boolean ok = true;
    Path directory = Path.of("/");
    if (!present(m, "directory")) {
      doc.problem(e.keyNode(), path + ".directory", "missing: the directory holding this stream's ARL files");
      ok = false;
    } else {
      Path p = path(m.get("directory").value(), path + ".directory");
      ok &= p != null;
      directory = p == null ? directory : p;
    }
    Optional<String> source = Optional.empty();
    if (sourceMode) {
      String s = doc.text(m.get("source").value(), path + ".source");
      ok &= s != null;
      source = Optional.of(s == null ? MetConfig.SOURCES.get(0) : s);
    }
    String backend = "s3";
    if (present(m, "backend")) {
      String b = doc.text(m.get("backend").value(), path + ".backend");
      ok &= b != null;
      backend = b == null ? backend : b;
    }
    Optional<String> fileFormat = Optional.empty();
    if (present(m, "file_format")) {
      String f = doc.text(m.get("file_format").value(), path + ".file_format");
      ok &= f != null;
      fileFormat = Optional.of(f == null ? "%Y" : f);
    }
    Optional<Duration> fileTres = Optional.empty();
    if (present(m, "file_tres")) {
      Duration d = duration(m.get("file_tres").value(), path + ".file_tres", false);
      ok &= d != null;
      fileTres = Optional.of(d == null ? Duration.ofHours(1) : d);
    }
    int nMin = 1;
    if (present(m, "n_min")) {
      Integer i = doc.integer(m.get("n_min").value(), path + ".n_min");
      ok &= i != null;
      nMin = i == null ? nMin : i;
    }
    boolean subgridEnable = false;
    if (present(m, "subgrid_enable")) {
      Boolean b = doc.bool(m.get("subgrid_enable").value(), path + ".subgrid_enable");
      ok &= b != null;
      subgridEnable = b != null && b;
    }
    Optional<Bounds> bounds = Optional.empty();
    if (present(m, "subgrid_bounds")) {
      Bounds b = bounds(m.get("subgrid_bounds").value(), path + ".subgrid_bounds");
      ok &= b != null;
      bounds = Optional.of(b == null ? new Bounds(-1, 1, -1, 1) : b);
    }
    double buffer = 0.2;
    if (present(m, "subgrid_buffer")) {
      Double d = doc.number(m.get("subgrid_buffer").value(), path + ".subgrid_buffer");
      ok &= d != null;
      buffer = d == null ? buffer : d;
    }
    OptionalInt levels = OptionalInt.empty();
    if (present(m, "subgrid_levels")) {
      Integer i = doc.integer(m.get("subgrid_levels").value(), path + ".subgrid_levels");
      ok &= i != null;
      levels = i == null ? levels : OptionalInt.of(i);
    }
    Optional<Path> subgridDir = Optional.empty();
    if (present(m, "subgrid_dir")) {
      Path p = path(m.get("subgrid_dir").value(), path + ".subgrid_dir");
      ok &= p != null;
      subgridDir = Optional.ofNullable(p);
    }
    Path dir = directory;
    Optional<String> src = source;
    String be = backend;
    Optional<String> ff = fileFormat;
    Optional<Duration> ft = fileTres;
    int nm = nMin;
    boolean se = subgridEnable;
    Optional<Bounds> sb = bounds;
    double buf = buffer;
    OptionalInt lv = levels;
    Optional<Path> sd = subgridDir;
    MetConfig met = checkedUnder(() -> new MetConfig(dir, src, be, ff, ft, nm, se, sb, buf, lv, sd, options), path);
    return ok ? met : null;
  }

  private Bounds bounds(Node n, String path) {
    Map<String, Entry> m = doc.mapping(n, path);
    doc.unknownKeys(m, path, BOUNDS_KEYS, Map.of());
    double[] v = new double[4];
    boolean ok = true;
    for (int i = 0; i < 4; i++) {
      String k = BOUNDS_KEYS.get(i);
      if (!present(m, k)) {
        doc.problem(n, path + "." + k, "missing (bounds need xmin, xmax, ymin, ymax in degrees)");
        ok = false;
        continue;
      }
      Double d = doc.number(m.get(k).value(), path + "." + k);
      ok &= d != null;
      v[i] = d == null ? 0 : d;
    }
    return ok ? checkedUnder(() -> new Bounds(v[0], v[1], v[2], v[3]), path) : null;
  }

  /** A path: {@code ~} expanded, relative paths resolved against the config file's directory. */
  private Path path(Node n, String path) {
    String t = doc.text(n, path);
    if (t == null) {
      return null;
    }
    if (t.isBlank()) {
      doc.problem(n, path, "is empty; give a directory path");
      return null;
    }
    if (t.equals("~") || t.startsWith("~/")) {
      t = System.getProperty("user.home") + t.substring(1);
    }
    try {
      return baseDir.resolve(t).normalize();
    } catch (java.nio.file.InvalidPathException e) {
      doc.problem(n, path, "is not a valid path: " + e.getMessage());
      return null;
    }
  }

  /** A pandas-style span ({@code 6h}); when {@code secondsAllowed}, a bare number means seconds. */
  private Duration duration(Node n, String path, boolean secondsAllowed) {
    if (!(n instanceof ScalarNode s)) {
      doc.problem(n, path, "must be a time span such as 6h, got " + YamlDoc.describe(n));
      return null;
    }
    String t = s.getValue().strip();
    if (secondsAllowed && t.matches("\\d+(\\.\\d*)?")) {
      double seconds = Double.parseDouble(t);
      if (seconds <= 0) {
        doc.problem(n, path, "must be a positive time span, got " + t);
        return null;
      }
      return Duration.ofNanos(Math.round(seconds * 1e9));
    }
    try {
      return Timedelta.parse(t);
    } catch (IllegalArgumentException e) {
      String hint = t.matches("\\d+") ? " (a bare number has no unit: write e.g. " + t + "h)" : "";
      doc.problem(n, path, e.getMessage() + hint);
      return null;
    }
  }

  // ---- execution and transport -----------------------------------------------------------------------

  private ExecutionConfig execution(Entry section) {
    if (section == null || YamlDoc.isNull(section.value())) {
      return ExecutionConfig.LOCAL;
    }
    Map<String, Entry> m = doc.mapping(section.value(), "execution");
    String backend = "local";
    boolean ok = true;
    if (present(m, "backend")) {
      backend = doc.text(m.get("backend").value(), "execution.backend");
      ok &= backend != null;
    }
    OptionalInt workers = OptionalInt.empty();
    if (present(m, "n_workers")) {
      Integer i = doc.integer(m.get("n_workers").value(), "execution.n_workers");
      ok &= i != null;
      workers = i == null ? workers : OptionalInt.of(i);
    }
    Map<String, Object> options = new LinkedHashMap<>();
    if ("local".equals(backend)) {
      doc.unknownKeys(m, "execution", List.of("backend", "n_workers"), Map.of());
    } else {
      for (Entry e : m.values()) {
        if (!e.key().equals("backend") && !e.key().equals("n_workers")) {
          options.put(e.key(), doc.plain(e.value(), "execution." + e.key()));
        }
      }
    }
    if (!ok) {
      return ExecutionConfig.LOCAL;
    }
    String b = backend;
    OptionalInt w = workers;
    ExecutionConfig ec = checkedUnder(() -> new ExecutionConfig(b, w, options), "");
    return ec == null ? ExecutionConfig.LOCAL : ec;
  }

  private TransportConfig transport(Entry section) {
    if (section == null || YamlDoc.isNull(section.value())) {
      return TransportConfig.DEFAULTS;
    }
    Map<String, Entry> m = doc.mapping(section.value(), "transport");
    doc.unknownKeys(m, "transport", TRANSPORT_KEYS, Map.of());
    boolean ok = true;
    TransportConfig.Engine engine = TransportConfig.Engine.NATIVE;
    if (present(m, "engine")) {
      String e = doc.text(m.get("engine").value(), "transport.engine");
      if (e != null) {
        switch (e.strip().toLowerCase(java.util.Locale.ROOT)) {
          case "native" -> engine = TransportConfig.Engine.NATIVE;
          case "hysplit", "hycs_std" -> engine = TransportConfig.Engine.HYSPLIT;
          default -> {
            doc.problem(m.get("engine").value(), "transport.engine", "must be native or hysplit, got '" + e + "'");
            ok = false;
          }
        }
      } else {
        ok = false;
      }
    }
    OptionalInt threads = OptionalInt.empty();
    if (present(m, "threads")) {
      Integer i = doc.integer(m.get("threads").value(), "transport.threads");
      ok &= i != null;
      threads = i == null ? threads : OptionalInt.of(i);
    }
    OptionalLong seed = OptionalLong.empty();
    if (present(m, "seed")) {
      Long l = doc.longValue(m.get("seed").value(), "transport.seed");
      ok &= l != null;
      seed = l == null ? seed : OptionalLong.of(l);
    }
    TransportConfig.Hysplit hysplit = TransportConfig.Hysplit.DEFAULTS;
    if (present(m, "hysplit")) {
      Map<String, Entry> h = doc.mapping(m.get("hysplit").value(), "transport.hysplit");
      doc.unknownKeys(h, "transport.hysplit", HYSPLIT_KEYS, Map.of());
      Optional<Path> exe = Optional.empty();
      if (present(h, "executable")) {
        Path p = path(h.get("executable").value(), "transport.hysplit.executable");
        ok &= p != null;
        exe = Optional.ofNullable(p);
      }
      Duration timeout = hysplit.timeout();
      if (present(h, "timeout")) {
        Duration d = duration(h.get("timeout").value(), "transport.hysplit.timeout", true);
        ok &= d != null;
        timeout = d == null ? timeout : d;
      }
      Optional<Path> x = exe;
      Duration t = timeout;
      TransportConfig.Hysplit h2 = checkedUnder(() -> new TransportConfig.Hysplit(x, t), "");
      ok &= h2 != null;
      hysplit = h2 == null ? hysplit : h2;
    }
    // Built even after a failed value (with placeholders) so that its own checks are reported too.
    TransportConfig.Engine en = engine;
    TransportConfig.Hysplit hy = hysplit;
    OptionalInt th = threads;
    OptionalLong sd = seed;
    TransportConfig tc = checkedUnder(() -> new TransportConfig(en, hy, th, sd), "");
    return tc == null || !ok ? TransportConfig.DEFAULTS : tc;
  }

  private static Map<String, String> hints() {
    Map<String, String> h = new LinkedHashMap<>();
    for (String k : List.of("xres", "yres", "projection", "xmin", "xmax", "ymin", "ymax")) {
      h.put(k, "in a footprint (footprints.<name>.grid, or directly in the footprint) or in grids.<name>");
    }
    for (String k : List.of("smooth_factor", "time_integrate", "transforms")) {
      h.put(k, "in a footprint: footprints.<name>." + k);
    }
    for (String k : MET_KEYS) {
      h.putIfAbsent(k, "in a met stream: mets.<name>." + k);
    }
    for (String k : List.of("engine", "threads", "hysplit")) {
      h.put(k, "in the transport: section (transport." + k + ")");
    }
    for (String k : List.of("backend", "n_workers")) {
      h.put(k, "in the execution: section (execution." + k + ")");
    }
    h.put("timeout", "in transport.hysplit.timeout");
    return Collections.unmodifiableMap(h);
  }

  static Set<String> topLevelKeys() {
    Set<String> s = new java.util.LinkedHashSet<>(HysplitParameter.keys());
    s.addAll(SECTIONS);
    return s;
  }
}
