package org.jstilt.hysplit.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.jstilt.core.testing.HysplitCase;
import org.jstilt.core.testing.SharedData;
import org.jstilt.met.discovery.MetArchive;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CONTROL and SETUP.CFG for every whole-run reference case, compared byte for byte with the files R-STILT
 * wrote (the reference writes the met directory as {@code {MET_DIR}}, which is substituted).
 */
class HysplitInputsReferenceTest {
  static Stream<String> cases() {
    return HysplitCase.names().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void controlIsByteIdentical(String name) throws Exception {
    HysplitCase c = HysplitCase.load(name);
    Path metDir = SharedData.hrrrMet();
    List<Path> met = c.controlMetFiles().stream().map(metDir::resolve).toList();
    String expected = Files.readString(c.dir().resolve("CONTROL")).replace("{MET_DIR}", metDir.toString());
    assertThat(HysplitInputs.control(c.receptor(), c.params(), met)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void setupIsByteIdentical(String name) throws Exception {
    HysplitCase c = HysplitCase.load(name);
    String expected = Files.readString(c.dir().resolve("SETUP.CFG"));
    assertThat(HysplitInputs.setup(c.receptor(), c.params(), 0)).isEqualTo(expected);
  }

  /**
   * The met files PYSTILT's discovery rule (PYSTILT.md §4.4, what {@code stilt run} uses) finds for each case,
   * against what R-STILT listed. They agree except where R-STILT's narrower rule leaves out the next file: R
   * adds the file after the receptor time only when the receptor is in the last hour of a file; PYSTILT
   * whenever the receptor time is not on a file boundary (the evening cases at 02 and 03 UTC get the
   * 06-11 file too, which hycs_std reads but a 2-3 h backward run never needs).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void discoveryFindsRStiltsFilesOrOneMore(String name) {
    HysplitCase c = HysplitCase.load(name);
    MetArchive archive = new MetArchive(SharedData.hrrrMet(), "%Y%m%d_%H", Duration.ofHours(6), 1);
    List<String> found = archive.requiredFiles(c.receptor().time(), c.params().model().nHours()).files().stream()
        .map(p -> p.getFileName().toString()).toList();
    List<String> r = c.controlMetFiles();
    if (name.startsWith("evening_")) {
      assertThat(found).containsExactly("20190530_00-05_hrrr", "20190530_06-11_hrrr");
      assertThat(r).containsExactly("20190530_00-05_hrrr");
    } else {
      assertThat(found).isEqualTo(r);
    }
  }
}
