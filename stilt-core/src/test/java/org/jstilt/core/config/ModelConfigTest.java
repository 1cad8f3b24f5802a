package org.jstilt.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.jstilt.core.footprint.GridSpec;
import org.jstilt.core.id.MetId;
import org.junit.jupiter.api.Test;

class ModelConfigTest {
  private static final GridSpec GRID = GridSpec.longLat(-113, -110.5, 40, 42, 0.01);
  private static final Map<MetId, MetConfig> METS =
      Map.of(new MetId("hrrr"), MetConfig.archive(Path.of("/data/hrrr"), "%Y%m%d_%H", Duration.ofHours(6)));

  @Test
  void footprintOutputsAndCollisions() {
    Map<String, FootprintConfig> fp = new LinkedHashMap<>();
    fp.put("slv", new FootprintConfig(GRID, 1, false, true, List.of()));
    fp.put("fine", FootprintConfig.of(GRID));
    ModelConfig c = new ModelConfig(StiltParams.DEFAULTS, METS, fp, Map.of(), ExecutionConfig.LOCAL, true,
        TransportConfig.DEFAULTS);
    assertThat(c.footprintOutputNames()).containsExactly("fine", "slv", "slv_error");
    fp.put("slv_error", FootprintConfig.of(GRID));
    assertThatThrownBy(() -> new ModelConfig(StiltParams.DEFAULTS, METS, fp, Map.of(), ExecutionConfig.LOCAL, true,
        TransportConfig.DEFAULTS)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("footprints.slv_error: its output 'slv_error' collides with footprint 'slv'");
  }

  @Test
  void needsAMetStreamAndFileSafeNames() {
    Map<String, FootprintConfig> fp = Map.of("my foot/print", FootprintConfig.of(GRID));
    ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
        () -> new ModelConfig(StiltParams.DEFAULTS, Map.of(), fp, Map.of(), ExecutionConfig.LOCAL, true,
            TransportConfig.DEFAULTS));
    assertThat(e.problems()).extracting(ConfigProblem::path).containsExactly("mets", "footprints.my foot/print");
  }

  @Test
  void metArchiveModeNeedsFormatAndSpacing() {
    ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
        () -> new MetConfig(Path.of("/data"), Optional.empty(), "s3", Optional.empty(), Optional.empty(), 0, true,
            Optional.empty(), -1, OptionalInt.of(0), Optional.empty(), Map.of("domain", "ak")));
    assertThat(e.problems()).extracting(ConfigProblem::path).containsExactly("file_format", "file_tres", "domain",
        "n_min", "subgrid_bounds", "subgrid_buffer", "subgrid_levels");
    MetConfig source = new MetConfig(Path.of("/data"), Optional.of("nams"), "s3", Optional.empty(), Optional.empty(),
        1, false, Optional.empty(), 0.2, OptionalInt.empty(), Optional.empty(), Map.of("domain", "ak"));
    assertThat(source.sourceOptions()).containsEntry("domain", "ak");
    assertThat(source.subgridDirOrDefault()).isEqualTo(Path.of("/data/subgrid"));
  }

  @Test
  void gridProblemsAllAtOnce() {
    List<ConfigProblem> p = FootprintConfig.gridProblems(-113, 400, 42, 40, 0, -1, "+proj=nosuch");
    assertThat(p).extracting(ConfigProblem::path).containsExactly("xmax", "ymax", "xres", "yres", "projection");
    assertThat(FootprintConfig.gridProblems(-113, -110.5, 40, 42, 2000, 2000,
        "+proj=utm +zone=12 +datum=WGS84 +units=m +no_defs")).isEmpty();
  }

  @Test
  void transformsJsonIsPystilts() {
    TransformSpec v = new TransformSpec.VerticalOperator("ak_pwf", List.of(0.0, 1000.0), List.of(1.0, 0.5),
        List.of(), "xhgt", Map.of());
    TransformSpec l = new TransformSpec.FirstOrderLifetime(4, "time", "min", Map.of("species", "no2"));
    // json.dumps([t.model_dump(mode="json") for t in transforms]) in PYSTILT
    assertThat(TransformSpec.toJson(List.of(v, l))).isEqualTo("[{\"kind\": \"vertical_operator\", \"mode\": \"ak_pwf\","
        + " \"levels\": [0.0, 1000.0], \"values\": [1.0, 0.5], \"pressure_levels\": [], \"coordinate\": \"xhgt\","
        + " \"metadata\": {}}, {\"kind\": \"first_order_lifetime\", \"lifetime_hours\": 4.0, \"time_column\": \"time\","
        + " \"time_unit\": \"min\", \"metadata\": {\"species\": \"no2\"}}]");
    assertThat(TransformSpec.toJson(List.of())).isEqualTo("[]");
    assertThatThrownBy(() -> new TransformSpec.VerticalOperator("ak", List.of(1.0), List.of(1.0, 2.0), List.of(),
        "xhgt", Map.of())).hasMessageContaining("values: has 2 entries but levels has 1");
  }

  @Test
  void transportAndExecution() {
    assertThat(TransportConfig.DEFAULTS.hysplit().timeout()).isEqualTo(Duration.ofHours(1));
    assertThatThrownBy(() -> new ExecutionConfig("slurm", OptionalInt.empty(), Map.of()))
        .hasMessageContaining("execution.n_workers: missing: the slurm backend needs n_workers");
    assertThatThrownBy(() -> new ExecutionConfig("pbs", OptionalInt.of(2), Map.of()))
        .hasMessageContaining("unknown execution backend 'pbs'");
  }
}
