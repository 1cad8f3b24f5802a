package org.jstilt.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jstilt.core.id.SimulationId;
import org.jstilt.runtime.pool.PoolListener;
import org.jstilt.runtime.registry.SimulationState;
import org.jstilt.runtime.run.SimulationOutcome;

/**
 * {@code stilt run}'s progress. On a terminal: a progress bar on stderr (done/total, rate in simulations per
 * minute, ETA) with failures printed above it. Otherwise (a log file, CI, {@code System.console() == null}):
 * one line per simulation and, every {@code interval}, a plain {@code Progress:} line with the same numbers.
 */
final class RunProgress implements PoolListener, AutoCloseable {
  private final PrintWriter out;
  private final PrintStream barStream;
  private final Duration interval;
  private final LongSupplier nanoTime;
  private final AtomicLong done = new AtomicLong();
  private final AtomicLong complete = new AtomicLong();
  private final AtomicLong completeEmpty = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong retried = new AtomicLong();
  private final AtomicInteger index = new AtomicInteger();
  private volatile long total;
  private volatile long startNanos;
  private volatile ProgressBar bar;
  private ScheduledExecutorService timer;

  /**
   * @param barStream where the bar goes when on a terminal, or {@code null} for plain lines
   * @param interval how often plain mode prints a {@code Progress:} line
   */
  RunProgress(PrintWriter out, PrintStream barStream, Duration interval, LongSupplier nanoTime) {
    this.out = out;
    this.barStream = barStream;
    this.interval = interval;
    this.nanoTime = nanoTime;
  }

  /** The bar on a terminal, plain lines every 10 s otherwise. */
  static RunProgress forConsole(PrintWriter out) {
    return new RunProgress(out, System.console() != null ? System.err : null, Duration.ofSeconds(10), System::nanoTime);
  }

  @Override
  public synchronized void started(long pending, int workers, int engineThreads) {
    total = pending;
    startNanos = nanoTime.getAsLong();
    out.printf(Locale.ROOT, "Workers: %d x %d engine thread(s); %d simulation(s) to run%n", workers, engineThreads,
        pending);
    out.flush();
    if (barStream != null) {
      bar = new ProgressBarBuilder().setTaskName("stilt run").setInitialMax(Math.max(pending, 1))
          .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(barStream))
          .setUnit(" sim", 1).showSpeed(new java.text.DecimalFormat("0.0")).setSpeedUnit(ChronoUnit.MINUTES)
          .setUpdateIntervalMillis(500).build();
    } else if (!interval.isZero()) {
      timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "stilt-progress");
        t.setDaemon(true);
        return t;
      });
      long ms = interval.toMillis();
      timer.scheduleAtFixedRate(this::printLine, ms, ms, TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public void finished(SimulationOutcome outcome, SimulationState recorded) {
    switch (recorded) {
      case COMPLETE -> complete.incrementAndGet();
      case COMPLETE_EMPTY -> completeEmpty.incrementAndGet();
      case FAILED -> failed.incrementAndGet();
      default -> retried.incrementAndGet();
    }
    if (recorded == SimulationState.PENDING) {
      say("  " + outcome.id() + "  attempt failed, will be retried: " + (outcome instanceof SimulationOutcome.Failed f
          ? f.category() + ": " + f.message().replace('\n', ' ') : outcome.label()));
      return;
    }
    long d = done.incrementAndGet();
    ProgressBar b = bar;
    if (b != null) {
      b.stepTo(d);
      b.setExtraMessage(failed.get() > 0 ? "failed " + failed.get() : "");
      if (recorded == SimulationState.FAILED) {
        say(RunCommand.line(index.incrementAndGet(), (int) total, outcome));
      }
    } else {
      say(RunCommand.line(index.incrementAndGet(), (int) total, outcome));
    }
  }

  @Override
  public void notRecorded(SimulationId id, String why) {
    say("  " + id + "  not recorded: " + why);
  }

  private synchronized void say(String line) {
    out.println(line);
    out.flush();
  }

  /** {@code Progress: 12/40 done (complete 10, complete-empty 1, failed 1)  2.4 sim/min  ETA 11m40s}. */
  String progressLine() {
    long d = done.get();
    double minutes = (nanoTime.getAsLong() - startNanos) / 6e10;
    double rate = minutes > 0 ? d / minutes : 0;
    String eta = d == 0 || rate <= 0 ? "ETA unknown" : "ETA " + duration(Duration.ofSeconds(Math.round(
        Math.max(0, total - d) / rate * 60))).orElse("0s");
    return String.format(Locale.ROOT, "Progress: %d/%d done (complete %d, complete-empty %d, failed %d%s)  %.1f sim/min  %s",
        d, total, complete.get(), completeEmpty.get(), failed.get(),
        retried.get() > 0 ? ", retried " + retried.get() : "", rate, eta);
  }

  private void printLine() {
    say(progressLine());
  }

  static Optional<String> duration(Duration d) {
    long s = d.getSeconds();
    if (s <= 0) {
      return Optional.empty();
    }
    long h = s / 3600;
    long m = s % 3600 / 60;
    long sec = s % 60;
    return Optional.of(h > 0 ? String.format(Locale.ROOT, "%dh%02dm", h, m)
        : m > 0 ? String.format(Locale.ROOT, "%dm%02ds", m, sec) : sec + "s");
  }

  @Override
  public synchronized void close() {
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
    }
    if (bar != null) {
      bar.close();
      bar = null;
    } else if (total > 0) {
      out.println(progressLine());
      out.flush();
    }
  }
}
