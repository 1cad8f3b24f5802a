package org.jstilt.cli;

import java.io.PrintWriter;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code stilt} command. Tests call {@link #run} instead of {@link #main}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    int code = run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    System.exit(code);
  }

  /** Runs one command line and returns its exit code; never calls {@code System.exit}. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = commandLine(args);
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

  /**
   * The command tree for {@code args}. Building picocli's model of every verb costs a few hundred
   * milliseconds of reflection and class loading, which a quick verb such as {@code stilt status} should
   * not pay: when the first argument names a verb, only that verb is built, under a root named
   * {@code stilt} (so usage and messages read the same). Anything else (no verb, {@code --help}, an
   * unknown verb that needs suggestions) gets the whole tree.
   */
  static CommandLine commandLine(String... args) {
    if (args.length > 0) {
      for (Class<?> verb : StiltCommand.class.getAnnotation(Command.class).subcommands()) {
        Command c = verb.getAnnotation(Command.class);
        if (c != null && c.name().equals(args[0])) {
          CommandLine root = new CommandLine(new StiltCommand.Root());
          root.addSubcommand(c.name(), new CommandLine(verb));
          return root;
        }
      }
    }
    return new CommandLine(new StiltCommand());
  }
}
