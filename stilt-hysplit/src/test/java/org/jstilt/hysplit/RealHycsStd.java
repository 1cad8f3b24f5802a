package org.jstilt.hysplit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real hycs_std for tests, from the environment variable {@code STILT_HYSPLIT_EXE} (e.g.
 * {@code <uataq/stilt>/bin/linux_x64/hycs_std}, data files found as {@link HysplitInstallation#locate} says).
 * When it is unset or does not point at an executable file the calling test is skipped (a JUnit assumption,
 * reported as skipped with the reason), never passed.
 */
public final class RealHycsStd {
  /** The environment variable naming the binary. */
  public static final String ENV = "STILT_HYSPLIT_EXE";

  private RealHycsStd() {}

  /** The binary, or a skip saying why there is none. */
  public static Path executable() {
    String v = System.getenv(ENV);
    assumeTrue(v != null && !v.isBlank(),
        ENV + " is not set: test needs the real hycs_std (e.g. export " + ENV
            + "=/path/to/stilt/bin/linux_x64/hycs_std); skipped");
    Path p = Path.of(v);
    assumeTrue(Files.isRegularFile(p) && Files.isExecutable(p),
        ENV + "=" + v + " is not an executable file: test needs the real hycs_std; skipped");
    return p;
  }
}
