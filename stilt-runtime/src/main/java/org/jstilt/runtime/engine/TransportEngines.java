package org.jstilt.runtime.engine;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;
import org.jstilt.core.config.TransportConfig;
import org.jstilt.core.transport.TransportEngine;
import org.jstilt.hysplit.HysplitEngine;
import org.jstilt.hysplit.HysplitInstallation;

/** Builds the transport engine a project's {@code transport:} block asks for. */
public final class TransportEngines {
  /** The environment variable naming hycs_std when {@code transport.hysplit.executable} is not set. */
  public static final String HYSPLIT_EXE_ENV = "STILT_HYSPLIT_EXE";

  private TransportEngines() {}

  /**
   * The engine for {@code config}.
   *
   * @param environment the process environment (read once by the CLI), for {@value #HYSPLIT_EXE_ENV}
   * @throws StiltException ({@link ErrorCode#CONFIG}) when {@code engine: hysplit} has no usable hycs_std, with
   *     where it looked and what to set
   */
  public static TransportEngine create(TransportConfig config, Map<String, String> environment) {
    return switch (config.engine()) {
      case NATIVE -> new NativeEngineAdapter();
      case HYSPLIT -> new HysplitEngine(HysplitInstallation.locate(hysplitExecutable(config, environment),
          Optional.empty()), config.hysplit().timeout());
    };
  }

  /** {@code transport.hysplit.executable}, else {@value #HYSPLIT_EXE_ENV}. */
  static Path hysplitExecutable(TransportConfig config, Map<String, String> environment) {
    Optional<Path> configured = config.hysplit().executable();
    if (configured.isPresent()) {
      return configured.get();
    }
    String env = environment.get(HYSPLIT_EXE_ENV);
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    throw new StiltException(ErrorCode.CONFIG, "transport.engine is hysplit but no hycs_std is given: set "
        + "transport.hysplit.executable in config.yaml or the environment variable " + HYSPLIT_EXE_ENV
        + " (e.g. <uataq/stilt>/bin/linux_x64/hycs_std), or use transport.engine: native");
  }
}
