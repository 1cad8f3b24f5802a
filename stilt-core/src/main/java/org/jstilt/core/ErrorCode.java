package org.jstilt.core;

/**
 * The closed set of error categories, each with the process exit code the CLI uses for it.
 *
 * <p>Exit codes are part of the command-line contract (documented in {@code stilt --help}): 0 success,
 * 1 a simulation or run failed, 2 bad usage, configuration or input, 3 meteorology problems, 4 transport
 * engine failures, 5 footprint failures, 6 storage / file-system problems, 7 registry problems, 70 internal
 * errors (a bug in JSTILT).
 */
public enum ErrorCode {
  /** Command-line usage: unknown option, missing argument. */
  USAGE(2),
  /** {@code config.yaml} problems: unknown keys, bad values, inconsistent settings. */
  CONFIG(2),
  /** Malformed user input files other than config: receptors, particle tables, arguments. */
  INPUT(2),
  /** Meteorology: unreadable ARL file, bad checksum, missing variable, insufficient coverage. */
  MET(3),
  /** The transport engine failed (native or hycs_std). */
  TRANSPORT(4),
  /** The footprint could not be computed for the given grid and particles. */
  FOOTPRINT(5),
  /** Reading or writing an output or intermediate file failed. */
  STORAGE(6),
  /** The simulation registry could not be read or updated. */
  REGISTRY(7),
  /** A simulation run finished with failures. */
  RUN_FAILED(1),
  /** An invariant of JSTILT itself was violated: a bug. */
  INTERNAL(70);

  private final int exitCode;

  ErrorCode(int exitCode) {
    this.exitCode = exitCode;
  }

  /** The process exit code the CLI returns for this category. */
  public int exitCode() {
    return exitCode;
  }
}
