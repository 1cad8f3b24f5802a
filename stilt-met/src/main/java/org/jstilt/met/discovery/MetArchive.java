package org.jstilt.met.discovery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.jstilt.met.MetCoverageException;

/**
 * An archive of ARL files on disk, found by name: PYSTILT's {@code MetStream.required_files} in archive mode
 * (PYSTILT.md §4.4).
 *
 * <ol>
 *   <li>The simulation spans receptor time {@code t} and {@code t + n_hours}; {@code earlier}/{@code later} are
 *       the two ends in time order.
 *   <li>File times run from {@code floor(earlier, file_tres)} to {@code later}, or for backward runs to
 *       {@code ceil(later, file_tres)} so that the file after the receptor time is included for interpolation;
 *       floors and ceilings are on the {@code file_tres} grid counted from 1970-01-01T00:00Z (pandas).
 *   <li>Each time formatted with {@code file_format} (Python strftime) is a name prefix; duplicates are dropped.
 *   <li>Every regular file under the directory, at any depth, whose name starts with a prefix is a match, except
 *       names containing {@code .lock} and backup names ending in {@code ~}.
 *   <li>Matches are resolved through symlinks, de-duplicated and sorted by file name.
 *   <li>Fewer than {@code n_min} files (or none) is PYSTILT's error, word for word; missing prefixes with
 *       enough files are only reported in {@link Selection#missingPatterns()}.
 * </ol>
 *
 * @param directory archive root ({@code ~} expanded, made absolute)
 * @param fileFormat Python strftime pattern of file names (may contain {@code /} for sub-directories)
 * @param fileTres time between files
 * @param nMin minimum number of files
 */
public record MetArchive(Path directory, String fileFormat, Duration fileTres, int nMin) {

  public MetArchive {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(fileFormat, "fileFormat");
    Objects.requireNonNull(fileTres, "fileTres");
    directory = expand(directory);
    if (fileTres.isZero() || fileTres.isNegative()) {
      throw new IllegalArgumentException("file_tres must be positive, got " + fileTres);
    }
    if (nMin < 0) {
      throw new IllegalArgumentException("n_min must be >= 0, got " + nMin);
    }
    if (fileFormat.isEmpty()) {
      throw new IllegalArgumentException("file_format must not be empty");
    }
  }

  private static Path expand(Path p) {
    String s = p.toString();
    if (s.equals("~") || s.startsWith("~/")) {
      p = Path.of(System.getProperty("user.home") + s.substring(1));
    }
    return p.toAbsolutePath().normalize();
  }

  /**
   * The files found and the name prefixes that matched nothing.
   *
   * @param files real paths, sorted by file name
   * @param missingPatterns prefixes without any file, in time order
   */
  public record Selection(List<Path> files, List<String> missingPatterns) {
    public Selection {
      files = List.copyOf(files);
      missingPatterns = List.copyOf(missingPatterns);
    }
  }

  /** The file times (UTC) for a simulation, steps 1–2 above. */
  public List<Instant> fileTimes(Instant receptorTime, int nHours) {
    Instant simEnd = receptorTime.plus(Duration.ofHours(nHours));
    Instant earlier = receptorTime.isBefore(simEnd) ? receptorTime : simEnd;
    Instant later = receptorTime.isBefore(simEnd) ? simEnd : receptorTime;
    Instant start = floor(earlier);
    Instant end = later;
    if (nHours < 0) {
      end = ceil(later);
    }
    List<Instant> times = new ArrayList<>();
    for (Instant t = start; !t.isAfter(end); t = t.plus(fileTres)) {
      times.add(t);
    }
    return times;
  }

  /** The name prefixes for a simulation, step 3. */
  public List<String> patterns(Instant receptorTime, int nHours) {
    Set<String> out = new LinkedHashSet<>();
    for (Instant t : fileTimes(receptorTime, nHours)) {
      out.add(Strftime.format(fileFormat, LocalDateTime.ofInstant(t, ZoneOffset.UTC)));
    }
    return new ArrayList<>(out);
  }

  /**
   * The met files for one simulation.
   *
   * @throws MetCoverageException with PYSTILT's message when fewer than {@code nMin} files (or none) are found
   */
  public Selection requiredFiles(Instant receptorTime, int nHours) {
    List<String> patterns = patterns(receptorTime, nHours);
    List<Path> candidates = listFiles();
    List<Path> matched = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String pattern : patterns) {
      int before = matched.size();
      for (Path f : candidates) {
        if (matches(f, pattern)) {
          matched.add(f);
        }
      }
      if (matched.size() == before) {
        missing.add(pattern);
      }
    }
    Set<Path> real = new LinkedHashSet<>();
    for (Path f : matched) {
      try {
        real.add(f.toRealPath());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot resolve " + f, e);
      }
    }
    List<Path> files = new ArrayList<>(real);
    files.sort(Comparator.comparing(p -> p.getFileName().toString()));
    int n = files.size();
    if (n == 0 || n < nMin) {
      String detail = "";
      if (!missing.isEmpty()) {
        detail = " Patterns not found in " + directory + ": " + String.join(", ", missing.subList(0, Math.min(3, missing.size()))) + ".";
      }
      throw new MetCoverageException(
          "Insufficient number of meteorological files found. Found: " + n + ", Required: " + nMin + "." + detail);
    }
    return new Selection(files, missing);
  }

  private List<Path> listFiles() {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(directory)) {
      // Files.isRegularFile follows symlinks, as Python's Path.is_file does.
      return s.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException | UncheckedIOException e) {
      throw new MetCoverageException("Cannot list the met directory " + directory + ": " + e.getMessage(), directory,
          null, null, null, "Check that it exists and is readable");
    }
  }

  /** Python's {@code rglob(pattern + "*")} for one path, plus PYSTILT's lock/backup exclusions. */
  private boolean matches(Path file, String pattern) {
    String name = file.getFileName().toString();
    if (name.contains(".lock") || name.endsWith("~")) {
      return false;
    }
    int slash = pattern.lastIndexOf('/');
    if (slash < 0) {
      return name.startsWith(pattern);
    }
    // A pattern with directories matches at any depth: its directory part must end the file's relative parent.
    String dirs = pattern.substring(0, slash);
    String prefix = pattern.substring(slash + 1);
    if (!name.startsWith(prefix)) {
      return false;
    }
    Path parent = directory.relativize(file).getParent();
    if (parent == null) {
      return false;
    }
    String rel = parent.toString().replace(java.io.File.separatorChar, '/');
    return rel.equals(dirs) || rel.endsWith("/" + dirs);
  }

  private Instant floor(Instant t) {
    long step = fileTres.toNanos();
    long nanos = t.getEpochSecond() * 1_000_000_000L + t.getNano();
    return Instant.EPOCH.plusNanos(Math.floorDiv(nanos, step) * step);
  }

  private Instant ceil(Instant t) {
    Instant f = floor(t);
    return f.equals(t) ? t : f.plus(fileTres);
  }
}
