package org.jstilt.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** The root {@code stilt} command; each verb is a subcommand in its own class. */
@Command(
    name = "stilt",
    mixinStandardHelpOptions = true,
    versionProvider = StiltCommand.Version.class,
    description = "JSTILT: STILT footprints from particles run backward through meteorology.",
    subcommands = {QuickstartCommand.class, RunCommand.class, org.jstilt.cli.met.MetCommand.class,
        FootprintCommand.class, ExportCommand.class, PlotCommand.class,
        org.jstilt.cli.config.ConfigCommand.class, org.jstilt.cli.project.InitCommand.class,
        org.jstilt.cli.project.RegisterCommand.class, org.jstilt.cli.project.StatusCommand.class,
        org.jstilt.cli.project.RebuildCommand.class, StartupPrepareCommand.class},
    footer = {
      "",
      "Exit codes: 0 ok, 1 run failed, 2 bad usage/config/input, 3 meteorology, 4 transport,",
      "5 footprint, 6 storage, 7 registry, 70 internal error."
    })
public final class StiltCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * The root without its verbs, for {@link Main#commandLine} to hang the one requested verb on; same name,
   * options and version as {@link StiltCommand}.
   */
  @Command(name = "stilt", mixinStandardHelpOptions = true, versionProvider = StiltCommand.Version.class)
  static final class Root implements Runnable {
    @Override
    public void run() {
      // Never called: Main builds this root only when a verb follows.
    }
  }

  /** "JSTILT x.y.z" from the root command's version provider, for outputs' {@code source} attributes. */
  static String versionLine(picocli.CommandLine.Model.CommandSpec any) {
    try {
      String[] v = any.root().versionProvider().getVersion();
      return v.length > 0 ? v[0] : "JSTILT";
    } catch (Exception e) {
      return "JSTILT";
    }
  }

  /** Reads the version Maven wrote into {@code version.properties}. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties p = new Properties();
      try (InputStream in = StiltCommand.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          p.load(in);
        }
      }
      return new String[] {
        "JSTILT " + p.getProperty("version", "unknown"),
        "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
      };
    }
  }
}
