package org.jstilt.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Logging set up in code rather than from a {@code logback.xml}: parsing XML and pattern layouts cost
 * about 0.2 s at every start (most of {@code stilt status}'s budget), this costs almost nothing.
 *
 * <p>Logs go to stderr so that stdout stays clean for data (JSON, CSV). The root level is
 * {@code STILT_LOG_LEVEL} (default {@code WARN}). Libraries that are noisy at WARN are quieter: Hadoop
 * (ERROR), jhdf (ERROR: it warns "writing is alpha" on every file; JSTILT says it once itself). Setting
 * {@code -Dlogback.configurationFile=...} still uses that file instead.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {
  /** Environment variable with the root log level (TRACE, DEBUG, INFO, WARN, ERROR, OFF). */
  public static final String LEVEL_ENV = "STILT_LOG_LEVEL";

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty("logback.configurationFile") != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
    encoder.setContext(context);
    Line layout = new Line();
    layout.setContext(context);
    layout.start();
    encoder.setLayout(layout);
    encoder.start();
    ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
    stderr.setContext(context);
    stderr.setName("STDERR");
    stderr.setTarget("System.err");
    stderr.setEncoder(encoder);
    stderr.start();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.toLevel(System.getenv(LEVEL_ENV), Level.WARN));
    root.addAppender(stderr);
    context.getLogger("org.apache.hadoop").setLevel(Level.ERROR);
    context.getLogger("org.apache.parquet").setLevel(Level.WARN);
    context.getLogger("io.jhdf").setLevel(Level.ERROR);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /** {@code 12:34:56.789 WARN  org.jstilt.Thing - message}, then the stack trace if any. */
  static final class Line extends LayoutBase<ILoggingEvent> {
    private static final DateTimeFormatter TIME =
        DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneId.systemDefault());

    @Override
    public String doLayout(ILoggingEvent e) {
      StringBuilder sb = new StringBuilder(128);
      sb.append(TIME.format(Instant.ofEpochMilli(e.getTimeStamp()))).append(' ');
      String level = e.getLevel().toString();
      sb.append(level).append(" ".repeat(Math.max(1, 6 - level.length())));
      sb.append(e.getLoggerName()).append(" - ").append(e.getFormattedMessage()).append(System.lineSeparator());
      if (e.getThrowableProxy() != null) {
        sb.append(ThrowableProxyUtil.asString(e.getThrowableProxy())).append(System.lineSeparator());
      }
      return sb.toString();
    }
  }
}
