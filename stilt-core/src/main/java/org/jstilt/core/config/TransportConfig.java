package org.jstilt.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Which transport engine runs the particles (JSTILT's own {@code transport:} block; PYSTILT always runs
 * hycs_std):
 * <pre>
 * transport:
 *   engine: native        # or hysplit
 *   threads: 4            # native engine worker threads; default: all available cores
 *   seed: 42              # native engine random seed; default: a fresh seed per run, recorded
 *   hysplit:
 *     executable: /opt/stilt/hycs_std
 *     timeout: 1h         # or seconds, e.g. 3600 (R-STILT's default)
 * </pre>
 * The top-level {@code seed} is HYSPLIT's {@code SEED} namelist value (PYSTILT), read only by hycs_std;
 * {@code transport.seed} seeds the native engine.
 *
 * @param engine the engine
 * @param hysplit settings for the hycs_std engine
 * @param threads worker threads of the native engine, at least 1; empty means all available cores
 * @param seed random seed of the native engine; empty means a fresh one per run
 */
public record TransportConfig(Engine engine, Hysplit hysplit, OptionalInt threads, OptionalLong seed) {
  /** The native engine with default threads and seed, hycs_std settings at their defaults. */
  public static final TransportConfig DEFAULTS =
      new TransportConfig(Engine.NATIVE, Hysplit.DEFAULTS, OptionalInt.empty(), OptionalLong.empty());

  public TransportConfig {
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(hysplit, "hysplit");
    Objects.requireNonNull(threads, "threads");
    Objects.requireNonNull(seed, "seed");
    if (threads.isPresent() && threads.getAsInt() < 1) {
      throw ConfigException.at("transport.threads", "must be at least 1, got " + threads.getAsInt()
          + " (leave it out to use all cores)");
    }
  }

  /** The transport engines. */
  public enum Engine {
    /** JSTILT's Java engine (default). */
    NATIVE,
    /** The external HYSPLIT-STILT binary {@code hycs_std}. */
    HYSPLIT;

    /** The YAML spelling: {@code native}, {@code hysplit}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Settings for the hycs_std engine.
   *
   * @param executable path of {@code hycs_std}; empty means the runtime looks for it (PATH, bundled copy)
   * @param timeout how long one hycs_std run may take before it is killed (R-STILT's default: 3600 s)
   */
  public record Hysplit(Optional<Path> executable, Duration timeout) {
    /** No executable configured, timeout 3600 s. */
    public static final Hysplit DEFAULTS = new Hysplit(Optional.empty(), Duration.ofSeconds(3600));

    public Hysplit {
      Objects.requireNonNull(executable, "executable");
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isZero() || timeout.isNegative()) {
        throw ConfigException.at("transport.hysplit.timeout", "must be a positive time span, got " + timeout);
      }
    }
  }
}
