package org.jstilt.io.netcdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FootprintOutputsTest {
  @TempDir Path dir;

  @Test
  void namesFollowPystiltLayout() {
    assertThat(FootprintOutputs.footprintFile(dir, "hrrr_201905301100_-111.85_40.77_5", "slv").getFileName())
        .hasToString("hrrr_201905301100_-111.85_40.77_5_slv_foot.nc");
    assertThat(FootprintOutputs.footprintFile(dir, "sim", "").getFileName()).hasToString("sim_foot.nc");
    assertThat(FootprintOutputs.emptyMarker(dir, "sim", "slv").getFileName()).hasToString("sim_slv_foot.empty");
    assertThatThrownBy(() -> FootprintOutputs.footprintFile(dir, "a/b", "x")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void markerIsZeroBytesAndClearable() {
    FootprintOutputs.markEmpty(dir, "sim", "slv");
    Path marker = dir.resolve("sim_slv_foot.empty");
    assertThat(marker).isEmptyFile();
    FootprintOutputs.clearEmptyMarker(dir, "sim", "slv");
    assertThat(marker).doesNotExist();
    FootprintOutputs.clearEmptyMarker(dir, "sim", "slv");
  }
}
