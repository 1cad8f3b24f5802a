package org.jstilt.hysplit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HysplitInstallationTest {
  @TempDir Path tmp;

  private Path exe(Path dir) throws Exception {
    Files.createDirectories(dir);
    Path exe = Files.writeString(dir.resolve("hycs_std"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwxr-xr-x"));
    return exe;
  }

  @Test
  void dataBesideTheBinary() throws Exception {
    Path exe = exe(tmp.resolve("flat"));
    Files.writeString(tmp.resolve("flat/ASCDATA.CFG"), "");
    Files.writeString(tmp.resolve("flat/TERRAIN.ASC"), "");
    HysplitInstallation i = HysplitInstallation.locate(exe, Optional.empty());
    assertThat(i.dataDir()).isEqualTo(tmp.resolve("flat"));
    assertThat(i.dataFiles()).containsExactly(tmp.resolve("flat/ASCDATA.CFG"), tmp.resolve("flat/TERRAIN.ASC"));
  }

  @Test
  void uataqStiltLayout() throws Exception {
    Path exe = exe(tmp.resolve("stilt/bin/linux_x64"));
    Files.createDirectories(tmp.resolve("stilt/exe"));
    for (String f : HysplitInstallation.DATA_FILES) {
      Files.writeString(tmp.resolve("stilt/exe").resolve(f), "");
    }
    HysplitInstallation i = HysplitInstallation.locate(exe, Optional.empty());
    assertThat(i.dataDir()).isEqualTo(tmp.resolve("stilt/exe"));
    assertThat(i.dataFiles()).hasSize(4);
  }

  @Test
  void explicitDataDirWins() throws Exception {
    Path exe = exe(tmp.resolve("a"));
    Files.writeString(tmp.resolve("a/ASCDATA.CFG"), "");
    Files.createDirectories(tmp.resolve("data"));
    Files.writeString(tmp.resolve("data/ASCDATA.CFG"), "");
    assertThat(HysplitInstallation.locate(exe, Optional.of(tmp.resolve("data"))).dataDir()).isEqualTo(tmp.resolve("data"));
    assertThatThrownBy(() -> HysplitInstallation.locate(exe, Optional.of(tmp.resolve("a/none"))))
        .hasMessageContaining("transport.hysplit.data_dir").hasMessageContaining("has no ASCDATA.CFG");
  }

  @Test
  void clearErrors() throws Exception {
    assertThatThrownBy(() -> HysplitInstallation.locate(tmp.resolve("nope/hycs_std"), Optional.empty()))
        .isInstanceOfSatisfying(StiltException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFIG))
        .hasMessageContaining("hycs_std not found at " + tmp.resolve("nope/hycs_std"));
    Path notExec = Files.writeString(tmp.resolve("hycs_std"), "");
    assertThatThrownBy(() -> HysplitInstallation.locate(notExec, Optional.empty()))
        .hasMessageContaining("is not executable; run chmod +x");
    Path exe = exe(tmp.resolve("stilt/bin/linux_x64"));
    assertThatThrownBy(() -> HysplitInstallation.locate(exe, Optional.empty()))
        .hasMessageContaining("no ASCDATA.CFG for hycs_std")
        .hasMessageContaining(tmp.resolve("stilt/bin/linux_x64").toString())
        .hasMessageContaining(tmp.resolve("stilt/exe").toString());
  }
}
