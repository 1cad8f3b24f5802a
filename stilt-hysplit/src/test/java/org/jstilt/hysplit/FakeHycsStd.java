package org.jstilt.hysplit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Stand-ins for hycs_std, as small shell scripts, for tests that must run without the binary: each checks that
 * it was started the way hycs_std is (CONTROL, SETUP.CFG and ASCDATA.CFG in its working directory, the met
 * files CONTROL names linked under {@code met/}) and then behaves in one way.
 */
public final class FakeHycsStd {
  private FakeHycsStd() {}

  /** The preamble every stand-in runs: exits 97 with a message when the run directory is not set up. */
  private static final String CHECKS = String.join("\n",
      "#!/bin/sh",
      "for f in CONTROL SETUP.CFG ASCDATA.CFG; do",
      "  [ -f \"$f\" ] || { echo \"fake hycs_std: $f missing in $(pwd)\"; exit 97; }",
      "done",
      "# every met file named in CONTROL (line after a '<dir>/ ' line) must exist",
      "awk '/\\/ $/ {sub(/ $/, \"\"); d=$0; getline; print d $0}' CONTROL | while read -r m; do",
      "  [ -e \"$m\" ] || { echo \"fake hycs_std: met file $m missing\"; exit 97; }",
      "done || exit 97",
      " echo ' HYSPLIT - Initialization '",
      " echo ' HYSPLIT version: fake (JSTILT test stand-in)'",
      "");

  /** Writes a stand-in with {@code body} after the checks into {@code dir/hycs_std}, with an ASCDATA.CFG beside it. */
  public static Path write(Path dir, String body) {
    try {
      Files.createDirectories(dir);
      Path exe = dir.resolve("hycs_std");
      Files.writeString(exe, CHECKS + body + "\n");
      Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.writeString(dir.resolve("ASCDATA.CFG"), "-90.0  -180.0\n1.0     1.0\n180     360\n2\n0.2\n'./'\n");
      return exe;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies a (gzipped or plain) reference PARTICLE_STILT.DAT into the working directory and exits 0. */
  public static String replay(Path dat) {
    String q = "'" + dat.toAbsolutePath() + "'";
    return dat.toString().endsWith(".gz")
        ? "gzip -dc " + q + " > PARTICLE_STILT.DAT || exit 96\necho ' Complete Hysplit'\nexit 0"
        : "cp " + q + " PARTICLE_STILT.DAT || exit 96\necho ' Complete Hysplit'\nexit 0";
  }

  /** Prints a Fortran runtime error, writes half a file and dies from SIGSEGV. */
  public static final String FORTRAN_CRASH = String.join("\n",
      "printf '   40.7700005      -111.849998       5.00000000    \\n' > PARTICLE_STILT.DAT",
      "echo 'At line 412 of file pardsp.f'",
      "echo 'Fortran runtime error: Index 0 of dimension 1 of array x below lower bound of 1'",
      "kill -SEGV $$");

  /** Dies from SIGSEGV without a word. */
  public static final String SILENT_CRASH = "kill -SEGV $$";

  /** Never finishes (and starts a child that would outlive it). */
  public static final String HANG = "sleep 600 &\nwait";

  /** Exits normally without writing PARTICLE_STILT.DAT. */
  public static final String WRITES_NOTHING = "echo ' Complete Hysplit'\nexit 0";

  /** Writes only the header line of PARTICLE_STILT.DAT. */
  public static final String HEADER_ONLY =
      "printf '   40.7700005      -111.849998       5.00000000    \\n' > PARTICLE_STILT.DAT\necho ' Complete Hysplit'\nexit 0";

  /** hycs_std v5.1.0's output for a receptor outside the met grid (captured), exit status 132. */
  public static final String OFF_GRID = String.join("\n",
      "touch PARTICLE_STILT.DAT MESSAGE",
      "echo ' WARNING main: source point off grid            1           1' >> MESSAGE",
      "echo 'STOP 900'",
      "echo ' *FATAL ERROR* main: all source points off all meteo grids!'",
      "echo '               See MESSAGE file for more information.'",
      "exit 132");
}
