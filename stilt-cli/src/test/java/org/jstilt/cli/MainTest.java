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
}
