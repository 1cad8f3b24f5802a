package org.jstilt.hysplit.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessRunnerTest {
  @TempDir Path dir;

  private Path script(String name, String body) throws Exception {
    Path s = dir.resolve(name);
    Files.writeString(s, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(s, PosixFilePermissions.fromString("rwxr-xr-x"));
    return s;
  }

  @Test
  void appendsMergedOutputAndReportsStatus() throws Exception {
    Path log = dir.resolve("stilt.log");
    Files.writeString(log, "=== main run ===\n");
    Path s = script("ok.sh", "echo out; echo err >&2; pwd; exit 0");
    ProcessResult r = ProcessRunner.run(List.of(s.toString()), dir, log, Duration.ofSeconds(60));
    assertThat(r.succeeded()).isTrue();
    assertThat(r.exitCode()).hasValue(0);
    assertThat(r.timedOut()).isFalse();
    assertThat(Files.readString(log)).startsWith("=== main run ===\n").contains("out\n", "err\n",
        dir.toRealPath() + "\n");
  }

  @Test
  void nonZeroStatusIsReported() throws Exception {
    Path s = script("fail.sh", "echo dying; exit 132");
    ProcessResult r = ProcessRunner.run(List.of(s.toString()), dir, dir.resolve("log"), Duration.ofSeconds(60));
    assertThat(r.exitCode()).hasValue(132);
    assertThat(r.succeeded()).isFalse();
    assertThat(Files.readString(dir.resolve("log"))).isEqualTo("dying\n");
  }

  @Test
  void timeoutKillsTheWholeTree() throws Exception {
    // The script starts a child that would outlive it and records the child's pid.
    Path s = script("hang.sh", "sleep 300 &\necho $! > child.pid\nwait");
    ProcessResult r = ProcessRunner.run(List.of(s.toString()), dir, dir.resolve("log"), Duration.ofSeconds(1));
    assertThat(r.timedOut()).isTrue();
    assertThat(r.exitCode()).isEmpty();
    long child = Long.parseLong(Files.readString(dir.resolve("child.pid")).trim());
    assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false)).isFalse();
  }

  @Test
  void processIgnoringSigtermIsKilledHard() throws Exception {
    Path s = script("stubborn.sh", "trap '' TERM\necho $$ > self.pid\nwhile true; do sleep 1; done");
    ProcessResult r = ProcessRunner.run(List.of(s.toString()), dir, dir.resolve("log"), Duration.ofSeconds(1));
    assertThat(r.timedOut()).isTrue();
    long self = Long.parseLong(Files.readString(dir.resolve("self.pid")).trim());
    assertThat(ProcessHandle.of(self).map(ProcessHandle::isAlive).orElse(false)).isFalse();
  }

  @Test
  void missingProgramIsAClearError() {
    Path missing = dir.resolve("no-such-hycs_std");
    assertThatThrownBy(() -> ProcessRunner.run(List.of(missing.toString()), dir, dir.resolve("log"), Duration.ofSeconds(5)))
        .isInstanceOf(StiltException.class)
        .hasMessageContaining("cannot start " + missing)
        .hasMessageContaining("executable")
        .satisfies(e -> assertThat(((StiltException) e).code()).isEqualTo(ErrorCode.TRANSPORT));
  }
}
