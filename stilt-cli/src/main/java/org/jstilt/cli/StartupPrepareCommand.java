package org.jstilt.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;
import org.jstilt.io.AtomicFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code stilt startup-prepare DIR} (hidden; the {@code ./stilt} launcher runs it once per jar): makes
 * later starts fast.
 *
 * <ul>
 *   <li>Runs the quick verbs ({@code init}, {@code register}, {@code status}, {@code rebuild}) on a
 *       throw-away project, so that the launcher, which runs this under
 *       {@code -XX:ArchiveClassesAtExit}, gets a class-data archive (AppCDS) holding every class they load.
 *   <li>Copies SQLite's native library out of the jar into {@code DIR/native/}. Otherwise sqlite-jdbc
 *       writes it to a fresh temporary file and checks it at every start (about 0.1 s); the launcher points
 *       {@code org.sqlite.lib.path} at this copy instead.
 * </ul>
 */
@Command(name = "startup-prepare", hidden = true, description = "Prepare fast start-up (used by the ./stilt launcher).")
public final class StartupPrepareCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "DIR", description = "Where to put native/ (and a scratch project).")
  Path dir;

  @Override
  public Integer call() throws IOException {
    Files.createDirectories(dir);
    extractSqliteLibrary(dir.resolve("native"));
    Path scratch = Files.createTempDirectory(dir, "train");
    try {
      train(scratch);
    } finally {
      deleteTree(scratch);
    }
    return 0;
  }

  /** The same resource sqlite-jdbc would extract for this platform, under the name it would load. */
  static Path extractSqliteLibrary(Path nativeDir) throws IOException {
    String name = System.mapLibraryName("sqlitejdbc").replace(".dylib", ".jnilib");
    String resource = "/org/sqlite/native/" + org.sqlite.util.OSInfo.getNativeLibFolderPathForCurrentOS() + "/" + name;
    Path target = nativeDir.resolve(name);
    try (InputStream in = org.sqlite.util.OSInfo.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new StiltException(ErrorCode.INTERNAL, "no SQLite native library for this platform in the jar (" + resource
            + "); start-up stays at sqlite-jdbc's default");
      }
      byte[] bytes = in.readAllBytes();
      AtomicFile.write(target, tmp -> Files.write(tmp, bytes));
    }
    return target;
  }

  /** Runs the quick verbs once, in-process, on a scratch project with a registry. */
  private static void train(Path scratch) throws IOException {
    Path project = scratch.resolve("project");
    Path met = scratch.resolve("met");
    Files.createDirectories(met);
    run("init", project.toString());
    Path config = project.resolve("config.yaml");
    Files.writeString(config, Files.readString(config).replace("/path/to/arl/meteorology", met.toString()));
    for (List<String> args : List.of(List.of("register", project.toString()), List.of("status", project.toString()),
        List.of("status", "--json", "--by-scene", project.toString()), List.of("rebuild", project.toString()),
        List.of("config", "check", project.toString()))) {
      run(args.toArray(String[]::new));
    }
  }

  private static void run(String... args) {
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), args);
    if (code != 0) {
      throw new StiltException(ErrorCode.INTERNAL, "start-up training 'stilt " + String.join(" ", args) + "' failed: " + err);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
