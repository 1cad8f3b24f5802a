package org.jstilt.bench.met;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jstilt.met.arl.ArlFile;
import org.jstilt.met.arl.ArlLevel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * ARL reading: decode throughput and open-plus-one-record latency.
 *
 * <p>System properties: {@code jstilt.shared.dir} (default {@code ../shared}) for the HRRR files,
 * {@code jstilt.bench.conus} for the generated archive (default {@code $TMPDIR/jstilt-bench-conus.arl}),
 * {@code jstilt.bench.conusPeriods} (default 31, about 10 GB).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ArlBenchmark {
  Path hrrr;
  Path conus;
  ArlFile hrrrFile;
  ArlFile conusFile;
  double[] hrrrBuf;
  double[] conusBuf;

  @Setup(Level.Trial)
  public void setup() {
    hrrr = Path.of(System.getProperty("jstilt.shared.dir", "../shared"), "met", "hrrr", "20190530_00-05_hrrr");
    conus = ConusArchive.ensure(
        Path.of(System.getProperty("jstilt.bench.conus", System.getProperty("java.io.tmpdir") + "/jstilt-bench-conus.arl")),
        Integer.getInteger("jstilt.bench.conusPeriods", 31));
    hrrrFile = ArlFile.open(hrrr);
    conusFile = ArlFile.open(conus);
    hrrrBuf = new double[hrrrFile.grid().nx() * hrrrFile.grid().ny()];
    conusBuf = new double[ConusArchive.NX * ConusArchive.NY];
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    hrrrFile.close();
    conusFile.close();
  }

  /** All 1020 records of one HRRR test file (6 periods x 170), 2.46 MB of packed data. */
  @Benchmark
  public double decodeHrrrFile() {
    double s = 0;
    for (int p = 0; p < hrrrFile.periods().size(); p++) {
      for (ArlLevel l : hrrrFile.grid().levels()) {
        for (String v : l.variables()) {
          hrrrFile.read(p, l.index(), v, hrrrBuf);
          s += hrrrBuf[7];
        }
      }
    }
    return s;
  }

  /** One CONUS record (1799 x 1059 = 1.905 MB packed), read and verified. */
  @Benchmark
  public double decodeConusRecord() {
    conusFile.read(conusFile.periods().size() - 1, 10, "TEMP", conusBuf);
    return conusBuf[12345];
  }

  /** Open the HRRR test file (index all 6 periods) and decode one record. */
  @Benchmark
  public double openHrrrAndReadOne() {
    try (ArlFile f = ArlFile.open(hrrr)) {
      return f.read(5, 10, "TEMP")[100];
    }
  }

  /** Open the ~10 GB CONUS archive (index all periods) and decode one record of the last period. */
  @Benchmark
  public double openConusAndReadOne() {
    try (ArlFile f = ArlFile.open(conus)) {
      f.read(f.periods().size() - 1, 10, "TEMP", conusBuf);
      return conusBuf[4242];
    }
  }

  /** Open the ~10 GB archive only. */
  @Benchmark
  public int openConus() {
    try (ArlFile f = ArlFile.open(conus)) {
      return f.periods().size();
    }
  }
}
