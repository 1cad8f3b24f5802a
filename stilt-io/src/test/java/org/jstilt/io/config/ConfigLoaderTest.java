package org.jstilt.io.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;
import org.jstilt.core.config.ConfigException;
import org.jstilt.core.config.ConfigProblem;
import org.jstilt.core.config.FootprintConfig;
import org.jstilt.core.config.HysplitParameter;
import org.jstilt.core.config.MetConfig;
import org.jstilt.core.config.ModelConfig;
import org.jstilt.core.config.ModelParams;
import org.jstilt.core.config.StiltParams;
import org.jstilt.core.config.TransformSpec;
import org.jstilt.core.config.TransportConfig;
import org.jstilt.core.config.ZiScale;
import org.jstilt.core.footprint.GridSpec;
import org.jstilt.core.id.MetId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  private static final Path BASE = Path.of("/projects/slc");

  private static String resource(String name) throws IOException {
    try (InputStream in = ConfigLoaderTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static ModelConfig parse(String yaml) {
    return ConfigLoader.parse(yaml, "config.yaml", BASE);
  }

  private static List<ConfigProblem> problems(String yaml) {
    return assertThrows(ConfigException.class, () -> parse(yaml)).problems();
  }

  /** The config.yaml PYSTILT's {@code stilt init} writes, byte for byte, loads unchanged. */
  @Test
  void pystiltInitTemplateLoads() throws IOException {
    ModelConfig c = parse(resource("pystilt-init.yaml"));
    MetConfig hrrr = c.mets().get(new MetId("hrrr"));
    assertThat(hrrr.directory()).isEqualTo(Path.of("/path/to/arl/meteorology"));
    assertThat(hrrr.fileFormat()).contains("%Y%m%d_%H");
    assertThat(hrrr.fileTres()).contains(Duration.ofHours(1));
    assertThat(c.footprints()).containsOnlyKeys("default");
    assertThat(c.footprints().get("default")).isEqualTo(FootprintConfig.of(GridSpec.longLat(-113, -110.5, 40, 42, 0.01)));
    assertThat(c.params().model().nHours()).isEqualTo(-24);
    assertThat(c.params().model().numpar()).isEqualTo(1000);
    assertThat(c.params().transport().maxpar()).hasValue(1000);
    assertThat(c.params().model().varsiwant()).containsExactlyElementsOf(ModelParams.DEFAULT_VARSIWANT);
    assertThat(c.params().model().hnfPlume()).isTrue();
    assertThat(c.skipExisting()).isTrue();
    assertThat(c.grids()).isEmpty();
    assertThat(c.execution().backend()).isEqualTo("local");
    assertThat(c.transport()).isEqualTo(TransportConfig.DEFAULTS);
    // everything else keeps PYSTILT's defaults
    StiltParams expected = StiltParams.builder().set(HysplitParameter.NUMPAR, 1000).build();
    assertThat(c.params()).isEqualTo(expected);
  }

  /** Every key set to a non-default value reaches the right field. */
  @Test
  void fullConfigWithEveryField() throws IOException {
    ModelConfig c = parse(resource("full-config.yaml"));
    StiltParams p = c.params();
    assertThat(p.model()).isEqualTo(new ModelParams(-6, 1000, false, false, List.of("time", "indx", "long", "lati",
        "zagl", "foot", "mlht", "dens", "samt", "sigw", "tlgr", "zsfc", "temz", "pres", "wout")));
    // every parameter differs from its default
    for (HysplitParameter hp : HysplitParameter.values()) {
      if (hp != HysplitParameter.ICHEM && hp != HysplitParameter.IDSP && hp != HysplitParameter.KAGL) {
        assertThat(hp.value(p)).as(hp.key()).isNotEqualTo(hp.defaultValue());
      }
    }
    assertThat(p.transport().capemin()).isEqualTo(500.0);
    assertThat(p.transport().efile()).isEqualTo("emissions.txt");
    assertThat(p.transport().kmsl()).hasValue(0);
    assertThat(p.transport().seed()).hasValue(42);
    assertThat(p.transport().maxpar()).hasValue(5000);
    assertThat(p.transport().wOption()).isEqualTo(1);
    assertThat(p.transport().zTop()).isEqualTo(20000.0);
    assertThat(p.transport().wvert()).isTrue();
    assertThat(p.transport().ziscale()).isEqualTo(new ZiScale.Hourly(List.of(1.0, 1.1, 1.2, 1.3, 1.4, 1.5)));
    assertThat(p.error().tluverr()).isEqualTo(OptionalDouble.of(60));
    assertThat(p.winderrtf()).isEqualTo(3);

    MetConfig hrrr = c.mets().get(new MetId("hrrr"));
    assertThat(hrrr.directory()).isEqualTo(BASE.resolve("met/hrrr"));
    assertThat(hrrr.fileTres()).contains(Duration.ofHours(6));
    assertThat(hrrr.nMin()).isEqualTo(2);
    assertThat(hrrr.subgridEnable()).isTrue();
    assertThat(hrrr.subgridBounds().orElseThrow().xmin()).isEqualTo(-114.0);
    assertThat(hrrr.subgridBufferDeg()).isEqualTo(0.5);
    assertThat(hrrr.subgridLevels()).hasValue(20);
    assertThat(hrrr.subgridDirOrDefault()).isEqualTo(Path.of("/scratch/subgrid"));
    MetConfig nams = c.mets().get(new MetId("nams"));
    assertThat(nams.directory()).isEqualTo(Path.of(System.getProperty("user.home"), "met", "nams"));
    assertThat(nams.source()).contains("nams");
    assertThat(nams.backend()).isEqualTo("http");
    assertThat(nams.sourceOptions()).containsExactly(Map.entry("domain", "ak"));

    assertThat(c.grids()).containsOnlyKeys("slv", "utm");
    assertThat(c.grids().get("utm")).isEqualTo(new GridSpec(-113, -111, 39.5, 41.5, 2000, 2000,
        "+proj=utm +zone=12 +datum=WGS84 +units=m +no_defs"));
    FootprintConfig fine = c.footprints().get("fine");
    assertThat(fine.grid()).isEqualTo(GridSpec.longLat(-113, -111, 39.5, 41.5, 0.01));
    assertThat(fine.smoothFactor()).isEqualTo(0.5);
    assertThat(fine.timeIntegrate()).isTrue();
    assertThat(fine.error()).isTrue();
    assertThat(fine.transforms()).containsExactly(
        new TransformSpec.VerticalOperator("ak_pwf", List.of(0.0, 1000.0, 2000.0), List.of(1.0, 0.8, 0.5),
            List.of(1000.0, 900.0, 800.0), "xhgt", Map.of("source", "oco2", "version", 11L)),
        new TransformSpec.FirstOrderLifetime(4, "time", "min", Map.of()));
    assertThat(c.footprints().get("inline").grid()).isEqualTo(GridSpec.longLat(-112.5, -111.5, 40, 41, 0.05));
    assertThat(c.footprintOutputNames()).containsExactly("fine", "fine_error", "inline", "projected");

    assertThat(c.execution().backend()).isEqualTo("slurm");
    assertThat(c.execution().workers()).isEqualTo(8);
    assertThat(c.execution().options()).containsExactly(Map.entry("cpus_per_task", 2L),
        Map.entry("array_parallelism", 4L), Map.entry("partition", "notchpeak"), Map.entry("account", "lin-np"),
        Map.entry("time", "02:00:00"), Map.entry("exclusive", true), Map.entry("setup", List.of("module load stilt")));
    assertThat(c.skipExisting()).isFalse();
    assertThat(c.transport()).isEqualTo(new TransportConfig(TransportConfig.Engine.HYSPLIT,
        new TransportConfig.Hysplit(java.util.Optional.of(BASE.resolve("bin/hycs_std")), Duration.ofMinutes(30)),
        java.util.OptionalInt.of(2), java.util.OptionalLong.of(7)));
  }

  /** Five different mistakes, all in one message, each with its line and what to do. */
  @Test
  void badConfigReportsEveryProblemWithLines() {
    String yaml = String.join("\n",
        "numpart: 1000",                         // 1: unknown key, typo
        "n_hours: 0",                            // 2: range
        "mets:",                                 // 3
        "  hrrr:",                               // 4
        "    directory: /data/hrrr",             // 5
        "    file_format: \"%Y%m%d_%H\"",        // 6  (file_tres missing)
        "footprints:",                           // 7
        "  slv:",                                // 8
        "    grid:",                             // 9
        "      xmin: -113",                      // 10
        "      xmax: -111",                      // 11
        "      ymin: 39.5",                      // 12
        "      ymax: 41.5",                      // 13
        "      xrez: 0.01",                      // 14: unknown key in a grid
        "      yres: 0.01",                      // 15
        "    smooth_factor: lots",               // 16: type
        "hnf_plume: yes",                        // 17: fine (YAML 1.1 boolean, as PyYAML reads it)
        "");
    ConfigException e = assertThrows(ConfigException.class, () -> parse(yaml));
    String msg = e.getMessage();
    assertThat(e.code()).isEqualTo(ErrorCode.CONFIG);
    assertThat(msg).startsWith("invalid configuration (6 problems):");
    assertThat(msg).contains("config.yaml:1:1: numpart: unknown key at the top level; did you mean 'numpar'?");
    assertThat(msg).contains("config.yaml:2:10: n_hours: must not be 0");
    assertThat(msg).contains("config.yaml:4:3: mets.hrrr.file_tres: missing: without a source, the time between files is required");
    assertThat(msg).contains("config.yaml:10:7: footprints.slv.grid: missing xres");
    assertThat(msg).contains("config.yaml:14:7: footprints.slv.grid.xrez: unknown key in footprints.slv.grid; did you mean 'xres'?");
    assertThat(msg).contains("config.yaml:16:20: footprints.slv.smooth_factor: must be a number, got 'lots'");
    // file order
    assertThat(e.problems()).extracting(ConfigProblem::line).containsExactly(1, 2, 4, 10, 14, 16);
  }

  @Test
  void yamlSyntaxErrorsGiveTheLine() {
    List<ConfigProblem> p = problems("mets:\n  hrrr:\n    directory: [unclosed\nnumpar: 5\n");
    assertThat(p).hasSize(1);
    assertThat(p.get(0).line()).isGreaterThanOrEqualTo(3);
    assertThat(p.get(0).message()).startsWith("is not valid YAML");
    assertThat(problems("")).extracting(ConfigProblem::message).first().asString().contains("is empty");
    assertThat(problems("- a\n- b\n")).extracting(ConfigProblem::message).first().asString()
        .contains("must be a mapping");
  }

  private static final String METS = "mets:\n  hrrr:\n    directory: /d\n    file_format: \"%Y%m%d_%H\"\n    file_tres: 6h\n";

  @Test
  void repeatedKeysAndMisplacedKeys() {
    List<ConfigProblem> p = problems(METS + "numpar: 10\nnumpar: 20\nxres: 0.01\nfile_format: x\n");
    assertThat(p).extracting(ConfigProblem::describe).containsExactly(
        "config.yaml:7:1: numpar: repeated key (first on line 6); remove one of them",
        "config.yaml:8:1: xres: unknown key at the top level; 'xres' belongs in a footprint "
            + "(footprints.<name>.grid, or directly in the footprint) or in grids.<name>",
        "config.yaml:9:1: file_format: unknown key at the top level; 'file_format' belongs in a met stream: "
            + "mets.<name>.file_format");
  }

  @Test
  void metNamesAndModes() {
    List<ConfigProblem> p = problems("mets:\n  HRRR_v4:\n    directory: /d\n    file_tres: 6\n    fiel_format: x\n");
    assertThat(p).extracting(ConfigProblem::describe).containsExactly(
        "config.yaml:2:3: mets.HRRR_v4: met names must be lower-case letters and digits only (they start every "
            + "simulation id, where '_' separates parts), e.g. hrrr or nam12",
        "config.yaml:2:3: mets.HRRR_v4.file_format: missing: without a source, the archive's file name pattern is "
            + "required, e.g. file_format: \"%Y%m%d_%H\"",
        "config.yaml:4:16: mets.HRRR_v4.file_tres: '6' is not a time span; write e.g. 1h, 6h, 1D or 30min (a bare "
            + "number has no unit: write e.g. 6h)",
        "config.yaml:5:5: mets.HRRR_v4.fiel_format: unknown key in mets.HRRR_v4; did you mean 'file_format'?");
    assertThat(problems("numpar: 10\n")).extracting(ConfigProblem::path).containsExactly("mets");
    assertThat(problems("mets:\n  gfs:\n    directory: /d\n    source: gfs\n"))
        .extracting(ConfigProblem::message).first().asString().contains("unknown met source 'gfs'");
  }

  @Test
  void gridShorthandReferencesAndConflicts() {
    assertThat(problems(METS + "footprints:\n  a:\n    xmin: -113\n    xmax: -111\n    ymin: 40\n"))
        .extracting(ConfigProblem::describe).containsExactly("config.yaml:7:3: footprints.a: has no grid: give "
            + "'grid: <name>' of an entry in grids, a grid mapping, or all of xmin, xmax, ymin, ymax, xres, yres here "
            + "(missing ymax, xres, yres)");
    assertThat(problems(METS + "grids:\n  slv: {xmin: -113, xmax: -111, ymin: 40, ymax: 41, xres: 0.01, yres: 0.01}\n"
        + "footprints:\n  a:\n    grid: slb\n")).extracting(ConfigProblem::describe).containsExactly(
        "config.yaml:10:11: footprints.a.grid: refers to grid 'slb', which is not in grids; did you mean 'slv'?");
    assertThat(problems(METS + "footprints:\n  a:\n    grid: slv\n")).extracting(ConfigProblem::message)
        .containsExactly("refers to grid 'slv', which is not defined: add it under a top-level grids: section");
    assertThat(problems(METS + "footprints:\n  a:\n    grid: {xmin: -113, xmax: -111, ymin: 40, ymax: 41, xres: 0.01,"
        + " yres: 0.01}\n    xres: 0.05\n")).extracting(ConfigProblem::describe).containsExactly(
        "config.yaml:9:5: footprints.a.xres: this footprint already has a grid; put xres inside it (or drop the "
            + "grid key to use the shorthand)");
    assertThat(problems(METS + "footprints:\n  a:\n    grid: {xmin: -113, xmax: 500, ymin: 41, ymax: 40, xres: 0,"
        + " yres: 0.01, projection: +proj=bogus}\n")).extracting(ConfigProblem::path).containsExactly(
        "footprints.a.grid.xmax", "footprints.a.grid.ymax", "footprints.a.grid.xres", "footprints.a.grid.projection");
  }

  @Test
  void pydanticStyleScalarsAreAccepted() {
    ModelConfig c = parse(METS + "numpar: '1000'\nn_hours: -24.0\nhnf_plume: on\nrm_dat: 'false'\ndzf: 1e-2\n"
        + "kmix0: 1_000\nmaxpar: ~\nseed: null\nziscale: 0.9\n");
    assertThat(c.params().model().numpar()).isEqualTo(1000);
    assertThat(c.params().model().nHours()).isEqualTo(-24);
    assertThat(c.params().model().rmDat()).isFalse();
    assertThat(c.params().transport().dzf()).isEqualTo(0.01);
    assertThat(c.params().transport().kmix0()).isEqualTo(1000);
    assertThat(c.params().transport().maxpar()).hasValue(1000);
    assertThat(c.params().transport().seed()).isEmpty();
    assertThat(c.params().transport().ziscale()).isEqualTo(new ZiScale.Constant(0.9));
    assertThat(problems(METS + "numpar: 10.5\nrm_dat: maybe\nvarsiwant: time\nziscale: [[1], [2]]\nnumpar2: 1\n"))
        .extracting(ConfigProblem::describe).containsExactly(
            "config.yaml:6:9: numpar: must be a whole number, got '10.5'",
            "config.yaml:7:9: rm_dat: must be true or false, got 'maybe'",
            "config.yaml:8:12: varsiwant: must be a list of particle variables, e.g. [time, indx, long, lati, zagl, "
                + "foot], got 'time'",
            "config.yaml:9:10: ziscale: holds 2 lists; one list of hourly factors is shared by every simulation "
                + "(per-simulation vectors are not supported)",
            "config.yaml:10:1: numpar2: unknown key at the top level; did you mean 'numpar'?");
  }

  @Test
  void crossFieldRulesPointAtTheKeys() {
    assertThat(problems(METS + "varsiwant: [time, indx, long, lati, zagl, foot]\nsiguverr: 1.0\ntluverr: 60\n"))
        .extracting(ConfigProblem::describe).containsExactly(
            "config.yaml:6:12: varsiwant: hnf_plume: true needs varsiwant to include [dens, mlht, samt, sigw, tlgr]; "
                + "add them or set hnf_plume: false",
            "config.yaml:7:1: zcoruverr: missing: the XY wind-error parameters siguverr, tluverr, zcoruverr, "
                + "horcoruverr must all be set or all be left out (set: siguverr, tluverr)",
            "config.yaml:7:1: horcoruverr: missing: the XY wind-error parameters siguverr, tluverr, zcoruverr, "
                + "horcoruverr must all be set or all be left out (set: siguverr, tluverr)");
  }

  @Test
  void variablesTheEngineCannotWriteAreRefused() {
    String vars = "varsiwant: [time, indx, long, lati, zagl, foot, mlht, dens, samt, sigw, tlgr, dmas]\n";
    // the native engine does not compute the mass-violation weight: refused, not written as a placeholder
    assertThat(problems(METS + vars)).extracting(ConfigProblem::describe).containsExactly(
        "config.yaml:6:1: varsiwant: 'dmas' (the mass-violation weight) is not computed by the native engine; "
            + "remove it from varsiwant or set transport.engine: hysplit");
    // hycs_std computes it
    assertThat(parse(METS + vars + "transport:\n  engine: hysplit\n").params().model().varsiwant()).contains("dmas");
    // hycs_std v5.1.0 itself stops on zfx1, whichever engine
    assertThat(problems(METS + "varsiwant: [time, indx, long, lati, zagl, foot, mlht, dens, samt, sigw, tlgr, zfx1]\n"
        + "transport:\n  engine: hysplit\n")).extracting(ConfigProblem::describe).containsExactly(
        "config.yaml:6:12: varsiwant: 'zfx1' is in PYSTILT's list, but hycs_std v5.1.0 stops on it ('Weird variable "
            + "in VARSIWANT') and writes no particles; remove it");
  }

  @Test
  void executionAndTransport() {
    assertThat(problems(METS + "execution:\n  backend: local\n  n_worker: 4\n")).extracting(ConfigProblem::describe)
        .containsExactly("config.yaml:8:3: execution.n_worker: unknown key in execution; did you mean 'n_workers'?");
    assertThat(problems(METS + "execution:\n  backend: slurm\n  partition: x\n")).extracting(ConfigProblem::describe)
        .containsExactly("config.yaml:6:1: execution.n_workers: missing: the slurm backend needs n_workers (the "
            + "number of array tasks)");
    assertThat(problems(METS + "transport:\n  engine: fortran\n  threads: 0\n  hysplit:\n    timeout: -5\n"
        + "    exe: /x\n")).extracting(ConfigProblem::path).containsExactly("transport.engine", "transport.threads",
            "transport.hysplit.timeout", "transport.hysplit.exe");
    ModelConfig c = parse(METS + "transport:\n  hysplit:\n    timeout: 7200\n");
    assertThat(c.transport().hysplit().timeout()).isEqualTo(Duration.ofHours(2));
    assertThat(c.transport().engine()).isEqualTo(TransportConfig.Engine.NATIVE);
  }

  @Test
  void loadFromFileResolvesRelativePaths(@TempDir Path dir) throws IOException {
    Path config = dir.resolve("config.yaml");
    Files.writeString(config, METS.replace("directory: /d", "directory: ../met"));
    ModelConfig c = ConfigLoader.load(config);
    assertThat(c.mets().get(new MetId("hrrr")).directory()).isEqualTo(dir.getParent().resolve("met"));
    assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("nope.yaml"))).isInstanceOf(StiltException.class)
        .hasMessageContaining("does not exist");
    Files.write(config, new byte[] {'n', 'u', 'm', 'p', 'a', 'r', ':', ' ', (byte) 0xff});
    assertThatThrownBy(() -> ConfigLoader.load(config)).hasMessageContaining("is not UTF-8");
    Files.writeString(config, "numpar: -1\n");
    assertThatThrownBy(() -> ConfigLoader.load(config)).isInstanceOf(ConfigException.class)
        .hasMessageContaining(config + ":1:9: numpar: must be at least 1 particle");
  }
}
