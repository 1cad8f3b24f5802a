package org.jstilt.io.csv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The CSV number format. The shortest round-trip digits themselves are {@link org.jstilt.core.text.PyFloat}'s,
 * tested there against CPython on random doubles; these cases pin the CSV spelling.
 */
class ShortestDoubleTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "0.1|0.1", "150|150.0", "-1|-1.0", "1.4514199999999999e-05|1.4514199999999999e-05", "1.45142e-05|1.45142e-05", "1e16|1e+16", "1e-5|1e-05",
        "0.0001|0.0001", "123456789012345.6|123456789012345.6", "2e23|2e+23", "1e23|1e+23",
        "5e-324|5e-324", "1.7976931348623157e308|1.7976931348623157e+308", "40.770200000000003|40.7702",
        "0.30000000000000004|0.30000000000000004", "9007199254740993|9007199254740992.0",
        "2.2250738585072014E-308|2.2250738585072014e-308", "1234.5|1234.5", "-111.85|-111.85"
      })
  void knownValues(String in, String out) {
    assertThat(ShortestDouble.format(Double.parseDouble(in))).isEqualTo(out);
  }

  @Test
  void specialValues() {
    assertThat(ShortestDouble.format(0.0)).isEqualTo("0.0");
    assertThat(ShortestDouble.format(-0.0)).isEqualTo("-0.0");
    assertThat(ShortestDouble.format(Double.NaN)).isEqualTo("NaN");
    assertThat(ShortestDouble.format(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
  }
}
