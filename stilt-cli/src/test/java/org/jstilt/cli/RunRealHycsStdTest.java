package org.jstilt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jstilt.core.id.SimulationId;
import org.jstilt.core.particle.ParticleColumns;
import org.jstilt.core.testing.HysplitCase;
import org.jstilt.hysplit.RealHycsStd;
import org.jstilt.io.netcdf.FootprintNetcdfReader;
import org.jstilt.io.parquet.TrajectoryParquetReader;
import org.jstilt.io.parquet.TrajectoryTable;
import org.jstilt.io.particles.ParticleCsvReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stilt run} with the real hycs_std ({@code STILT_HYSPLIT_EXE}; skipped with that message otherwise) on
 * night_a_seed1 (KRAND=1, SEED=1, so hycs_std is deterministic): the particle table R-STILT got, value for
 * value, and R-STILT's footprint within float32 rounding.
 */
class RunRealHycsStdTest {
  @TempDir Path dir;

  @Test
  void nightASeed1ReproducesRStiltThroughStiltRun() throws Exception {
    Path exe = RealHycsStd.executable();
    HysplitCase c = HysplitCase.load("night_a_seed1");
    Path project = RunProjects.write(dir.resolve("project"), c, List.of(c.receptor()), RunProjects.hysplit(exe, "600"));

    CliRun r = CliRun.of("run", project.toString());
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    SimulationId id = SimulationId.of("hrrr", c.receptor());
    Path sim = project.resolve("simulations/by-id").resolve(id.toString());
    assertThat(Files.readString(sim.resolve("SETUP.CFG"))).isEqualTo(Files.readString(c.dir().resolve("SETUP.CFG")));

    TrajectoryTable t = TrajectoryParquetReader.read(sim.resolve(id + "_traj.parquet"));
    List<String> columns = new ArrayList<>(c.params().model().varsiwant());
    columns.add(ParticleColumns.FOOT_NO_HNF_DILUTION);
    assertThat(t.particles().columnNames()).containsExactlyElementsOf(columns);
    RunReplayParityTest.assertSameRows(t.particles(), ParticleCsvReader.read(c.dir().resolve("particles.csv.gz")),
        columns, "night_a_seed1 (real hycs_std)");
    RunReplayParityTest.assertSameFootprint(FootprintNetcdfReader.read(sim.resolve(id + "_slv_foot.nc")).footprint(),
        FootprintNetcdfReader.read(c.dir().resolve("foot.nc")).footprint(), "night_a_seed1 (real hycs_std)");
  }
}
