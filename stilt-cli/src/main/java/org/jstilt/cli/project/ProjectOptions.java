package org.jstilt.cli.project;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The options every project verb shares: the project directory (default: the current directory), an
 * output root elsewhere, and the registry URL from the environment (read here, once, as the CLI is the only
 * place that reads the environment).
 */
public final class ProjectOptions {
  /** Environment variable naming a PostgreSQL registry. */
  public static final String DB_URL_ENV = "JSTILT_DB_URL";
  /** PYSTILT's name for the same, honoured when {@link #DB_URL_ENV} is unset. */
  public static final String PYSTILT_DB_URL_ENV = "PYSTILT_DB_URL";

  @Parameters(index = "0", arity = "0..1", paramLabel = "PROJECT",
      description = "Project directory (holds config.yaml and receptors.csv); default: the current directory.")
  Path project;

  @Option(names = "--output-dir", paramLabel = "DIR",
      description = "Output root (registry and simulations/); default: the project directory.")
  Path outputDir;

  /** The project directory: as given, else the output root if only that was given, else the working directory. */
  public Path projectDir() {
    if (project != null) {
      return project;
    }
    return outputDir != null ? outputDir : Path.of("");
  }

  /** The output root, or {@code null} for the project directory. */
  public Path outputDir() {
    return outputDir;
  }

  /** The PostgreSQL registry URL from the environment, if any. */
  public Optional<String> dbUrl() {
    String url = System.getenv(DB_URL_ENV);
    if (url == null || url.isBlank()) {
      url = System.getenv(PYSTILT_DB_URL_ENV);
    }
    return url == null || url.isBlank() ? Optional.empty() : Optional.of(url.trim());
  }
}
