package org.jstilt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jstilt.core.text.PyJson;
import org.jstilt.met.synth.SyntheticMet;
import org.jstilt.runtime.quickstart.QuickstartProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project written the way PYSTILT documents it (PYSTILT.md §3: parameters flat at the top, a met stream
 * in archive mode, a footprint in the grid shorthand, an {@code execution:} block; receptors.csv with
 * {@code time,longitude,latitude,altitude}) runs unchanged with {@code stilt run}, on two workers, and
 * {@code stilt status} then counts what is on disk.
 */
class RunPystiltProjectTest {
  @TempDir Path dir;

  @Test
  void runsUnchanged() throws Exception {
    Path project = dir.resolve("pystilt");
    SyntheticMet.write(QuickstartProject.met(), project.resolve("arl"));
    Files.writeString(project.resolve("config.yaml"), """
        n_hours: -3
        numpar: 10
        hnf_plume: true
        rm_dat: true
        varsiwant: [time, indx, long, lati, zagl, foot, mlht, pres, dens, samt, sigw, tlgr]
        skip_existing: true
        mets:
          synth:
            directory: ./arl
            file_format: "%Y%m%d_%H"
            file_tres: 1D
            n_min: 1
        footprints:
          slv:
            xmin: -113.0
            xmax: -111.0
            ymin: 40.0
            ymax: 41.5
            xres: 0.02
            yres: 0.02
            smooth_factor: 1.0
            time_integrate: false
        execution:
          backend: local
          n_workers: 2
        """);
    Files.writeString(project.resolve("receptors.csv"), """
        time,longitude,latitude,altitude
        2019-05-30 18:00:00,-111.85,40.77,5
        2019-05-30 19:00:00,-111.85,40.77,5
        2019-05-30 20:00:00,-111.9,40.7,50
        """);

    CliRun r = CliRun.of("run", project.toString());
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("workers=2").contains("Summary: total=3  complete=3  complete-empty=0  skipped=0  failed=0");
    String id = "synth_201905301800_-111.85_40.77_5";
    Path sim = project.resolve("simulations/by-id").resolve(id);
    assertThat(CliRun.files(sim)).contains(id + "_traj.parquet", id + "_slv_foot.nc", "stilt.log");

    @SuppressWarnings("unchecked")
    Map<String, Object> status = (Map<String, Object>) PyJson.loads(CliRun.of("status", project.toString(), "--json").out());
    assertThat(status).containsEntry("total", 3L).containsEntry("complete", 3L).containsEntry("pending", 0L);
  }
}
