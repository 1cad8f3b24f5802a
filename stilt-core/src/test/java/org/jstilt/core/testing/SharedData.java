package org.jstilt.core.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates {@code ../shared} (reference outputs of R-STILT + hycs_std, the HRRR ARL files) for tests.
 *
 * <p>CI always has it beside the repository. When it is absent the calling test is skipped with a message
 * that says so; tests that must run everywhere use fixtures generated in the test instead.
 */
public final class SharedData {
  private SharedData() {}

  /** The shared directory, or a skip (JUnit assumption) naming where it was looked for. */
  public static Path root() {
    String prop = System.getProperty("jstilt.shared.dir");
    Path p = prop != null ? Path.of(prop) : Path.of("..", "..", "shared");
    if (!Files.isDirectory(p)) {
      p = Path.of("..", "shared");
    }
    Path found = p.toAbsolutePath().normalize();
    assumeTrue(
        Files.isDirectory(found.resolve("reference")),
        "../shared not found at " + found + ": reference-data test skipped");
    return found;
  }

  /** {@code ../shared/reference}. */
  public static Path reference() {
    return root().resolve("reference");
  }

  /** {@code ../shared/met/hrrr}. */
  public static Path hrrrMet() {
    return root().resolve("met").resolve("hrrr");
  }
}
