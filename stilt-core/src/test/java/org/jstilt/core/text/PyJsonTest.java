package org.jstilt.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PyJsonTest {
  @Test
  void dumpsLikePythonDefaults() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("b", 1.0);
    m.put("a", List.of(1L, 2.5, "x"));
    m.put("n", null);
    m.put("t", true);
    m.put("big", new BigInteger("123456789012345678901234567890"));
    // python: json.dumps({"b": 1.0, "a": [1, 2.5, "x"], "n": None, "t": True, "big": 123456789012345678901234567890})
    assertThat(PyJson.DEFAULT.dumps(m))
        .isEqualTo("{\"b\": 1.0, \"a\": [1, 2.5, \"x\"], \"n\": null, \"t\": true, \"big\": 123456789012345678901234567890}");
    assertThat(PyJson.COMPACT.dumps(m))
        .isEqualTo("{\"b\":1.0,\"a\":[1,2.5,\"x\"],\"n\":null,\"t\":true,\"big\":123456789012345678901234567890}");
  }

  @Test
  void nonFiniteFloatsAndExponents() {
    // python: json.dumps([float("nan"), float("inf"), -float("inf"), 1e-05, 1e16, -0.0])
    assertThat(PyJson.DEFAULT.dumps(Arrays.asList(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            1e-5, 1e16, -0.0)))
        .isEqualTo("[NaN, Infinity, -Infinity, 1e-05, 1e+16, -0.0]");
  }

  @Test
  void ensureAsciiEscapes() {
    // python: json.dumps("a\"b\\c\n\t\u00e9\x7f\x01 \U0001F600/")
    assertThat(PyJson.DEFAULT.dumps("a\"b\\c\n\té\u007f\u0001 \uD83D\uDE00/"))
        .isEqualTo("\"a\\\"b\\\\c\\n\\t\\u00e9\\u007f\\u0001 \\ud83d\\ude00/\"");
  }

  @Test
  void loadsRoundTrips() {
    String text = "{\"type\": \"PointReceptor\", \"xs\": [1, -2.5e-3, 1e+16, NaN, -Infinity], \"o\": {}, \"l\": [],"
        + " \"s\": \"\\u00e9\\n\\/\", \"big\": 123456789012345678901234567890, \"f\": false, \"z\": null}";
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) PyJson.loads(text);
    assertThat(m.keySet()).containsExactly("type", "xs", "o", "l", "s", "big", "f", "z");
    List<?> xs = (List<?>) m.get("xs");
    assertThat(xs.get(0)).isEqualTo(1L);
    assertThat(xs.get(1)).isEqualTo(-2.5e-3);
    assertThat(xs.get(2)).isEqualTo(1e16);
    assertThat((Double) xs.get(3)).isNaN();
    assertThat(m.get("s")).isEqualTo("é\n/");
    assertThat(m.get("big")).isEqualTo(new BigInteger("123456789012345678901234567890"));
    assertThat(m.get("z")).isNull();
    assertThat(PyJson.loads(PyJson.DEFAULT.dumps(m))).isEqualTo(m);
  }

  @Test
  void loadsReportsWhereTheTextIsBad() {
    assertThatThrownBy(() -> PyJson.loads("{\"a\": 1,}")).hasMessageContaining("character 8");
    assertThatThrownBy(() -> PyJson.loads("[1, 2] x")).hasMessageContaining("extra data");
    assertThatThrownBy(() -> PyJson.loads("[01]")).hasMessageContaining("leading zero");
    assertThatThrownBy(() -> PyJson.loads("\"abc")).hasMessageContaining("end of text");
  }
}
