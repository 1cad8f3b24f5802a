package org.jstilt.bench.footprint;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.jstilt.core.footprint.FootprintCalculator;
import org.jstilt.core.footprint.FootprintGrid;
import org.jstilt.core.footprint.FootprintOptions;
import org.jstilt.core.footprint.GridSpec;
import org.jstilt.core.particle.ParticleColumns;
import org.jstilt.core.particle.ParticleEnsemble;
import org.jstilt.io.particles.ParticleCsvReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link FootprintCalculator#compute} on the reference particle tables under
 * {@code ../shared/reference/footprint/particles}, with the grid and settings of the matching R-STILT
 * reference case. The particle table is read once in setup: like R's timing of {@code calc_footprint}
 * in-process, the measurement covers the footprint computation only (no file reading or writing).
 *
 * <p>System property {@code jstilt.shared.dir} (default {@code ../shared}) locates the reference data.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class FootprintBenchmark {
  /**
   * Reference case: {@code evening} = evening_sf1_res0.01_tiF_hnfT (R: 0.89 s), {@code forward} =
   * forward_sf1_res0.01_tiF (R: 1.24 s), {@code night_kernel} = night_kerneltest_sf1_res0.01_tiF (foot
   * 0.01 on every particle-minute: every row is gridded and smoothed), {@code fast} =
   * synthetic_fast_sf1_res0.02_tiF (early-time densification).
   */
  @Param({"evening", "forward", "night_kernel", "fast"})
  public String reference;

  ParticleEnsemble particles;
  FootprintOptions options;
  Instant receptorTime;

  @Setup(Level.Trial)
  public void load() {
    Path particlesDir =
        Path.of(System.getProperty("jstilt.shared.dir", "../shared"), "reference", "footprint", "particles");
    GridSpec utahHourly = GridSpec.longLat(-112.9, -111.1, 40.1, 41.4, 0.01);
    switch (reference) {
      case "evening" -> {
        particles = read(particlesDir.resolve("evening_wbb_hnf.csv.gz"));
        options = FootprintOptions.of(utahHourly);
        receptorTime = Instant.parse("2019-05-30T03:00:00Z");
      }
      case "forward" -> {
        particles = read(particlesDir.resolve("forward_3h_hnf.csv.gz"));
        options = FootprintOptions.of(utahHourly);
        receptorTime = Instant.parse("2019-05-30T00:00:00Z");
      }
      case "night_kernel" -> {
        particles = read(particlesDir.resolve("night_a_foot001.csv.gz"));
        options = FootprintOptions.of(utahHourly);
        receptorTime = Instant.parse("2019-05-30T11:00:00Z");
      }
      case "fast" -> {
        particles = read(particlesDir.resolve("synthetic_fast.csv.gz"));
        options = FootprintOptions.of(GridSpec.longLat(-113, -106, 40, 41.5, 0.02));
        receptorTime = Instant.parse("2019-05-30T12:00:00Z");
      }
      default -> throw new IllegalArgumentException("unknown reference case " + reference);
    }
  }

  private static ParticleEnsemble read(Path file) {
    return ParticleCsvReader.read(file, ParticleColumns.FOOTPRINT_INPUT).select(ParticleColumns.FOOTPRINT_INPUT);
  }

  @Benchmark
  public FootprintGrid footprint() {
    return FootprintCalculator.compute(particles, options, receptorTime);
  }
}
