package org.jstilt.io.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jstilt.core.config.ConfigProblem;
import org.jstilt.core.text.PyFloat;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * A composed YAML document with the problems found while reading it. Every conversion reports what is
 * wrong at the node's line and column under its key path and returns {@code null}, so that reading goes
 * on and all problems are reported together.
 *
 * <p>Scalars are interpreted the way PyYAML (YAML 1.1) plus pydantic's lax mode read them in PYSTILT:
 * {@code yes}/{@code no}/{@code on}/{@code off} are booleans, {@code ~}/{@code null}/an empty value is
 * null, numbers may be quoted, whole floats ({@code 1000.0}) are accepted for integers.
 */
final class YamlDoc {
  /** A key and its value in a mapping. */
  record Entry(String key, Node keyNode, Node value) {}

  private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");
  private static final Pattern TRUE = Pattern.compile("(?i)true|yes|on|y|t");
  private static final Pattern FALSE = Pattern.compile("(?i)false|no|off|n|f");
  private static final Pattern PLAIN_BOOL = Pattern.compile("true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF");
  private static final Pattern INT = Pattern.compile("[-+]?(?:0|[1-9][0-9_]*)");
  private static final Pattern YAML_INF = Pattern.compile("([-+]?)\\.(?:inf|Inf|INF)");
  private static final Pattern YAML_NAN = Pattern.compile("\\.(?:nan|NaN|NAN)");

  private final String file;
  private final List<ConfigProblem> problems = new ArrayList<>();
  private final Map<String, Node> positions = new HashMap<>();

  YamlDoc(String file) {
    this.file = file;
  }

  List<ConfigProblem> problems() {
    return problems;
  }

  /** Records a problem at a node (or at the start of the file when {@code at} is null). */
  void problem(Node at, String path, String message) {
    int line = 1;
    int column = 0;
    if (at != null && at.getStartMark().isPresent()) {
      Mark m = at.getStartMark().get();
      line = m.getLine() + 1;
      column = m.getColumn() + 1;
    }
    problems.add(ConfigProblem.at(path, message).located(file, line, column));
  }

  /** Records a problem found by a record's own checks; its path is relative to {@code parent}. */
  void problem(ConfigProblem p, String parent) {
    ConfigProblem full = p.under(parent);
    problem(nodeFor(full.path()), full.path(), full.message());
  }

  /** The node recorded for a path, or for the nearest recorded parent path. */
  Node nodeFor(String path) {
    String p = path;
    while (true) {
      Node n = positions.get(p);
      if (n != null) {
        return n;
      }
      int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      if (cut <= 0) {
        return positions.get("");
      }
      p = p.substring(0, cut);
    }
  }

  void remember(String path, Node node) {
    positions.putIfAbsent(path, node);
  }

  static String child(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  static boolean isNull(Node n) {
    return n == null || (n instanceof ScalarNode s && s.getScalarStyle() == ScalarStyle.PLAIN
        && NULL.matcher(s.getValue()).matches());
  }

  /**
   * The entries of a mapping in file order. Reports a non-mapping, non-text keys and repeated keys (PyYAML
   * keeps the last silently; a repeated key is almost always a mistake), and applies YAML 1.1 merge keys
   * ({@code <<: *defaults}) as PyYAML does. A null value gives an empty mapping.
   */
  Map<String, Entry> mapping(Node node, String path) {
    Map<String, Entry> out = new LinkedHashMap<>();
    if (isNull(node)) {
      return out;
    }
    if (!(node instanceof MappingNode m)) {
      problem(node, path, "must be a mapping of 'key: value' lines, got " + describe(node));
      return out;
    }
    List<Entry> merged = new ArrayList<>();
    for (NodeTuple t : m.getValue()) {
      Node k = t.getKeyNode();
      if (!(k instanceof ScalarNode ks)) {
        problem(k, path, "keys must be plain names, got " + describe(k));
        continue;
      }
      String key = ks.getValue();
      if (key.equals("<<") && ks.getScalarStyle() == ScalarStyle.PLAIN) {
        Node v = t.getValueNode();
        List<Node> sources = v instanceof SequenceNode s ? s.getValue() : List.of(v);
        for (Node src : sources) {
          if (src instanceof MappingNode) {
            mapping(src, path).values().forEach(merged::add);
          } else {
            problem(src, path, "a merge key (<<) needs a mapping or a list of mappings, got " + describe(src));
          }
        }
        continue;
      }
      Entry previous = out.get(key);
      if (previous != null) {
        problem(k, child(path, key), "repeated key (first on line " + lineOf(previous.keyNode())
            + "); remove one of them");
        continue;
      }
      out.put(key, new Entry(key, k, t.getValueNode()));
      // Point at a scalar's value (n_hours: 0 -> the 0), at the key of a section (its problems are often
      // missing keys, best shown where the section starts).
      remember(child(path, key), t.getValueNode() instanceof ScalarNode ? t.getValueNode() : k);
    }
    for (Entry e : merged) {
      out.putIfAbsent(e.key(), e); // explicit keys win over merged ones
    }
    return out;
  }

  /** The items of a sequence ({@code null} gives none). */
  List<Node> sequence(Node node, String path) {
    if (isNull(node)) {
      return List.of();
    }
    if (!(node instanceof SequenceNode s)) {
      problem(node, path, "must be a list ([a, b] or '- item' lines), got " + describe(node));
      return List.of();
    }
    for (int i = 0; i < s.getValue().size(); i++) {
      remember(path + "[" + i + "]", s.getValue().get(i));
    }
    return s.getValue();
  }

  /**
   * Reports the keys of {@code m} not in {@code valid}, each with the nearest valid key, or with the place
   * it belongs when {@code elsewhere} knows it (e.g. {@code xres} at the top level belongs in a grid).
   */
  void unknownKeys(Map<String, Entry> m, String path, Collection<String> valid, Map<String, String> elsewhere) {
    for (Entry e : m.values()) {
      if (valid.contains(e.key())) {
        continue;
      }
      Optional<String> near = KeySuggestions.nearest(e.key(), valid);
      String where = path.isEmpty() ? "at the top level" : "in " + path;
      String msg = "unknown key " + where;
      if (near.isPresent()) {
        msg += "; did you mean '" + near.get() + "'?";
      } else if (elsewhere.containsKey(e.key())) {
        msg += "; '" + e.key() + "' belongs " + elsewhere.get(e.key());
      } else {
        msg += "; valid keys: " + String.join(", ", valid);
      }
      problem(e.keyNode(), child(path, e.key()), msg);
    }
  }

  // ---- scalars -----------------------------------------------------------------------------------

  private ScalarNode scalar(Node n, String path, String expected) {
    if (n instanceof ScalarNode s) {
      return s;
    }
    problem(n, path, "must be " + expected + ", got " + describe(n));
    return null;
  }

  /** A whole number; whole floats and quoted numbers are accepted as pydantic does. */
  Integer integer(Node n, String path) {
    Long v = longValue(n, path);
    if (v == null) {
      return null;
    }
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      problem(n, path, "is too large, got " + v);
      return null;
    }
    return v.intValue();
  }

  Long longValue(Node n, String path) {
    ScalarNode s = scalar(n, path, "a whole number");
    if (s == null) {
      return null;
    }
    String t = s.getValue().strip();
    if (INT.matcher(t).matches()) {
      try {
        return Long.parseLong(t.replace("_", "").replace("+", ""));
      } catch (NumberFormatException e) {
        problem(n, path, "is too large, got " + t);
        return null;
      }
    }
    Double d = parseDouble(t);
    if (d != null && Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 0x1p62) {
      return (long) (double) d;
    }
    problem(n, path, "must be a whole number, got " + quoted(s));
    return null;
  }

  /** A number (integers, decimals, exponents, YAML's .inf/.nan; quoted numbers too). */
  Double number(Node n, String path) {
    ScalarNode s = scalar(n, path, "a number");
    if (s == null) {
      return null;
    }
    Double d = parseDouble(s.getValue().strip());
    if (d == null) {
      problem(n, path, "must be a number, got " + quoted(s));
    }
    return d;
  }

  private static Double parseDouble(String t) {
    java.util.regex.Matcher inf = YAML_INF.matcher(t);
    if (inf.matches()) {
      return inf.group(1).equals("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (YAML_NAN.matcher(t).matches()) {
      return Double.NaN;
    }
    try {
      return PyFloat.parse(t);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** true/false, also yes/no/on/off (YAML 1.1, as PyYAML reads PYSTILT configs), 1/0 and quoted forms. */
  Boolean bool(Node n, String path) {
    ScalarNode s = scalar(n, path, "true or false");
    if (s == null) {
      return null;
    }
    String t = s.getValue().strip();
    if (TRUE.matcher(t).matches() || t.equals("1")) {
      return true;
    }
    if (FALSE.matcher(t).matches() || t.equals("0")) {
      return false;
    }
    problem(n, path, "must be true or false, got " + quoted(s));
    return null;
  }

  /** Text (any scalar; numbers are taken as written). */
  String text(Node n, String path) {
    ScalarNode s = scalar(n, path, "text");
    return s == null ? null : s.getValue();
  }

  /** A list of numbers. */
  List<Double> numbers(Node n, String path) {
    List<Double> out = new ArrayList<>();
    boolean ok = true;
    List<Node> items = sequence(n, path);
    for (int i = 0; i < items.size(); i++) {
      Double d = number(items.get(i), path + "[" + i + "]");
      if (d == null) {
        ok = false;
      } else {
        out.add(d);
      }
    }
    return ok && (n instanceof SequenceNode || isNull(n)) ? out : null;
  }

  /** A list of texts. */
  List<String> texts(Node n, String path) {
    List<String> out = new ArrayList<>();
    boolean ok = true;
    List<Node> items = sequence(n, path);
    for (int i = 0; i < items.size(); i++) {
      String s = text(items.get(i), path + "[" + i + "]");
      if (s == null) {
        ok = false;
      } else {
        out.add(s);
      }
    }
    return ok && (n instanceof SequenceNode || isNull(n)) ? out : null;
  }

  /**
   * Any value as plain Java, the way PyYAML would load it: plain scalars become null, Boolean, Long or
   * Double when they look like one, quoted scalars stay text; lists and mappings (key order kept) nest.
   */
  Object plain(Node n, String path) {
    if (n instanceof ScalarNode s) {
      String t = s.getValue();
      if (s.getScalarStyle() != ScalarStyle.PLAIN) {
        return t;
      }
      if (NULL.matcher(t).matches()) {
        return null;
      }
      if (PLAIN_BOOL.matcher(t).matches()) {
        return TRUE.matcher(t).matches();
      }
      if (INT.matcher(t).matches()) {
        try {
          return Long.parseLong(t.replace("_", "").replace("+", ""));
        } catch (NumberFormatException e) {
          return t;
        }
      }
      if (t.matches("[-+]?(?:\\d[\\d_]*)?\\.\\d[\\d_]*(?:[eE][-+]?\\d+)?|[-+]?\\d[\\d_]*\\.?(?:[eE][-+]?\\d+)")
          || YAML_INF.matcher(t).matches() || YAML_NAN.matcher(t).matches()) {
        return parseDouble(t);
      }
      return t;
    }
    if (n instanceof SequenceNode s) {
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < s.getValue().size(); i++) {
        out.add(plain(s.getValue().get(i), path + "[" + i + "]"));
      }
      return out;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Entry e : mapping(n, path).values()) {
      out.put(e.key(), plain(e.value(), child(path, e.key())));
    }
    return out;
  }

  static String describe(Node n) {
    if (n == null) {
      return "nothing";
    }
    if (n instanceof ScalarNode s) {
      return isNull(n) ? "an empty value" : quoted(s);
    }
    return n instanceof SequenceNode ? "a list" : "a mapping";
  }

  private static String quoted(ScalarNode s) {
    return "'" + s.getValue() + "'";
  }

  static int lineOf(Node n) {
    return n.getStartMark().map(m -> m.getLine() + 1).orElse(0);
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
