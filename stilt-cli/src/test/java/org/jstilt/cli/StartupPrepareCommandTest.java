package org.jstilt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupPrepareCommandTest {
  @TempDir Path dir;

  @Test
  void copiesSqlitesLibraryAndLeavesNoScratchProject() throws Exception {
    CliRun r = CliRun.of("startup-prepare", dir.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    String name = System.mapLibraryName("sqlitejdbc").replace(".dylib", ".jnilib");
    // Byte for byte what sqlite-jdbc itself would extract for this platform.
    String resource = "/org/sqlite/native/" + org.sqlite.util.OSInfo.getNativeLibFolderPathForCurrentOS() + "/" + name;
    byte[] expected;
    try (InputStream in = org.sqlite.util.OSInfo.class.getResourceAsStream(resource)) {
      expected = in.readAllBytes();
    }
    assertThat(Files.readAllBytes(dir.resolve("native").resolve(name))).isEqualTo(expected);
    assertThat(CliRun.files(dir)).containsExactly("native/" + name);
  }

  @Test
  void isNotListedInHelp() {
    assertThat(CliRun.of("--help").out()).doesNotContain("startup-prepare").contains("status");
  }
}
