package org.jstilt.io.netcdf;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the independent NetCDF readers (netCDF-C's {@code ncdump}, Python xarray) on our files. CI installs
 * them (.ci/run); where they are missing the calling test is skipped with a message.
 */
public final class ExternalTools {
  public static final String PYTHON = "/usr/bin/python3";

  private ExternalTools() {}

  public static void assumeNcdump() {
    assumeTrue(onPath("ncdump"), "ncdump not installed (apt-get install netcdf-bin): test skipped");
  }

  public static void assumeXarray() {
    boolean ok = Files.isExecutable(Path.of(PYTHON));
    if (ok) {
      try {
        ok = run(PYTHON, "-c", "import xarray, netCDF4").exitCode == 0;
      } catch (IOException e) {
        ok = false;
      }
    }
    assumeTrue(ok, "python3 with xarray + netCDF4 not installed (apt-get install python3-xarray python3-netcdf4): test skipped");
  }

  private static boolean onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }

  /** The result of one process run. */
  public record Result(int exitCode, String stdout, String stderr) {}

  public static Result run(String... command) throws IOException {
    Path out = Files.createTempFile("tool", ".out");
    Path err = Files.createTempFile("tool", ".err");
    try {
      Process p = new ProcessBuilder(List.of(command)).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("timed out: " + String.join(" ", command));
      }
      return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /** Runs a command that must succeed and returns its standard output. */
  public static String output(String... command) throws IOException {
    Result r = run(command);
    if (r.exitCode != 0) {
      throw new AssertionError(String.join(" ", command) + " failed (" + r.exitCode + "): " + r.stderr);
    }
    return r.stdout;
  }

  /** {@code ncdump} with options. */
  public static String ncdump(String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add("ncdump");
    cmd.addAll(List.of(args));
    return output(cmd.toArray(String[]::new));
  }
}
