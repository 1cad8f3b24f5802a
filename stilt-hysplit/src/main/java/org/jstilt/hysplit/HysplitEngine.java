package org.jstilt.hysplit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;
import org.jstilt.core.config.StiltParams;
import org.jstilt.core.particle.ParticleEnsemble;
import org.jstilt.core.transport.FailureReason;
import org.jstilt.core.transport.RunKind;
import org.jstilt.core.transport.TransportEngine;
import org.jstilt.core.transport.TransportException;
import org.jstilt.core.transport.TransportRequest;
import org.jstilt.core.transport.TransportResult;
import org.jstilt.hysplit.input.HysplitInputs;
import org.jstilt.hysplit.process.ProcessResult;
import org.jstilt.hysplit.process.ProcessRunner;

/**
 * The {@link TransportEngine} over an external hycs_std (HYSPLIT-STILT v5), run exactly as R-STILT's
 * {@code calc_trajectory} runs it.
 *
 * <p>One run, in the request's work directory (the simulation directory):
 * <ol>
 *   <li>Stage: link hycs_std's data files ({@link HysplitInstallation#dataFiles()}) and the met files (into
 *       {@code met/}, by file name) into the directory; stale {@code PARTICLE_STILT.DAT}/{@code PARTICLE.DAT}
 *       are removed first.
 *   <li>Write CONTROL (met files as {@code ./met/<name>}), SETUP.CFG (with {@code WINDERRTF} 0, or the error
 *       parameters' 1/2/3 for the error run), ZICONTROL when {@code zicontroltf} is 1 (removed otherwise),
 *       WINDERR/ZIERR for the error run — byte-identical to R-STILT ({@link HysplitInputs}).
 *   <li>Run the binary with the directory as working directory, its output appended to stilt.log, under the
 *       timeout (the process tree is killed on expiry).
 *   <li>Check, in this order: timeout ({@link FailureReason#TIMEOUT}); a failure phrase in the new part of the
 *       log ({@link FailureReason#classify}); a non-zero exit status ({@link FailureReason#CRASHED}; hycs_std
 *       exits with 132 after {@code STOP 900} on its own fatal errors, which carry a phrase); no
 *       {@code PARTICLE_STILT.DAT} ({@link FailureReason#NO_PARTICLE_OUTPUT}); no particle rows in it
 *       ({@link FailureReason#NO_TRAJECTORY_DATA}, with R-STILT's line written to the log).
 *   <li>Parse {@code PARTICLE_STILT.DAT} ({@link ParticleDatReader}).
 *   <li>Clean up: the staged links, {@code met/}, and hycs_std's by-products ({@code CONC.CFG},
 *       {@code MESSAGE}, {@code WARNING}, {@code VMSDIST}, {@code cdump}) are removed, as are the particle files
 *       unless {@code rm_dat} is false and the run succeeded. On failure, the last lines of hycs_std's
 *       {@code MESSAGE} file are appended to stilt.log first. The input files stay.
 * </ol>
 * Unlike PYSTILT, the exit status is checked and a timeout always applies (PYSTILT.md Appendix A, item 4).
 */
public final class HysplitEngine implements TransportEngine {
  /** The file hycs_std writes the particle table to. */
  public static final String PARTICLE_STILT_DAT = "PARTICLE_STILT.DAT";

  /** The sub-directory of the work directory the met files are linked into. */
  public static final String MET_DIR = "met";

  /** Input files this engine writes; they stay in the work directory. */
  public static final List<String> INPUT_FILES = List.of("CONTROL", "SETUP.CFG", "ZICONTROL", "WINDERR", "ZIERR");

  /** What hycs_std writes besides the particle table (removed after each run). */
  static final List<String> BY_PRODUCTS = List.of("CONC.CFG", "MESSAGE", "WARNING", "VMSDIST", "cdump");

  /** Lines of hycs_std's MESSAGE file copied into stilt.log after a failed run. */
  static final int MESSAGE_TAIL_LINES = 15;

  private final HysplitInstallation installation;
  private final Duration timeout;

  /**
   * @param installation the binary and its data files
   * @param timeout how long one hycs_std run may take before it is killed (R-STILT's default: 3600 s)
   */
  public HysplitEngine(HysplitInstallation installation, Duration timeout) {
    this.installation = Objects.requireNonNull(installation, "installation");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must be positive, got " + timeout);
    }
  }

  @Override
  public String name() {
    return "hysplit";
  }

  /** The binary and data files this engine runs. */
  public HysplitInstallation installation() {
    return installation;
  }

  /** The timeout of one run. */
  public Duration timeout() {
    return timeout;
  }

  @Override
  public TransportResult run(TransportRequest req) {
    Path dir = req.workDir().toAbsolutePath();
    Path dat = dir.resolve(PARTICLE_STILT_DAT);
    boolean keepDat = false;
    List<Path> links = new ArrayList<>();
    try {
      Files.createDirectories(dir);
      deleteIfExists(dat);
      deleteIfExists(dir.resolve("PARTICLE.DAT"));
      links.addAll(stageDataFiles(dir));
      List<Path> met = stageMet(dir, req.metFiles(), req.logFile());
      writeInputs(dir, req, met);

      long offset = Files.exists(req.logFile()) ? Files.size(req.logFile()) : 0;
      ProcessResult r = ProcessRunner.run(List.of(installation.executable().toString()), dir, req.logFile(), timeout);
      String segment = readFrom(req.logFile(), offset);
      ParticleEnsemble particles;
      try {
        check(r, segment, dat, req);
        particles = ParticleDatReader.read(dat, req.params().model().varsiwant()).particles();
        if (particles.isEmpty()) {
          appendLine(req.logFile(), dat + " does not contain any trajectory data.");
          throw new TransportException(FailureReason.NO_TRAJECTORY_DATA, "hycs_std wrote no particle rows to " + dat
              + " (only its header): no particle was released or all left the met grid at once; see " + req.logFile());
        }
      } catch (StiltException e) {
        appendMessageTail(dir, req.logFile());
        throw e;
      }
      keepDat = !req.params().model().rmDat();
      String summary = String.format(Locale.ROOT, "hycs_std %s run: %d particle rows in %.1f s", req.kind().label(),
          particles.size(), r.elapsed().toNanos() / 1e9);
      return new TransportResult(particles, summary);
    } catch (IOException e) {
      throw new StiltException(ErrorCode.STORAGE, "cannot prepare or read hycs_std's run directory " + dir + ": "
          + e.getMessage(), e);
    } finally {
      cleanUp(dir, links, keepDat);
    }
  }

  /** Decides whether the run failed, and why (see the class comment for the order). */
  private void check(ProcessResult r, String segment, Path dat, TransportRequest req) throws IOException {
    if (r.timedOut()) {
      throw new TransportException(FailureReason.TIMEOUT, String.format(Locale.ROOT,
          "hycs_std did not finish within %s and was killed (transport.hysplit.timeout). Raise the timeout, or "
              + "lower numpar or |n_hours|, or crop the met files (subgrid).", human(timeout)));
    }
    var phrase = FailureReason.findPhrase(segment);
    if (phrase.isPresent()) {
      String line = FailureReason.lineWith(segment, phrase.get()).orElse(phrase.get().phrase());
      throw new TransportException(phrase.get().reason(), "hycs_std failed: " + line + " (see " + req.logFile() + ")");
    }
    int status = r.exitCode().getAsInt();
    if (status != 0) {
      String signal = status > 128 && status < 160 ? " (signal " + (status - 128) + ")" : "";
      throw new TransportException(FailureReason.CRASHED, "hycs_std exited with status " + status + signal
          + "; last output: " + lastLines(segment, 3) + " (see " + req.logFile() + ")");
    }
    if (!Files.exists(dat)) {
      appendLine(req.logFile(), "Failed to output " + dat);
      throw new TransportException(FailureReason.NO_PARTICLE_OUTPUT, "hycs_std exited normally but wrote no "
          + PARTICLE_STILT_DAT + " in " + dat.getParent() + "; is ICHEM 8 (STILT mode)? see " + req.logFile());
    }
    if (Files.size(dat) == 0) {
      appendLine(req.logFile(), dat + " does not contain any trajectory data.");
      throw new TransportException(FailureReason.NO_TRAJECTORY_DATA, "hycs_std's " + dat + " is empty; see "
          + req.logFile());
    }
  }

  private void writeInputs(Path dir, TransportRequest req, List<Path> met) throws IOException {
    StiltParams p = req.params();
    writeAtomically(dir.resolve("CONTROL"), HysplitInputs.control(req.receptor(), p, met));
    writeAtomically(dir.resolve("SETUP.CFG"), HysplitInputs.setup(req.receptor(), p, req.winderrtf()));
    if (p.transport().zicontroltf() == 1) {
      writeAtomically(dir.resolve("ZICONTROL"), HysplitInputs.zicontrol(p));
    } else {
      deleteIfExists(dir.resolve("ZICONTROL"));
    }
    if (req.kind() == RunKind.ERROR) {
      String winderr = HysplitInputs.winderr(p);
      String zierr = HysplitInputs.zierr(p);
      if (winderr.isEmpty()) {
        deleteIfExists(dir.resolve("WINDERR"));
      } else {
        writeAtomically(dir.resolve("WINDERR"), winderr);
      }
      if (zierr.isEmpty()) {
        deleteIfExists(dir.resolve("ZIERR"));
      } else {
        writeAtomically(dir.resolve("ZIERR"), zierr);
      }
    }
  }

  /** Links the data files into {@code dir}; returns the links made. */
  private List<Path> stageDataFiles(Path dir) throws IOException {
    List<Path> made = new ArrayList<>();
    for (Path f : installation.dataFiles()) {
      Path link = dir.resolve(f.getFileName().toString());
      linkOrCopy(f, link);
      made.add(link);
    }
    return made;
  }

  /**
   * Links each met file into {@code dir/met/} by file name and returns the paths CONTROL lists
   * ({@code ./met/<name>}): short, relative to the working directory, so long archive paths never reach
   * hycs_std's fixed-width CONTROL fields. Two different files with the same name: the first wins (PYSTILT),
   * with a line in the log.
   */
  private static List<Path> stageMet(Path dir, List<Path> metFiles, Path log) throws IOException {
    Path metDir = dir.resolve(MET_DIR);
    Files.createDirectories(metDir);
    Map<String, Path> byName = new LinkedHashMap<>();
    for (Path f : metFiles) {
      String name = f.getFileName().toString();
      Path first = byName.putIfAbsent(name, f);
      if (first != null && !first.equals(f)) {
        appendLine(log, "WARNING: met files " + first + " and " + f + " have the same name; using the first");
      }
    }
    List<Path> control = new ArrayList<>();
    for (Map.Entry<String, Path> e : byName.entrySet()) {
      linkOrCopy(e.getValue().toAbsolutePath(), metDir.resolve(e.getKey()));
      control.add(Path.of(".", MET_DIR, e.getKey()));
    }
    return control;
  }

  /** A symbolic link {@code link -> target}, replacing whatever link was there; a copy where links fail. */
  private static void linkOrCopy(Path target, Path link) throws IOException {
    if (Files.isSymbolicLink(link) && Files.readSymbolicLink(link).equals(target)) {
      return;
    }
    Path tmp = link.resolveSibling("." + link.getFileName() + ".link");
    Files.deleteIfExists(tmp);
    try {
      Files.createSymbolicLink(tmp, target);
    } catch (UnsupportedOperationException | IOException e) {
      Files.copy(target, tmp, StandardCopyOption.REPLACE_EXISTING);
    }
    move(tmp, link);
  }

  private void cleanUp(Path dir, List<Path> links, boolean keepDat) {
    List<Path> doomed = new ArrayList<>(links);
    for (String n : BY_PRODUCTS) {
      doomed.add(dir.resolve(n));
    }
    if (!keepDat) {
      doomed.add(dir.resolve(PARTICLE_STILT_DAT));
      doomed.add(dir.resolve("PARTICLE.DAT"));
    }
    for (Path p : doomed) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException ignored) {
        // A by-product that cannot be removed is untidy but harmless; the run's own error matters more.
      }
    }
    Path metDir = dir.resolve(MET_DIR);
    if (Files.isDirectory(metDir, LinkOption.NOFOLLOW_LINKS)) {
      try (DirectoryStream<Path> s = Files.newDirectoryStream(metDir)) {
        for (Path p : s) {
          Files.deleteIfExists(p);
        }
      } catch (IOException ignored) {
        // as above
      }
      try {
        Files.deleteIfExists(metDir);
      } catch (IOException ignored) {
        // as above (e.g. a file the user put there)
      }
    }
  }

  private static void appendMessageTail(Path dir, Path log) {
    Path message = dir.resolve("MESSAGE");
    try {
      if (!Files.isRegularFile(message)) {
        return;
      }
      List<String> lines = Files.readAllLines(message, StandardCharsets.ISO_8859_1);
      int from = Math.max(0, lines.size() - MESSAGE_TAIL_LINES);
      StringBuilder sb = new StringBuilder("--- hycs_std MESSAGE (last ").append(lines.size() - from)
          .append(" lines) ---\n");
      for (String l : lines.subList(from, lines.size())) {
        sb.append(l).append('\n');
      }
      Files.writeString(log, sb, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException ignored) {
      // Diagnostics only.
    }
  }

  private static void appendLine(Path log, String line) throws IOException {
    Files.writeString(log, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  private static String readFrom(Path log, long offset) throws IOException {
    if (!Files.exists(log)) {
      return "";
    }
    try (InputStream in = Files.newInputStream(log)) {
      in.skipNBytes(Math.min(offset, Files.size(log)));
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  private static String lastLines(String text, int n) {
    String[] lines = text.strip().split("\n");
    if (lines.length == 1 && lines[0].isBlank()) {
      return "(none)";
    }
    int from = Math.max(0, lines.length - n);
    List<String> out = new ArrayList<>();
    for (int i = from; i < lines.length; i++) {
      out.add(lines[i].strip());
    }
    return String.join(" | ", out);
  }

  private static String human(Duration d) {
    long s = d.toSeconds();
    return s % 3600 == 0 ? (s / 3600) + " h" : s % 60 == 0 ? (s / 60) + " min" : s + " s";
  }

  private static void writeAtomically(Path target, String text) throws IOException {
    // Not Files.createTempFile: its owner-only permissions would stay on CONTROL and SETUP.CFG after the rename.
    Path tmp = Files.createFile(target.resolveSibling("." + target.getFileName() + "."
        + java.util.UUID.randomUUID().toString().substring(0, 8) + ".tmp"));
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      move(tmp, target);
      tmp = null;
    } finally {
      if (tmp != null) {
        Files.deleteIfExists(tmp);
      }
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void deleteIfExists(Path p) throws IOException {
    Files.deleteIfExists(p);
  }
}
