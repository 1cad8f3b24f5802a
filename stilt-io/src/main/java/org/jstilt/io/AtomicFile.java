package org.jstilt.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;

/**
 * Writes a file so that it either appears complete or not at all.
 *
 * <p>The content goes to a hidden temporary file in the target's own directory (same file system, so the
 * final rename is atomic), which is renamed over the target only after the writer returned normally. If
 * the writer fails, the temporary file is deleted and the target is left exactly as it was (absent, or
 * the previous version). Missing parent directories are created.
 */
public final class AtomicFile {
  private AtomicFile() {}

  /** Writes the content of one file, given the path of the temporary file to write it to. */
  @FunctionalInterface
  public interface Writer {
    void writeTo(Path temporaryFile) throws IOException;
  }

  /**
   * Writes {@code target} atomically.
   *
   * @throws StiltException with {@link ErrorCode#STORAGE} when the file system fails; a
   *     {@code StiltException} thrown by the writer is passed on unchanged (after cleaning up)
   */
  public static void write(Path target, Writer writer) {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    Path tmp = null;
    try {
      Files.createDirectories(dir);
      tmp = createTemporary(dir, absolute.getFileName().toString());
      writer.writeTo(tmp);
      move(tmp, absolute);
      tmp = null;
    } catch (IOException e) {
      throw new StiltException(
          ErrorCode.STORAGE,
          "cannot write " + target + ": " + describe(e) + ". Check that the directory is writable and the disk is not full.",
          e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // The original failure is what the user needs to see; a stray hidden .tmp file is harmless.
        }
      }
    }
  }

  /** Creates (or truncates to) a zero-byte file atomically, e.g. a completion marker. */
  public static void writeEmpty(Path target) {
    write(target, tmp -> {});
  }

  /**
   * A new empty file beside the target. Not {@code Files.createTempFile}: that makes the file readable
   * by its owner only, and the rename would carry those permissions to the output; a plain
   * {@code createFile} gets the process's usual permissions (umask), like any other file the user writes.
   */
  private static Path createTemporary(Path dir, String name) throws IOException {
    for (int attempt = 0; ; attempt++) {
      Path p = dir.resolve("." + name + "." + UUID.randomUUID().toString().substring(0, 8) + ".tmp");
      try {
        return Files.createFile(p);
      } catch (FileAlreadyExistsException e) {
        if (attempt >= 10) {
          throw e;
        }
      }
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      // Some network file systems cannot rename atomically; a plain replace is the best they offer.
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static String describe(IOException e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : " (" + m + ")");
  }
}
