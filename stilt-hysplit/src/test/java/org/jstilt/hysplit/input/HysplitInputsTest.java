package org.jstilt.hysplit.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.jstilt.core.config.ConfigException;
import org.jstilt.core.config.HysplitParameter;
import org.jstilt.core.config.StiltParams;
import org.jstilt.core.receptor.AltitudeReference;
import org.jstilt.core.receptor.MultiPointReceptor;
import org.jstilt.core.receptor.PointReceptor;
import org.jstilt.core.receptor.ReleasePoint;
import org.junit.jupiter.api.Test;

/** CONTROL/SETUP.CFG cases the reference runs do not cover, with the text R-STILT's writers would produce. */
class HysplitInputsTest {
  private static final List<Path> MET = List.of(Path.of("./met/20210115_00"));

  @Test
  void multipointListsEveryPointInOrder() {
    MultiPointReceptor r = new MultiPointReceptor(Instant.parse("2021-01-15T06:00:00Z"),
        List.of(new ReleasePoint(-112, 40.5, 0), new ReleasePoint(-111.5, 41, 500), new ReleasePoint(-111, 41.5, 1000)),
        AltitudeReference.AGL);
    String control = HysplitInputs.control(r, StiltParams.DEFAULTS, MET);
    // paste(lati, long, zagl) through as.character: whole numbers without decimals.
    assertThat(control).startsWith("21 01 15 06 00\n3\n40.5 -112 0\n41 -111.5 500\n41.5 -111 1000\n-24\n0\n25000.0\n1\n./met/ \n20210115_00\n1\ntest\n1\n0.01\n");
  }

  @Test
  void secondsAreDroppedAndFractionsKept() {
    PointReceptor r = PointReceptor.agl(Instant.parse("2021-01-15T06:05:59Z"), -111.976, 40.766189, 0.5);
    StiltParams p = StiltParams.DEFAULTS.with(HysplitParameter.EMISSHRS, 0.25).with(HysplitParameter.N_HOURS, 6);
    assertThat(HysplitInputs.control(r, p, MET))
        .startsWith("21 01 15 06 05\n1\n40.766189 -111.976 0.5\n6\n0\n25000.0\n1\n./met/ \n20210115_00\n1\ntest\n1\n0.25\n")
        .endsWith("00 00 00 00 00\n00 00 00 00 00\n00 2 00\n1\n0.0 0.0 0.0\n0.0 0.0 0.0 0.0 0.0\n0.0 0.0 0.0\n0.0\n0.0\n");
  }

  @Test
  void mslReceptorSetsKmslAndAConflictIsAnError() {
    PointReceptor msl = new PointReceptor(Instant.parse("2021-01-15T06:00:00Z"), -112, 40.5, 1335, AltitudeReference.MSL);
    assertThat(HysplitInputs.setup(msl, StiltParams.DEFAULTS, 0)).contains("\nKMSL=1,\n");
    StiltParams agl = StiltParams.DEFAULTS.with(HysplitParameter.KMSL, 0);
    assertThatThrownBy(() -> HysplitInputs.setup(msl, agl, 0)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("kmsl");
  }

  @Test
  void setupFrameAndComputedEntries() {
    PointReceptor r = PointReceptor.agl(Instant.parse("2021-01-15T06:00:00Z"), -112, 40.5, 5);
    String s = HysplitInputs.setup(r, StiltParams.DEFAULTS, 2);
    assertThat(s).startsWith("$SETUP\nCAPEMIN=-1,\n").endsWith("WINDERRTF=2,\nZICONTROLTF=0,\n$END\n")
        .contains("\nIVMAX=12,\n", "\nNUMPAR=200,\n", "\nMAXPAR=200,\n", "\nEFILE=,\n", "\nWVERT=FALSE,\n")
        .doesNotContain("SEED");
  }
}
