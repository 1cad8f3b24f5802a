package org.jstilt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class MainTest {
  @Test
  void versionPrintsProjectVersion() {
    StringWriter out = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "--version");
    assertThat(code).isZero();
    assertThat(out.toString()).startsWith("JSTILT 0.1.0");
  }

  @Test
  void unknownOptionIsUsageError() {
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "--no-such-flag");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--no-such-flag");
  }

  @Test
  void aVerbIsBuiltAloneUnderTheSameRoot() {
    assertThat(Main.commandLine("status", "x").getSubcommands()).containsOnlyKeys("status");
    assertThat(Main.commandLine("--help").getSubcommands()).containsKeys("status", "register", "init", "rebuild", "met");
    assertThat(Main.commandLine("no-such-verb").getSubcommands()).containsKeys("status", "footprint");
    StringWriter out = new StringWriter();
    assertThat(Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "status", "--help")).isZero();
    assertThat(out.toString()).startsWith("Usage: stilt status");
    StringWriter err = new StringWriter();
    assertThat(Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "statsu")).isEqualTo(2);
    assertThat(err.toString()).contains("status");
  }
}
