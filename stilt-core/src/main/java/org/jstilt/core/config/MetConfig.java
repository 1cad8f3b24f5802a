package org.jstilt.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * One named meteorology stream (PYSTILT {@code MetConfig}, PYSTILT.md §3.3): where its ARL files are,
 * how they are named ({@code file_format}, a strftime pattern) and spaced in time ({@code file_tres}),
 * how many must be found, and optional cropping ("subgridding") before a run.
 *
 * <p>Archive mode (no {@code source}) needs {@code file_format} and {@code file_tres}. With {@code source}
 * (one of {@link #SOURCES}) PYSTILT downloads files through the {@code arlmet} package; JSTILT reads the
 * setting (so a PYSTILT project loads) and keeps any extra keys as {@link #sourceOptions()}, but has no
 * downloader yet: runs on such a stream fail with a message saying so.
 *
 * @param directory ARL archive root (archive mode) or download cache (source mode), absolute
 * @param source download source name, if any
 * @param backend download backend: {@code s3}, {@code ftp} or {@code http}
 * @param fileFormat strftime pattern of file names, e.g. {@code %Y%m%d_%H}
 * @param fileTres time between files
 * @param nMin fewest files a run accepts (at least 1)
 * @param subgridEnable crop files to {@code subgridBounds} (plus the buffer) before staging
 * @param subgridBounds the crop box; required when {@code subgridEnable}
 * @param subgridBufferDeg degrees added on every side of the crop box, at least 0
 * @param subgridLevels keep only the lowest levels, if set (at least 1)
 * @param subgridDir cache of cropped files; {@link #subgridDirOrDefault()} is {@code directory/subgrid}
 * @param sourceOptions extra keys passed to the download source (source mode only)
 */
public record MetConfig(
    Path directory,
    Optional<String> source,
    String backend,
    Optional<String> fileFormat,
    Optional<Duration> fileTres,
    int nMin,
    boolean subgridEnable,
    Optional<Bounds> subgridBounds,
    double subgridBufferDeg,
    OptionalInt subgridLevels,
    Optional<Path> subgridDir,
    Map<String, Object> sourceOptions) {

  /** The {@code arlmet} source names PYSTILT documents. */
  public static final List<String> SOURCES =
      List.of("hrrr", "hrrr.v1", "nam12", "nams", "gdas1", "gdas0p5", "gfs0p25", "reanalysis", "narr");

  /** Download backends. */
  public static final Set<String> BACKENDS = Set.of("s3", "ftp", "http");

  public MetConfig {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(fileFormat, "fileFormat");
    Objects.requireNonNull(fileTres, "fileTres");
    Objects.requireNonNull(subgridBounds, "subgridBounds");
    Objects.requireNonNull(subgridLevels, "subgridLevels");
    Objects.requireNonNull(subgridDir, "subgridDir");
    sourceOptions = Collections.unmodifiableMap(new LinkedHashMap<>(sourceOptions));
    ConfigException.throwIfAny(problems(directory, source, backend, fileFormat, fileTres, nMin, subgridEnable,
        subgridBounds, subgridBufferDeg, subgridLevels, sourceOptions));
  }

  /** An archive-mode stream with PYSTILT's other defaults. */
  public static MetConfig archive(Path directory, String fileFormat, Duration fileTres) {
    return new MetConfig(directory, Optional.empty(), "s3", Optional.of(fileFormat), Optional.of(fileTres), 1, false,
        Optional.empty(), 0.2, OptionalInt.empty(), Optional.empty(), Map.of());
  }

  /** Every problem, with the keys as paths (relative to the stream). */
  static List<ConfigProblem> problems(Path directory, Optional<String> source, String backend,
      Optional<String> fileFormat, Optional<Duration> fileTres, int nMin, boolean subgridEnable,
      Optional<Bounds> subgridBounds, double subgridBufferDeg, OptionalInt subgridLevels,
      Map<String, Object> sourceOptions) {
    List<ConfigProblem> p = new ArrayList<>();
    if (!directory.isAbsolute()) {
      p.add(ConfigProblem.at("directory", "must be an absolute path (the loader resolves relative ones), got "
          + directory));
    }
    if (source.isPresent() && !SOURCES.contains(source.get())) {
      p.add(ConfigProblem.at("source", "unknown met source '" + source.get() + "'; known: "
          + String.join(", ", SOURCES) + " (or leave source out and give file_format and file_tres)"));
    }
    if (!BACKENDS.contains(backend)) {
      p.add(ConfigProblem.at("backend", "must be s3, ftp or http, got '" + backend + "'"));
    }
    if (source.isEmpty()) {
      if (fileFormat.isEmpty()) {
        p.add(ConfigProblem.at("file_format", "missing: without a source, the archive's file name pattern is "
            + "required, e.g. file_format: \"%Y%m%d_%H\""));
      }
      if (fileTres.isEmpty()) {
        p.add(ConfigProblem.at("file_tres", "missing: without a source, the time between files is required, "
            + "e.g. file_tres: 6h"));
      }
      for (String k : sourceOptions.keySet()) {
        p.add(ConfigProblem.at(k, "extra met keys are only passed to a download source; this stream has no source"));
      }
    }
    if (fileFormat.isPresent() && fileFormat.get().isBlank()) {
      p.add(ConfigProblem.at("file_format", "is empty; give the strftime pattern of the file names, e.g. %Y%m%d_%H"));
    }
    if (fileTres.isPresent() && (fileTres.get().isZero() || fileTres.get().isNegative())) {
      p.add(ConfigProblem.at("file_tres", "must be a positive time span, got " + fileTres.get()));
    }
    if (nMin < 1) {
      p.add(ConfigProblem.at("n_min", "must be at least 1 file, got " + nMin));
    }
    if (subgridEnable && subgridBounds.isEmpty()) {
      p.add(ConfigProblem.at("subgrid_bounds", "missing: subgrid_enable: true needs subgrid_bounds "
          + "{xmin, xmax, ymin, ymax} to crop to"));
    }
    if (!(subgridBufferDeg >= 0) || Double.isInfinite(subgridBufferDeg)) {
      p.add(ConfigProblem.at("subgrid_buffer", "must be a finite number of degrees >= 0, got " + subgridBufferDeg));
    }
    if (subgridLevels.isPresent() && subgridLevels.getAsInt() < 1) {
      p.add(ConfigProblem.at("subgrid_levels", "must keep at least 1 level, got " + subgridLevels.getAsInt()));
    }
    return p;
  }

  /** True when files are downloaded from {@link #source()} rather than found in an archive. */
  public boolean sourceMode() {
    return source.isPresent();
  }

  /** Where cropped files are cached: {@code subgrid_dir}, or {@code <directory>/subgrid}. */
  public Path subgridDirOrDefault() {
    return subgridDir.orElse(directory.resolve("subgrid"));
  }
}
