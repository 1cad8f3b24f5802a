package org.jstilt.cli.met;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;
import org.jstilt.met.arl.ArlFile;
import org.jstilt.met.subset.BoundingBox;
import org.jstilt.met.subset.MetSubsetter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stilt met subset FILE... --bbox=W,S,E,N [--levels N] --out DIR}. */
@Command(
    name = "subset",
    mixinStandardHelpOptions = true,
    description = {
      "Crop ARL files to the grid window covering a longitude-latitude box and keep the lowest levels.",
      "The projection is kept exactly; values equal the source values within the packing precision.",
      "Each FILE is written to DIR under the same name."
    })
public final class MetSubsetCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "ARL files to crop.")
  List<Path> files;

  @Option(names = "--bbox", required = true, paramLabel = "W,S,E,N",
      description = "Box in degrees: west, south, east, north longitude/latitude.")
  String bbox;

  @Option(names = "--levels", paramLabel = "N",
      description = "Keep the lowest N levels, counting the surface (default: all).")
  Integer levels;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (created if needed).")
  Path out;

  @Override
  public Integer call() {
    BoundingBox box;
    try {
      box = BoundingBox.parse(bbox);
    } catch (IllegalArgumentException e) {
      throw new StiltException(ErrorCode.USAGE, "Invalid --bbox: " + e.getMessage());
    }
    if (levels != null && levels < 1) {
      throw new StiltException(ErrorCode.USAGE, "Invalid --levels " + levels + ": it counts the surface level, so it must be >= 1");
    }
    PrintWriter pw = spec.commandLine().getOut();
    List<Path> written = MetSubsetter.subset(files, out, box, levels);
    for (Path p : written) {
      try (ArlFile f = ArlFile.open(p)) {
        pw.printf("Wrote %s: %d x %d points, %d levels, %d periods%n", p, f.grid().nx(), f.grid().ny(), f.grid().nz(),
            f.times().size());
      }
    }
    pw.flush();
    return 0;
  }
}
