package org.jstilt.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StiltParamsTest {
  @Test
  void maxparFollowsNumparUnlessSet() {
    StiltParams p = StiltParams.DEFAULTS.with(HysplitParameter.NUMPAR, 1000);
    // with() keeps the resolved maxpar (200) like any other value; resetMaxpar() lets it follow again
    assertThat(p.transport().maxpar()).hasValue(200);
    StiltParams q = StiltParams.builder().set(HysplitParameter.NUMPAR, 1000).build();
    assertThat(q.transport().maxpar()).hasValue(1000);
    StiltParams r = q.toBuilder().set(HysplitParameter.NUMPAR, 50).resetMaxpar().build();
    assertThat(r.transport().maxpar()).hasValue(50);
    StiltParams s = StiltParams.builder().set(HysplitParameter.NUMPAR, 1000).set(HysplitParameter.MAXPAR, 5000).build();
    assertThat(s.transport().maxpar()).hasValue(5000);
  }

  @Test
  void hnfPlumeNeedsItsVariables() {
    assertThatThrownBy(() -> StiltParams.builder()
        .set(HysplitParameter.VARSIWANT, List.of("time", "indx", "long", "lati", "zagl", "foot")).build())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("varsiwant: hnf_plume: true needs varsiwant to include [dens, mlht, samt, sigw, tlgr]");
    StiltParams ok = StiltParams.builder().set(HysplitParameter.HNF_PLUME, false)
        .set(HysplitParameter.VARSIWANT, List.of("time", "indx", "long", "lati", "zagl", "foot")).build();
    assertThat(ok.model().varsiwant()).hasSize(6);
  }

  @Test
  void errorGroupsAreAllOrNone() {
    StiltParams.Builder b = StiltParams.builder().set(HysplitParameter.SIGUVERR, 1.0).set(HysplitParameter.TLUVERR, 60.0)
        .set(HysplitParameter.SIGZIERR, 10.0);
    List<ConfigProblem> problems = b.problems();
    assertThat(problems).extracting(ConfigProblem::path)
        .containsExactly("zcoruverr", "horcoruverr", "tlzierr", "horcorzierr");
    assertThat(problems.get(0).message()).contains("siguverr, tluverr, zcoruverr, horcoruverr must all be set");
    StiltParams both = b.set(HysplitParameter.ZCORUVERR, 500.0).set(HysplitParameter.HORCORUVERR, 40.0)
        .set(HysplitParameter.TLZIERR, 60.0).set(HysplitParameter.HORCORZIERR, 40.0).build();
    assertThat(both.winderrtf()).isEqualTo(3);
    assertThat(both.error().enabled()).isTrue();
    assertThat(StiltParams.DEFAULTS.winderrtf()).isZero();
  }

  @Test
  void allProblemsAtOnce() {
    List<ConfigProblem> problems = StiltParams.builder().set(HysplitParameter.N_HOURS, 0)
        .set(HysplitParameter.NUMPAR, 0).set(HysplitParameter.KMSL, 2).set(HysplitParameter.Z_TOP, -1.0)
        .set(HysplitParameter.VARSIWANT, List.of("time", "indx", "long", "lati", "zagl", "foot", "mlht", "dens",
            "samt", "sigw", "tlgr", "tlgr", "bogus"))
        .set(HysplitParameter.TLFRAC, 2.0).set(HysplitParameter.CAPEMIN, Double.NaN).problems();
    assertThat(problems).extracting(ConfigProblem::path).containsExactly("n_hours", "numpar", "varsiwant",
        "varsiwant", "capemin", "kmsl", "z_top", "tlfrac");
    assertThat(problems.get(3).message()).contains("unknown particle variable 'bogus'");
    assertThat(problems.get(2).message()).contains("'tlgr' is listed twice");
  }

  @Test
  void builderRejectsWrongJavaTypes() {
    assertThatThrownBy(() -> StiltParams.builder().set(HysplitParameter.NUMPAR, 1.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("numpar takes INT");
    assertThatThrownBy(() -> StiltParams.builder().set(HysplitParameter.NUMPAR, null))
        .hasMessageContaining("cannot be unset");
  }

  @Test
  void ziscaleValues() {
    assertThat(ZiScale.NONE.factors(-24)).hasSize(24).containsOnly(1.0);
    assertThat(new ZiScale.Constant(2).factors(0)).containsExactly(2.0);
    assertThatThrownBy(() -> new ZiScale.Hourly(List.of())).hasMessageContaining("empty list");
    assertThatThrownBy(() -> new ZiScale.Hourly(List.of(1.0, -1.0))).hasMessageContaining("factor 2 must be a positive");
  }

  @Test
  void pystiltParamsJson() {
    StiltParams p = StiltParams.builder().set(HysplitParameter.NUMPAR, 1000).set(HysplitParameter.KRAND, 1)
        .set(HysplitParameter.SEED, 42).set(HysplitParameter.ZISCALE, new ZiScale.Hourly(List.of(1.0, 1.5))).build();
    String json = p.toPystiltJson();
    assertThat(json).startsWith("{\"n_hours\":-24,\"numpar\":1000,\"hnf_plume\":true,\"rm_dat\":true,"
        + "\"varsiwant\":[\"time\",\"indx\",\"long\",\"lati\",\"zagl\",\"foot\",\"mlht\",\"pres\",\"dens\",\"samt\","
        + "\"sigw\",\"tlgr\"],\"capemin\":-1.0,\"cmass\":0,");
    assertThat(json).contains("\"kmsl\":null,").contains("\"seed\":42,").contains("\"maxpar\":1000,")
        .contains("\"efile\":\"\",").contains("\"z_top\":25000.0,").contains("\"ziscale\":[1.0,1.5],")
        .endsWith("\"siguverr\":null,\"tluverr\":null,\"zcoruverr\":null,\"horcoruverr\":null,\"sigzierr\":null,"
            + "\"tlzierr\":null,\"horcorzierr\":null}");
    assertThat(StiltParams.fromPystiltJson(json)).isEqualTo(p);
    // what PYSTILT writes (pydantic: other key order, ints as floats allowed, nested ziscale) reads the same
    assertThat(StiltParams.fromPystiltJson("{\"numpar\": 1000, \"krand\": 1, \"seed\": 42, \"maxpar\": 1000.0,"
        + " \"ziscale\": [[1, 1.5]]}")).isEqualTo(p);
    assertThatThrownBy(() -> StiltParams.fromPystiltJson("{\"numpar\": 1.5, \"bogus\": 1, \"n_hours\": 0}"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("numpar: has the wrong type: 1.5")
        .hasMessageContaining("bogus: unknown parameter").hasMessageContaining("n_hours: must not be 0");
  }
}
