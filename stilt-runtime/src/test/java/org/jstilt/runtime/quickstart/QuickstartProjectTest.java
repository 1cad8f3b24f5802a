package org.jstilt.runtime.quickstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jstilt.core.StiltException;
import org.jstilt.core.config.TransportConfig;
import org.jstilt.core.receptor.ColumnReceptor;
import org.jstilt.core.receptor.PointReceptor;
import org.jstilt.core.receptor.Receptor;
import org.jstilt.met.arl.ArlFile;
import org.jstilt.runtime.project.Project;
import org.jstilt.runtime.project.ProjectLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuickstartProjectTest {
  @TempDir Path dir;

  @Test
  void writesAProjectThatLoadsAsAnyOther() throws IOException {
    Path root = dir.resolve("qs");
    QuickstartProject.Created c = QuickstartProject.create(root);
    assertThat(c.metFiles()).hasSize(2);
    try (ArlFile met = ArlFile.open(c.metFiles().get(0))) {
      assertThat(met.times()).hasSize(24);
      assertThat(met.times().get(0)).isEqualTo(QuickstartProject.DAY);
    }
    try (ArlFile next = ArlFile.open(c.metFiles().get(1))) {
      assertThat(next.times().get(0)).isEqualTo(QuickstartProject.DAY.plusSeconds(24 * 3600));
    }
    // The whole project through the same loader as 'stilt register' and 'stilt run'.
    Project p = Project.load(ProjectLayout.of(root), null);
    List<Receptor> r = p.receptors();
    assertThat(r).hasSize(25).isEqualTo(QuickstartProject.receptors());
    assertThat(r.stream().filter(x -> x instanceof PointReceptor).count()).isEqualTo(24);
    assertThat(r.get(24)).isInstanceOf(ColumnReceptor.class);
    assertThat(p.config().transport().engine()).isEqualTo(TransportConfig.Engine.NATIVE);
    assertThat(p.config().footprints()).containsOnlyKeys("default");
    assertThat(p.plan(null).simulations()).hasSize(25);
    // Every receptor's 6-hour window lies inside the one day of met.
    for (Receptor x : r) {
      assertThat(x.time().plusSeconds(3600L * QuickstartProject.N_HOURS)).isAfterOrEqualTo(QuickstartProject.DAY);
      assertThat(x.time()).isBeforeOrEqualTo(QuickstartProject.DAY.plusSeconds(24 * 3600));
    }
    assertThat(Files.readString(c.configFile())).contains("numpar: 100", "mets:", "synth:");
  }

  @Test
  void refusesADirectoryThatIsNotEmpty() throws IOException {
    Files.writeString(dir.resolve("notes.txt"), "mine");
    assertThatThrownBy(() -> QuickstartProject.create(dir)).isInstanceOf(StiltException.class)
        .hasMessageContaining("is not empty").hasMessageContaining("new or empty directory");
    assertThat(Files.readString(dir.resolve("notes.txt"))).isEqualTo("mine");
    try (var s = Files.list(dir)) {
      assertThat(s.count()).isEqualTo(1);
    }
  }

  @Test
  void pointsAtStiltRunWhenTheDirectoryHoldsAProject() throws IOException {
    QuickstartProject.create(dir.resolve("a"));
    assertThatThrownBy(() -> QuickstartProject.create(dir.resolve("a"))).hasMessageContaining("stilt run");
  }
}
