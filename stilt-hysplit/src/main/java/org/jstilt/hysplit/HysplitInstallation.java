package org.jstilt.hysplit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;

/**
 * Where hycs_std and its data files are: the executable, and the directory holding {@code ASCDATA.CFG} and the
 * land-use, roughness and terrain files it names ({@code LANDUSE.ASC}, {@code ROUGLEN.ASC}, {@code TERRAIN.ASC}).
 *
 * <p>R-STILT keeps the binary in {@code bin/<platform>/hycs_std} and the data in {@code exe/} (a sibling of
 * {@code bin/}) and links everything in {@code exe/} into each run directory. {@link #locate} finds the data
 * directory the same way, in this order:
 * <ol>
 *   <li>the directory given explicitly (e.g. {@code transport.hysplit.data_dir}), which must hold
 *       {@code ASCDATA.CFG};
 *   <li>the executable's own directory, if it holds {@code ASCDATA.CFG} (a flat installation);
 *   <li>{@code <executable dir>/../../exe}, if it holds {@code ASCDATA.CFG} (uataq/stilt's layout,
 *       {@code bin/linux_x64/hycs_std} beside {@code exe/}).
 * </ol>
 * The executable path is used as given (symlinks are not resolved), so a link to hycs_std placed in a
 * directory with the data files works.
 *
 * @param executable the hycs_std binary, absolute
 * @param dataDir the directory with {@code ASCDATA.CFG}, absolute
 */
public record HysplitInstallation(Path executable, Path dataDir) {
  /** The data files hycs_std reads from its working directory, when present in the data directory. */
  public static final List<String> DATA_FILES = List.of("ASCDATA.CFG", "LANDUSE.ASC", "ROUGLEN.ASC", "TERRAIN.ASC");

  /** The one data file hycs_std cannot run without. */
  public static final String ASCDATA = "ASCDATA.CFG";

  public HysplitInstallation {
    executable = Objects.requireNonNull(executable, "executable").toAbsolutePath().normalize();
    dataDir = Objects.requireNonNull(dataDir, "dataDir").toAbsolutePath().normalize();
  }

  /**
   * Checks the executable and finds the data directory (see the class comment).
   *
   * @param executable path of hycs_std (from {@code transport.hysplit.executable} or {@code STILT_HYSPLIT_EXE})
   * @param dataDir an explicit data directory, if configured
   * @throws StiltException ({@link ErrorCode#CONFIG}) naming the path and what to do when the executable is
   *     missing or not executable, or no data directory is found
   */
  public static HysplitInstallation locate(Path executable, Optional<Path> dataDir) {
    Path exe = executable.toAbsolutePath().normalize();
    if (!Files.isRegularFile(exe)) {
      throw new StiltException(ErrorCode.CONFIG, "hycs_std not found at " + exe + " (transport.hysplit.executable "
          + "or STILT_HYSPLIT_EXE). Point it at the binary, e.g. <uataq/stilt>/bin/linux_x64/hycs_std.");
    }
    if (!Files.isExecutable(exe)) {
      throw new StiltException(ErrorCode.CONFIG, "hycs_std at " + exe + " is not executable; run chmod +x " + exe);
    }
    if (dataDir.isPresent()) {
      Path d = dataDir.get().toAbsolutePath().normalize();
      if (!Files.isRegularFile(d.resolve(ASCDATA))) {
        throw new StiltException(ErrorCode.CONFIG, "transport.hysplit.data_dir " + d + " has no " + ASCDATA
            + "; give the directory with hycs_std's data files (uataq/stilt's exe/)");
      }
      return new HysplitInstallation(exe, d);
    }
    List<Path> tried = new ArrayList<>();
    Path own = exe.getParent();
    tried.add(own);
    if (Files.isRegularFile(own.resolve(ASCDATA))) {
      return new HysplitInstallation(exe, own);
    }
    Path up2 = own.getParent() == null ? null : own.getParent().getParent();
    if (up2 != null) {
      Path sibling = up2.resolve("exe").normalize();
      tried.add(sibling);
      if (Files.isRegularFile(sibling.resolve(ASCDATA))) {
        return new HysplitInstallation(exe, sibling);
      }
    }
    throw new StiltException(ErrorCode.CONFIG, "no " + ASCDATA + " for hycs_std " + exe + " (looked in "
        + String.join(", ", tried.stream().map(Path::toString).toList()) + "). Put the data files (ASCDATA.CFG, "
        + "LANDUSE.ASC, ROUGLEN.ASC, TERRAIN.ASC from uataq/stilt's exe/) beside the binary, or set "
        + "transport.hysplit.data_dir.");
  }

  /** The data files present in {@link #dataDir}, in {@link #DATA_FILES} order. */
  public List<Path> dataFiles() {
    List<Path> out = new ArrayList<>();
    for (String n : DATA_FILES) {
      Path p = dataDir.resolve(n);
      if (Files.isRegularFile(p)) {
        out.add(p);
      }
    }
    return out;
  }
}
