package org.jstilt.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DecimalParserTest {
  private static double parse(String s) {
    byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
    return DecimalParser.parse(b, 0, b.length);
  }

  @Test
  void agreesBitForBitWithDoubleParseDoubleOnRandomValuesInManyFormats() {
    RandomGenerator rng = RandomGeneratorFactory.of("L64X128MixRandom").create(20190530L);
    String[] formats = {"%.17g", "%.15g", "%.6f", "%.4f", "%.3e", "%.12e", "%.1f", "%.0f"};
    for (int k = 0; k < 200_000; k++) {
      double scale = Math.pow(10, rng.nextInt(-30, 30));
      double v = (rng.nextDouble() - 0.5) * scale;
      String s =
          switch (k % 10) {
            case 8 -> Double.toString(v);
            case 9 -> Long.toString((long) (v * 1e3) % 1_000_000_000L);
            default -> String.format(Locale.ROOT, formats[k % 8], v);
          };
      assertThat(Double.doubleToRawLongBits(parse(s)))
          .as(s)
          .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(s)));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0", "-0", "0.0", "1", "-1", "150.00", "40.770200000000003", "-111.8485", "1.4514199999999999e-05",
        "9007199254740993", "123456789012345678901234567890", "1e22", "1e23", "4.9e-324", "2.2250738585072011e-308",
        "1.7976931348623157e308", "1e400", "-1e-400", ".5", "5.", "+3.25", "0.000000000000000000000000001",
        "1E5", "1e+05", "00012.5000"
      })
  void edgeCasesMatchParseDouble(String s) {
    assertThat(Double.doubleToRawLongBits(parse(s)))
        .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(s)));
  }

  @Test
  void missingValuesAndInfinities() {
    assertThat(parse("NA")).isNaN();
    assertThat(parse("NaN")).isNaN();
    assertThat(parse("nan")).isNaN();
    assertThat(parse("Inf")).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(parse("-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "1.2.3", "1e", "1e+", "-", ".", "1,5", "0x10", "1.5d", "1.5f", "--1", "-NA", "1 2"})
  void rejectsWhatIsNotADecimalNumber(String s) {
    assertThatThrownBy(() -> parse(s)).isInstanceOf(NumberFormatException.class);
  }
}
