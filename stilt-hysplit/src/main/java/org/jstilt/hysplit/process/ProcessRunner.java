package org.jstilt.hysplit.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;

/**
 * Runs an external program in a working directory with a timeout, appending its merged stdout and stderr
 * to a log file (R-STILT's {@code cd rundir && ./hycs_std >> stilt.log 2>&1}, with
 * {@code system(timeout = )}).
 *
 * <p>On timeout the whole process tree is killed, not just the direct child: every descendant
 * (a wrapper script's children, say) and the process itself get SIGTERM, and whatever is still alive
 * {@link #KILL_GRACE} later gets SIGKILL (PYSTILT's escalation). The tree is read from the operating
 * system ({@link ProcessHandle#descendants()}) just before the kill, so a child that has already
 * re-parented itself away (a daemon) escapes; hycs_std never does that. The program stays in JSTILT's
 * own process group on purpose: Ctrl-C in a terminal then stops it together with JSTILT.
 *
 * <p>Output goes straight to the file (no pipe), so a killed or chatty program can never block on a full
 * pipe, and partial output up to a crash is kept. If the calling thread is interrupted while waiting,
 * the tree is killed the same way before the interruption is passed on.
 */
public final class ProcessRunner {
  /** How long a process tree gets between SIGTERM and SIGKILL. */
  public static final Duration KILL_GRACE = Duration.ofSeconds(3);

  private ProcessRunner() {}

  /**
   * Runs {@code command} (program first) with {@code workDir} as working directory.
   *
   * @param log file the merged output is appended to (created if absent)
   * @param timeout how long the process may run before the tree is killed
   * @throws StiltException ({@link ErrorCode#TRANSPORT}) when the program cannot be started, naming it
   */
  public static ProcessResult run(List<String> command, Path workDir, Path log, Duration timeout) {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(workDir, "workDir");
    Objects.requireNonNull(log, "log");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, got " + timeout);
    }
    ProcessBuilder pb = new ProcessBuilder(command)
        .directory(workDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
    long start = System.nanoTime();
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new StiltException(ErrorCode.TRANSPORT, "cannot start " + command.get(0) + " in " + workDir + ": "
          + e.getMessage() + ". Check that the file exists and is executable (chmod +x).", e);
    }
    boolean finished;
    try {
      finished = p.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      killTree(p);
      Thread.currentThread().interrupt();
      throw new StiltException(ErrorCode.TRANSPORT, "interrupted while " + command.get(0) + " was running; it was killed", e);
    }
    if (!finished) {
      killTree(p);
      return new ProcessResult(OptionalInt.empty(), true, Duration.ofNanos(System.nanoTime() - start));
    }
    return new ProcessResult(OptionalInt.of(p.exitValue()), false, Duration.ofNanos(System.nanoTime() - start));
  }

  /** SIGTERM to the process and all its descendants, then SIGKILL to survivors after {@link #KILL_GRACE}. */
  static void killTree(Process p) {
    List<ProcessHandle> tree = new ArrayList<>();
    p.descendants().forEach(tree::add);
    tree.add(p.toHandle());
    for (ProcessHandle h : tree) {
      h.destroy();
    }
    long deadline = System.nanoTime() + KILL_GRACE.toNanos();
    for (ProcessHandle h : tree) {
      long left = deadline - System.nanoTime();
      if (left > 0) {
        try {
          h.onExit().get(left, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
          // Still alive after the grace period: SIGKILL below.
        }
      }
    }
    // Descendants started during the grace period are collected again before the hard kill.
    p.descendants().forEach(tree::add);
    for (ProcessHandle h : tree) {
      if (h.isAlive()) {
        h.destroyForcibly();
      }
    }
    try {
      p.waitFor(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static java.io.File nullDevice() {
    Path dev = Path.of("/dev/null");
    return Files.exists(dev) ? dev.toFile() : Path.of("NUL").toFile();
  }
}
