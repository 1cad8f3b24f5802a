package org.jstilt.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
  @TempDir Path dir;

  private long filesIn(Path d) throws IOException {
    try (Stream<Path> s = Files.list(d)) {
      return s.count();
    }
  }

  @Test
  void writesThroughATemporaryFileAndCreatesParents() throws IOException {
    Path target = dir.resolve("a/b/out.txt");
    AtomicFile.write(target, tmp -> {
      assertThat(tmp.getParent()).isEqualTo(target.getParent());
      assertThat(target).doesNotExist();
      Files.writeString(tmp, "hello");
    });
    assertThat(target).hasContent("hello");
    assertThat(filesIn(target.getParent())).isEqualTo(1);
  }

  @Test
  void failureLeavesThePreviousVersionAndNoTemporaryFile() throws IOException {
    Path target = dir.resolve("out.txt");
    Files.writeString(target, "old");
    assertThatThrownBy(() -> AtomicFile.write(target, tmp -> {
      Files.writeString(tmp, "half");
      throw new IOException("disk full");
    })).isInstanceOf(StiltException.class)
        .hasMessageContaining("out.txt").hasMessageContaining("disk full")
        .satisfies(e -> assertThat(((StiltException) e).code()).isEqualTo(ErrorCode.STORAGE));
    assertThat(target).hasContent("old");
    assertThat(filesIn(dir)).isEqualTo(1);

    StiltException input = new StiltException(ErrorCode.INPUT, "bad value");
    assertThatThrownBy(() -> AtomicFile.write(dir.resolve("new.txt"), tmp -> {
      throw input;
    })).isSameAs(input);
    assertThat(filesIn(dir)).isEqualTo(1);
  }

  @Test
  void outputGetsOrdinaryPermissionsNotTempFilePermissions() throws IOException {
    Path plain = dir.resolve("plain.txt");
    Files.writeString(plain, "x");
    Path target = dir.resolve("atomic.txt");
    AtomicFile.write(target, tmp -> Files.writeString(tmp, "x"));
    if (plain.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertThat(Files.getPosixFilePermissions(target)).isEqualTo(Files.getPosixFilePermissions(plain));
    }
  }

  @Test
  void writeEmptyMakesAZeroByteFile() throws IOException {
    Path marker = dir.resolve("x_foot.empty");
    AtomicFile.writeEmpty(marker);
    assertThat(marker).isEmptyFile();
  }
}
