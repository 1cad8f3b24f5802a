package org.jstilt.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jstilt.core.receptor.AltitudeReference;
import org.jstilt.core.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HysplitParameterTest {
  /** R-STILT's run_stilt.r settings behind the reference runs: PYSTILT defaults plus these. */
  private static final List<String> R_VARSIWANT =
      List.of("time", "indx", "long", "lati", "zagl", "foot", "mlht", "dens", "samt", "sigw", "tlgr");

  @Test
  void tableCoversEveryRecordComponentInOrder() {
    List<String> components = new ArrayList<>();
    for (Class<?> c : List.of(ModelParams.class, TransportParams.class, ErrorParams.class)) {
      Arrays.stream(c.getRecordComponents()).map(RecordComponent::getName).forEach(components::add);
    }
    List<String> fromTable = Arrays.stream(HysplitParameter.values()).map(p -> camel(p.key())).toList();
    assertThat(fromTable).containsExactlyElementsOf(components);
    assertThat(HysplitParameter.values()).hasSize(5 + 75 + 7);
  }

  @Test
  void tableDefaultsAreTheRecordDefaults() {
    for (HysplitParameter p : HysplitParameter.values()) {
      Object inDefaults = p.value(StiltParams.DEFAULTS).orElse(null);
      if (p == HysplitParameter.MAXPAR) {
        assertThat(p.defaultValue()).isEmpty();
        assertThat(inDefaults).isEqualTo(200); // follows numpar
      } else {
        assertThat(inDefaults).as(p.key()).isEqualTo(p.defaultValue().orElse(null));
      }
    }
  }

  @Test
  void setupOrderIsEverySetupParameterPlusTheComputedOnes() {
    List<String> setup = Stream.of(HysplitParameter.values()).filter(p -> p.target() == NamelistTarget.SETUP)
        .map(HysplitParameter::namelistName).collect(Collectors.toCollection(ArrayList::new));
    setup.addAll(List.of("IVMAX", "WINDERRTF"));
    assertThat(HysplitParameter.SETUP_CFG_ORDER).containsExactlyInAnyOrderElementsOf(setup);
  }

  /** PYSTILT's table (PYSTILT.md §3.2): the values the fidelity tests pin. */
  @Test
  void physicsDefaultsMatchRStilt() {
    StiltParams d = StiltParams.DEFAULTS;
    assertThat(d.transport().capemin()).isEqualTo(-1.0);
    assertThat(d.transport().kmix0()).isEqualTo(150);
    assertThat(d.transport().hscale()).isEqualTo(10800);
    assertThat(d.transport().tkerd()).isEqualTo(0.18);
    assertThat(d.transport().vscales()).isEqualTo(-1);
    assertThat(d.transport().frvs()).isEqualTo(0.01);
    assertThat(d.transport().zTop()).isEqualTo(25000.0);
    assertThat(d.transport().krand()).isEqualTo(4);
    assertThat(d.model().numpar()).isEqualTo(200);
    assertThat(d.model().varsiwant()).containsExactlyElementsOf(ModelParams.DEFAULT_VARSIWANT);
    assertThat(HysplitParameter.KMIX0.unit()).isEqualTo("m");
    assertThat(HysplitParameter.ICHEM.visibility()).isEqualTo(Visibility.INTERNAL);
    assertThat(HysplitParameter.EMISSHRS.target()).isEqualTo(NamelistTarget.CONTROL);
    assertThat(HysplitParameter.byKey("w_option")).contains(HysplitParameter.W_OPTION);
  }

  /** SETUP.CFG lines for R-STILT's settings are byte-identical to R-STILT's file for every reference case. */
  @ParameterizedTest
  @ValueSource(strings = {"night_a", "night_b", "night_column", "night_a_seed1", "evening_wbb", "forward_3h",
      "meantraj_100"})
  void setupCfgMatchesRStiltReference(String caseName) throws IOException {
    Path dir = SharedData.reference().resolve("hysplit").resolve(caseName);
    String expected = Files.readString(dir.resolve("SETUP.CFG"));
    String json = Files.readString(dir.resolve("case.json"));
    StiltParams.Builder b = StiltParams.builder().set(HysplitParameter.NUMPAR, intField(json, "numpar"))
        .set(HysplitParameter.VARSIWANT, stringList(json, "varsiwant"))
        .set(HysplitParameter.KRAND, intField(json, "krand"));
    if (json.contains("\"seed\"")) {
      b.set(HysplitParameter.SEED, intField(json, "seed"));
    }
    if (json.contains("\"nturb\"")) {
      b.set(HysplitParameter.NTURB, intField(json, "nturb"));
    }
    StringBuilder written = new StringBuilder("$SETUP\n");
    for (HysplitNamelist.Entry e : HysplitNamelist.setup(b.build(), AltitudeReference.AGL, 0)) {
      written.append(e.line()).append('\n');
    }
    written.append("$END\n");
    assertThat(written.toString()).isEqualTo(expected);
  }

  @Test
  void formatting() {
    assertThat(HysplitParameter.RHB.format(80.0)).isEqualTo("80");
    assertThat(HysplitParameter.DZF.format(0.01)).isEqualTo("0.01");
    assertThat(HysplitParameter.WVERT.format(true)).isEqualTo("TRUE");
    assertThat(HysplitParameter.EFILE.format("")).isEqualTo("");
    assertThat(HysplitParameter.EFILE.format("emit.txt")).isEqualTo("'emit.txt'");
    assertThat(HysplitParameter.VARSIWANT.format(List.of("time", "indx"))).isEqualTo("'time', 'indx'");
    assertThat(HysplitParameter.Z_TOP.format(25000.0)).isEqualTo("25000.0");
    assertThat(HysplitParameter.EMISSHRS.format(0.01)).isEqualTo("0.01");
    assertThat(HysplitParameter.N_HOURS.format(-6)).isEqualTo("-6");
    assertThat(HysplitParameter.TLFRAC.format(1e-5)).isEqualTo("0.00001"); // never an exponent (PYSTILT's %.10g would)
    assertThat(HysplitParameter.SIGUVERR.format(1.0)).isEqualTo("1");
    assertThatThrownBy(() -> HysplitParameter.HNF_PLUME.format(true)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void kmslFollowsTheReceptorAndConflictsAreErrors() {
    StiltParams p = StiltParams.DEFAULTS;
    assertThat(HysplitNamelist.kmsl(p, AltitudeReference.MSL)).isEqualTo(1);
    StiltParams agl = p.with(HysplitParameter.KMSL, 0);
    assertThat(HysplitNamelist.kmsl(agl, AltitudeReference.AGL)).isEqualTo(0);
    assertThatThrownBy(() -> HysplitNamelist.setup(agl, AltitudeReference.MSL, 0))
        .isInstanceOf(ConfigException.class).hasMessageContaining("kmsl: 0 contradicts the receptor's altitude_ref msl");
  }

  @Test
  void zicontrolWinderrZierrLines() {
    StiltParams p = StiltParams.builder().set(HysplitParameter.N_HOURS, -3)
        .set(HysplitParameter.ZISCALE, new ZiScale.Constant(0.8)).build();
    assertThat(HysplitNamelist.zicontrol(p)).containsExactly("3", "0.8", "0.8", "0.8");
    StiltParams hourly = p.with(HysplitParameter.ZISCALE, new ZiScale.Hourly(List.of(1.0, 1.25)));
    assertThat(HysplitNamelist.zicontrol(hourly)).containsExactly("2", "1", "1.25");
    StiltParams err = StiltParams.builder().set(HysplitParameter.SIGUVERR, 1.0).set(HysplitParameter.TLUVERR, 60)
        .set(HysplitParameter.ZCORUVERR, 500).set(HysplitParameter.HORCORUVERR, 40).build();
    assertThat(HysplitNamelist.winderr(err.error())).containsExactly("1", "60", "500", "40");
    assertThat(HysplitNamelist.zierr(err.error())).isEmpty();
    assertThat(err.winderrtf()).isEqualTo(1);
    List<String> setupNames = HysplitNamelist.setup(err, AltitudeReference.AGL, err.winderrtf()).stream()
        .map(HysplitNamelist.Entry::line).filter(l -> l.startsWith("WINDERRTF")).toList();
    assertThat(setupNames).containsExactly("WINDERRTF=1,");
  }

  private static String camel(String key) {
    StringBuilder sb = new StringBuilder();
    boolean up = false;
    for (char c : key.toCharArray()) {
      if (c == '_') {
        up = true;
      } else {
        sb.append(up ? Character.toUpperCase(c) : c);
        up = false;
      }
    }
    return sb.toString();
  }

  private static int intField(String json, String key) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + key + "\":\\s*(-?\\d+)").matcher(json);
    assertThat(m.find()).as(key).isTrue();
    return Integer.parseInt(m.group(1));
  }

  private static List<String> stringList(String json, String key) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + key + "\":\\s*\\[([^\\]]*)\\]").matcher(json);
    assertThat(m.find()).as(key).isTrue();
    return Arrays.stream(m.group(1).split(",")).map(s -> s.trim().replace("\"", "")).toList();
  }
}
