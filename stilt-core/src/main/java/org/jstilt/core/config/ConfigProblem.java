package org.jstilt.core.config;

import java.util.Objects;

/**
 * One thing wrong with a configuration: where (the key path, e.g. {@code footprints.slv.grid.xres}, and
 * when known the file, line and column) and what, written for the person editing the file.
 *
 * @param path dotted key path from the top of config.yaml ({@code ""} for the whole file)
 * @param message what is wrong and what to do, without the path
 * @param file the file it was read from, or {@code ""} when the value was built in code
 * @param line 1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 */
public record ConfigProblem(String path, String message, String file, int line, int column)
    implements Comparable<ConfigProblem> {
  public ConfigProblem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(file, "file");
  }

  /** A problem at a key path, not yet tied to a file position. */
  public static ConfigProblem at(String path, String message) {
    return new ConfigProblem(path, message, "", 0, 0);
  }

  /** The same problem at a position in a file. */
  public ConfigProblem located(String newFile, int newLine, int newColumn) {
    return new ConfigProblem(path, message, newFile, newLine, newColumn);
  }

  /** The same problem under a parent path ({@code grid} becomes {@code footprints.slv.grid}). */
  public ConfigProblem under(String parent) {
    String p = parent.isEmpty() ? path : (path.isEmpty() ? parent : parent + "." + path);
    return new ConfigProblem(p, message, file, line, column);
  }

  /** {@code config.yaml:12:5: footprints.slv.grid.xrez: unknown key; did you mean 'xres'?} */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    if (!file.isEmpty()) {
      sb.append(file);
      if (line > 0) {
        sb.append(':').append(line);
        if (column > 0) {
          sb.append(':').append(column);
        }
      }
      sb.append(": ");
    }
    if (!path.isEmpty()) {
      sb.append(path).append(": ");
    }
    return sb.append(message).toString();
  }

  /** File order: by file, line, column, then path. */
  @Override
  public int compareTo(ConfigProblem o) {
    int c = file.compareTo(o.file);
    if (c == 0) {
      c = Integer.compare(line, o.line);
    }
    if (c == 0) {
      c = Integer.compare(column, o.column);
    }
    return c != 0 ? c : path.compareTo(o.path);
  }

  @Override
  public String toString() {
    return describe();
  }
}
