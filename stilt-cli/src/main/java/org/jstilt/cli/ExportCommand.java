package org.jstilt.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;
import org.jstilt.core.footprint.FootprintGrid;
import org.jstilt.io.InputFileException;
import org.jstilt.io.csv.FootprintCellsCsvWriter;
import org.jstilt.io.csv.TrajectoryCsvWriter;
import org.jstilt.io.netcdf.FootprintNetcdfReader;
import org.jstilt.io.parquet.TrajectoryParquetReader;
import org.jstilt.io.parquet.TrajectoryTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code stilt export}: a trajectory Parquet or footprint NetCDF file as CSV. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Export a trajectory Parquet file (all columns) or a footprint NetCDF file (non-zero cells:",
      "lon,lat,time_epoch_s,value) as CSV. Numbers are written as the shortest decimals that read back",
      "as the same doubles."
    })
final class ExportCommand implements Callable<Integer> {
  private static final byte[] HDF5_MAGIC = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "A *_traj.parquet or *_foot.nc file.")
  Path input;

  @Option(names = "--csv", required = true, paramLabel = "OUT", description = "CSV file to write (.gz compresses).")
  Path csv;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (csv.toAbsolutePath().normalize().equals(input.toAbsolutePath().normalize())) {
      throw new StiltException(ErrorCode.INPUT, "--csv " + csv + " is the input file itself; choose another name.");
    }
    byte[] head = head(input);
    if (startsWith(head, new byte[] {'P', 'A', 'R', '1'})) {
      TrajectoryTable t = TrajectoryParquetReader.read(input);
      TrajectoryCsvWriter.write(csv, t);
      out.printf("Wrote %s: %d rows x %d columns%n", csv, t.particles().size(),
          t.particles().columnNames().size() + (t.datetimeEpochMicros() == null ? 0 : 1));
    } else if (startsWith(head, HDF5_MAGIC)) {
      FootprintGrid g = FootprintNetcdfReader.read(input).footprint();
      long cells = FootprintCellsCsvWriter.write(csv, g);
      out.printf("Wrote %s: %d non-zero cell(s) from %d layer(s) of %d x %d%n", csv, cells, g.nt(), g.ny(), g.nx());
    } else if (startsWith(head, new byte[] {'C', 'D', 'F'})) {
      throw new InputFileException(input, "this is a classic (NetCDF-3) file; footprints are NetCDF-4. Convert it with "
          + "'nccopy -k nc4 IN OUT' first");
    } else {
      throw new InputFileException(input, "neither a trajectory Parquet file nor a NetCDF-4 footprint");
    }
    return 0;
  }

  private static byte[] head(Path p) {
    try (InputStream in = Files.newInputStream(p)) {
      return in.readNBytes(8);
    } catch (NoSuchFileException e) {
      throw new InputFileException(p, "file not found");
    } catch (IOException e) {
      throw new StiltException(ErrorCode.INPUT, "cannot read " + p + ": " + e.getMessage(), e);
    }
  }

  private static boolean startsWith(byte[] a, byte[] prefix) {
    if (a.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (a[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
