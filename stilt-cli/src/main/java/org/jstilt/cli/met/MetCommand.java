package org.jstilt.cli.met;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code stilt met}: the meteorology tools. */
@Command(
    name = "met",
    mixinStandardHelpOptions = true,
    description = "Inspect, crop and synthesize ARL meteorology files.",
    subcommands = {MetInfoCommand.class, MetSubsetCommand.class, MetSynthCommand.class})
public final class MetCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
