package org.jstilt.core.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.jstilt.core.ErrorCode;
import org.junit.jupiter.api.Test;

/**
 * One test per phrase of the failure table, on log text as the producers write it (hycs_std v5.1.0's own
 * output where we have it, PYSTILT's and R-STILT's messages otherwise), plus the order and fallbacks.
 */
class FailureReasonTest {
  private static final String BANNER = " HYSPLIT - Initialization \n HYSPLIT version: hysplit.v5.1.0\n"
      + "  NOTICE   main: using namelist file - SETUP.CFG\n";

  @Test
  void insufficientMetFiles() {
    String log = "=== main run ===\nInsufficient number of meteorological files found. Found: 0, Required: 1.\n";
    assertThat(FailureReason.classify(log)).isEqualTo(FailureReason.MISSING_MET_FILES);
  }

  @Test
  void startPointNotWithinMet() {
    // hycs_std's output when the receptor time is outside the met files (captured on the shared HRRR files).
    String log = BANNER + " Calculation Started ... please be patient\n"
        + " *ERROR* metpos: start point not within (x,y,t) any data file\n"
        + "  - start time before start of meteorology data\n";
    assertThat(FailureReason.classify(log)).isEqualTo(FailureReason.MET_COVERAGE);
  }

  @Test
  void startTimeAfterEndOfMet() {
    String log = BANNER + "  - start time after end of meteorology data\n";
    assertThat(FailureReason.classify(log)).isEqualTo(FailureReason.MET_COVERAGE);
  }

  @Test
  void varyingMetInterval() {
    String log = BANNER + " *ERROR* metset: meteorological data time interval varies\n";
    assertThat(FailureReason.classify(log)).isEqualTo(FailureReason.VARYING_MET_INTERVAL);
  }

  @Test
  void noTrajectoryData() {
    // R-STILT's and JSTILT's line after a header-only PARTICLE_STILT.DAT.
    String log = BANNER + " Complete Hysplit\n/run/PARTICLE_STILT.DAT does not contain any trajectory data.\n";
    assertThat(FailureReason.classify(log)).isEqualTo(FailureReason.NO_TRAJECTORY_DATA);
  }

  @Test
  void fortranRuntimeError() {
    String log = BANNER + "At line 412 of file pardsp.f\nFortran runtime error: Index '0' of dimension 1 of array 'x' below lower bound of 1\n";
    assertThat(FailureReason.classify(log)).isEqualTo(FailureReason.FORTRAN_RUNTIME_ERROR);
  }

  @Test
  void sourceOffAllGridsIsMetCoverage() {
    // hycs_std's output for a receptor outside the met grid (captured); PYSTILT would say UNKNOWN.
    String log = "STOP 900\n" + BANNER + " *FATAL ERROR* main: all source points off all meteo grids!\n"
        + "               See MESSAGE file for more information.\n";
    assertThat(FailureReason.classify(log)).isEqualTo(FailureReason.MET_COVERAGE);
    assertThat(FailureReason.findPhrase(log).orElseThrow().pystilt()).isFalse();
  }

  @Test
  void unableToFindMetFileIsMissingMet() {
    // hycs_std's output when CONTROL names a met file that does not exist (captured).
    String log = "STOP 900\n" + BANNER + " Unable to find file: nonexist_hrrr\n On local directory : /met/\n";
    assertThat(FailureReason.classify(log)).isEqualTo(FailureReason.MISSING_MET_FILES);
  }

  @Test
  void firstPhraseInTableOrderWins() {
    // Both phrases present: the table order (PYSTILT's dict order), not the position in the log, decides.
    String log = "Fortran runtime error: x\nInsufficient number of meteorological files found.\n";
    assertThat(FailureReason.classify(log)).isEqualTo(FailureReason.MISSING_MET_FILES);
  }

  @Test
  void emptyAndUnknownLogs() {
    assertThat(FailureReason.classify("")).isEqualTo(FailureReason.EMPTY_LOG);
    assertThat(FailureReason.classify(BANNER + " Complete Hysplit\n")).isEqualTo(FailureReason.UNKNOWN);
    // Matching is case-sensitive, as PYSTILT's `phrase in text`.
    assertThat(FailureReason.classify("fortran RUNTIME error")).isEqualTo(FailureReason.UNKNOWN);
  }

  @Test
  void pystiltPhrasesComeFirst() {
    boolean seenOurs = false;
    for (FailureReason.Phrase p : FailureReason.PHRASES) {
      if (!p.pystilt()) {
        seenOurs = true;
      }
      assertThat(p.pystilt() && seenOurs).as("PYSTILT phrase after a JSTILT one: %s", p).isFalse();
    }
  }

  @Test
  void lineWithPhraseIsReturnedTrimmed() {
    String log = "a\n *FATAL ERROR* main: all source points off all meteo grids!\nb";
    FailureReason.Phrase p = FailureReason.findPhrase(log).orElseThrow();
    assertThat(FailureReason.lineWith(log, p)).contains("*FATAL ERROR* main: all source points off all meteo grids!");
  }

  @Test
  void categoriesRetryAndCodes() {
    assertThat(FailureReason.MISSING_MET_FILES.category()).isEqualTo("missing_met_files");
    assertThat(FailureReason.TIMEOUT.retryable()).isTrue();
    assertThat(FailureReason.MET_COVERAGE.retryable()).isFalse();
    assertThat(new TransportException(FailureReason.MET_COVERAGE, "x").code()).isEqualTo(ErrorCode.MET);
    assertThat(new TransportException(FailureReason.TIMEOUT, "x").code()).isEqualTo(ErrorCode.TRANSPORT);
    for (FailureReason r : FailureReason.values()) {
      assertThat(r.category()).matches("[a-z][a-z0-9_]*");
    }
  }
}
