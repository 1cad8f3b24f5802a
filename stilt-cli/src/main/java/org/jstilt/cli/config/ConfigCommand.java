package org.jstilt.cli.config;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code stilt config}: project configuration tools. */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    description = "Check a project's config.yaml and receptors.csv.",
    subcommands = {ConfigCheckCommand.class})
public final class ConfigCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
