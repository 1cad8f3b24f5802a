package org.jstilt.core.config;

import java.util.ArrayList;
import java.util.List;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;

/**
 * A configuration is invalid. Carries every problem found (not only the first), each with its key path
 * and, when read from a file, its line; the message lists them all, one per line.
 */
public class ConfigException extends StiltException {
  private static final long serialVersionUID = 1L;

  private final transient List<ConfigProblem> problems;

  public ConfigException(List<ConfigProblem> problems) {
    super(ErrorCode.CONFIG, describe(problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ConfigException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  /** A single problem at {@code path}. */
  public static ConfigException at(String path, String message) {
    return new ConfigException(List.of(ConfigProblem.at(path, message)));
  }

  /** All problems, in the order found (file order when read from a file). */
  public List<ConfigProblem> problems() {
    return problems;
  }

  private static String describe(List<ConfigProblem> problems) {
    if (problems.size() == 1) {
      return "invalid configuration: " + problems.get(0).describe();
    }
    List<String> lines = new ArrayList<>();
    lines.add("invalid configuration (" + problems.size() + " problems):");
    for (ConfigProblem p : problems) {
      lines.add("  " + p.describe());
    }
    return String.join("\n", lines);
  }

  /** Throws a {@link ConfigException} when {@code problems} is not empty. */
  public static void throwIfAny(List<ConfigProblem> problems) {
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
  }
}
