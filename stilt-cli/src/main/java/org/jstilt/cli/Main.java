package org.jstilt.cli;

import java.io.PrintWriter;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;
import picocli.CommandLine;

/** Entry point of the {@code stilt} command. Tests call {@link #run} instead of {@link #main}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    int code = run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    System.exit(code);
  }

  /** Runs one command line and returns its exit code; never calls {@code System.exit}. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = new CommandLine(new StiltCommand());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          if (ex instanceof StiltException se) {
            err.println("Error: " + se.getMessage());
            err.flush();
            return se.code().exitCode();
          }
          err.println("Internal error (a bug in JSTILT, please report it): " + ex);
          ex.printStackTrace(err);
          err.flush();
          return ErrorCode.INTERNAL.exitCode();
        });
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }
}
