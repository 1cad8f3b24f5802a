package org.jstilt.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jstilt.core.config.StiltParams;
import org.jstilt.core.footprint.GridSpec;
import org.jstilt.core.receptor.Receptor;
import org.jstilt.core.testing.HysplitCase;
import org.jstilt.core.testing.SharedData;
import org.jstilt.io.config.ReceptorsCsv;

/** Writes small STILT projects (config.yaml + receptors.csv) for {@code stilt run} tests. */
final class RunProjects {
  private RunProjects() {}

  /**
   * A project running {@code receptors} with the reference case's parameters and footprint grid (footprint
   * {@code slv}), on the shared HRRR files, with the given {@code transport:} block.
   */
  static Path write(Path dir, HysplitCase c, List<Receptor> receptors, String transportYaml) {
    StiltParams p = c.params();
    GridSpec g = c.grid();
    StringBuilder y = new StringBuilder();
    y.append("n_hours: ").append(p.model().nHours()).append('\n');
    y.append("numpar: ").append(p.model().numpar()).append('\n');
    y.append("varsiwant: [").append(String.join(", ", p.model().varsiwant())).append("]\n");
    y.append("hnf_plume: ").append(p.model().hnfPlume()).append('\n');
    y.append("kmix0: ").append(p.transport().kmix0()).append('\n');
    y.append("krand: ").append(p.transport().krand()).append('\n');
    p.transport().seed().ifPresent(s -> y.append("seed: ").append(s).append('\n'));
    y.append("nturb: ").append(p.transport().nturb()).append('\n');
    y.append("mets:\n  hrrr:\n    directory: ").append(SharedData.hrrrMet()).append('\n');
    y.append("    file_format: \"%Y%m%d_%H\"\n    file_tres: 6h\n");
    y.append("footprints:\n  slv:\n");
    y.append(String.format(Locale.ROOT, "    xmin: %s\n    xmax: %s\n    ymin: %s\n    ymax: %s\n    xres: %s\n    yres: %s\n",
        g.xmin(), g.xmax(), g.ymin(), g.ymax(), g.xres(), g.yres()));
    y.append("    smooth_factor: ").append(c.smoothFactor()).append('\n');
    y.append("    time_integrate: ").append(c.timeIntegrate()).append('\n');
    y.append(transportYaml);
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("config.yaml"), y.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ReceptorsCsv.write(receptors, dir.resolve("receptors.csv"));
    return dir;
  }

  /** The {@code transport:} block for hycs_std (or a stand-in) at {@code exe}. */
  static String hysplit(Path exe, String timeout) {
    return "transport:\n  engine: hysplit\n  hysplit:\n    executable: " + exe + "\n    timeout: " + timeout + "\n";
  }
}
