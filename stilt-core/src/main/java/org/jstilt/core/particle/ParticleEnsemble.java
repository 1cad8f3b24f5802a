package org.jstilt.core.particle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;

/**
 * An immutable columnar particle table: named {@code double[]} columns of equal length.
 *
 * <p>Struct-of-arrays on purpose: footprint gridding and transport work column by column over millions of
 * rows, and one object per particle would cost memory and cache misses. The arrays handed in are copied,
 * and {@link #column(String)} returns a copy, so an ensemble can be shared between threads freely; hot
 * loops should take each column once.
 */
public final class ParticleEnsemble {
  private final List<String> names;
  private final Map<String, Integer> indexByName;
  private final double[][] columns;
  private final int rows;

  private ParticleEnsemble(List<String> names, double[][] columns, int rows) {
    this.names = List.copyOf(names);
    this.columns = columns;
    this.rows = rows;
    Map<String, Integer> idx = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      if (idx.put(names.get(i), i) != null) {
        throw new IllegalArgumentException("duplicate particle column '" + names.get(i) + "'");
      }
    }
    this.indexByName = idx;
  }

  /**
   * Builds an ensemble from columns in iteration order (use a {@link LinkedHashMap}); the arrays are
   * copied.
   */
  public static ParticleEnsemble of(Map<String, double[]> columnsByName) {
    List<String> names = new ArrayList<>(columnsByName.keySet());
    double[][] cols = new double[names.size()][];
    int rows = -1;
    for (int i = 0; i < names.size(); i++) {
      double[] c = Objects.requireNonNull(columnsByName.get(names.get(i)), names.get(i));
      if (rows >= 0 && c.length != rows) {
        throw new IllegalArgumentException(
            "particle column '" + names.get(i) + "' has " + c.length + " rows, expected " + rows);
      }
      rows = c.length;
      cols[i] = c.clone();
    }
    return new ParticleEnsemble(names, cols, Math.max(rows, 0));
  }

  /** An ensemble with the given columns and no rows. */
  public static ParticleEnsemble empty(List<String> columnNames) {
    double[][] cols = new double[columnNames.size()][0];
    return new ParticleEnsemble(columnNames, cols, 0);
  }

  /** A builder that appends rows, for parsers and engines that produce rows one at a time. */
  public static Builder builder(List<String> columnNames) {
    return new Builder(columnNames);
  }

  /** Number of rows (particle × output step). */
  public int size() {
    return rows;
  }

  public boolean isEmpty() {
    return rows == 0;
  }

  /** Column names in table order. */
  public List<String> columnNames() {
    return names;
  }

  public boolean hasColumn(String name) {
    return indexByName.containsKey(name);
  }

  /** A copy of the named column. */
  public double[] column(String name) {
    return columns[indexOf(name)].clone();
  }

  /** One cell. */
  public double get(String name, int row) {
    return columns[indexOf(name)][row];
  }

  /** A new ensemble with {@code name} replaced (same position) or appended (at the end). */
  public ParticleEnsemble withColumn(String name, double[] values) {
    if (values.length != rows) {
      throw new IllegalArgumentException(
          "column '" + name + "' has " + values.length + " rows, ensemble has " + rows);
    }
    List<String> n = new ArrayList<>(names);
    double[][] c;
    Integer at = indexByName.get(name);
    if (at == null) {
      n.add(name);
      c = Arrays.copyOf(columns, columns.length + 1);
      c[c.length - 1] = values.clone();
    } else {
      c = columns.clone();
      c[at] = values.clone();
    }
    return new ParticleEnsemble(n, c, rows);
  }

  /** A new ensemble with only the named columns, in the given order. */
  public ParticleEnsemble select(List<String> columnNames) {
    double[][] c = new double[columnNames.size()][];
    for (int i = 0; i < c.length; i++) {
      c[i] = columns[indexOf(columnNames.get(i))];
    }
    return new ParticleEnsemble(columnNames, c, rows);
  }

  /** A new ensemble whose row {@code i} is this ensemble's row {@code order[i]}. */
  public ParticleEnsemble reorderRows(int[] order) {
    double[][] c = new double[columns.length][order.length];
    for (int j = 0; j < columns.length; j++) {
      double[] src = columns[j];
      double[] dst = c[j];
      for (int i = 0; i < order.length; i++) {
        dst[i] = src[order[i]];
      }
    }
    return new ParticleEnsemble(names, c, order.length);
  }

  /** Throws a clear error naming what is missing when a required column is absent. */
  public void requireColumns(List<String> required, String purpose) {
    List<String> missing = new ArrayList<>();
    for (String r : required) {
      if (!hasColumn(r)) {
        missing.add(r);
      }
    }
    if (!missing.isEmpty()) {
      throw new StiltException(
          ErrorCode.INPUT,
          purpose + " needs particle columns " + missing + " but the table has only " + names
              + "; add them to varsiwant or to the input file.");
    }
  }

  private int indexOf(String name) {
    Integer i = indexByName.get(name);
    if (i == null) {
      throw new IllegalArgumentException("no particle column '" + name + "' (have " + names + ")");
    }
    return i;
  }

  @Override
  public String toString() {
    return "ParticleEnsemble[" + rows + " rows, columns=" + names + "]";
  }

  /** Appends rows column-wise into growable primitive arrays. Not thread-safe. */
  public static final class Builder {
    private final List<String> names;
    private double[][] cols;
    private int rows;

    private Builder(List<String> names) {
      this.names = List.copyOf(names);
      this.cols = new double[names.size()][1024];
    }

    /** Appends one row; {@code values} are in column order. */
    public Builder addRow(double... values) {
      if (values.length != names.size()) {
        throw new IllegalArgumentException(
            "row has " + values.length + " values, expected " + names.size());
      }
      ensure(rows + 1);
      for (int j = 0; j < values.length; j++) {
        cols[j][rows] = values[j];
      }
      rows++;
      return this;
    }

    /** Number of rows added so far. */
    public int size() {
      return rows;
    }

    private void ensure(int capacity) {
      if (cols.length > 0 && cols[0].length < capacity) {
        int n = Math.max(capacity, cols[0].length * 2);
        for (int j = 0; j < cols.length; j++) {
          cols[j] = Arrays.copyOf(cols[j], n);
        }
      }
    }

    public ParticleEnsemble build() {
      double[][] c = new double[cols.length][];
      for (int j = 0; j < cols.length; j++) {
        c[j] = Arrays.copyOf(cols[j], rows);
      }
      return new ParticleEnsemble(names, c, rows);
    }
  }

  /** Column names as an unmodifiable view, for callers that need a {@code Map}. */
  public Map<String, double[]> toMap() {
    Map<String, double[]> m = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      m.put(names.get(i), columns[i].clone());
    }
    return Collections.unmodifiableMap(m);
  }
}
