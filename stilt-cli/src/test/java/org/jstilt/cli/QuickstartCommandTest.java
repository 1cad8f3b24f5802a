package org.jstilt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jstilt.core.text.PyJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stilt quickstart}: the whole pipeline in a temporary directory, and its refusal to touch a used one. */
class QuickstartCommandTest {
  @TempDir Path dir;

  @Test
  void runsTheWholePipelineAndTheRegistryCountsItComplete() throws IOException {
    Path root = dir.resolve("qs");
    CliRun r = CliRun.of("quickstart", root.toString(), "--n-workers", "2");
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();

    List<Path> footprints = files(root.resolve("simulations"), "_foot.nc");
    assertThat(footprints).as(r.out()).hasSizeGreaterThanOrEqualTo(24);
    List<Path> pngs = files(root.resolve("plots"), ".png");
    assertThat(pngs).hasSizeGreaterThanOrEqualTo(footprints.size() + 2);
    BufferedImage overview = ImageIO.read(root.resolve("plots/overview.png").toFile());
    assertThat(overview).isNotNull();
    assertThat(overview.getWidth()).isEqualTo(1000);

    CliRun status = CliRun.of("status", root.toString(), "--json");
    assertThat(status.exitCode()).as(status.err()).isZero();
    @SuppressWarnings("unchecked")
    Map<String, Object> counts = (Map<String, Object>) PyJson.loads(status.out().trim());
    assertThat(((Number) counts.get("total")).intValue()).isEqualTo(25);
    int done = ((Number) counts.get("complete")).intValue() + ((Number) counts.get("complete_empty")).intValue();
    assertThat(done).as(status.out()).isEqualTo(25);
    assertThat(((Number) counts.get("complete")).intValue()).isEqualTo(footprints.size());

    assertThat(r.out()).contains("Quick start finished", "plots/overview.png", "Try next", "stilt status " + root);
  }

  @Test
  void refusesADirectoryThatIsInUse() throws IOException {
    Files.writeString(dir.resolve("thesis.tex"), "keep me");
    CliRun r = CliRun.of("quickstart", dir.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("is not empty", "new or empty directory");
    assertThat(CliRun.files(dir)).containsExactly("thesis.tex");
  }

  private static List<Path> files(Path under, String suffix) throws IOException {
    if (!Files.isDirectory(under)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(under)) {
      return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    }
  }
}
