package org.jstilt.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * R 4.2's output for these values, derived from {@code formatReal}'s rules (7 or 15 significant digits,
 * trailing zeros dropped, fixed unless scientific is narrower) and confirmed where R-STILT's reference
 * files show them (SETUP.CFG: 0.01, 80, 10800, -1; CONTROL: 25000.0, 40.77 -111.85 5, 0.01).
 */
class RFormatTest {
  @ParameterizedTest(name = "format({0}, scientific = FALSE) = {1}")
  @CsvSource(delimiter = '|', value = {
      "0.01|0.01", "80|80", "80.0|80", "-1|-1", "10800|10800", "0.18|0.18", "0.75|0.75", "3|3", "0|0", "-0.0|0",
      "0.30000000000000004|0.3", "1234.56789|1234.568", "123456789|123456789", "1e-5|0.00001",
      "1.5e-7|0.00000015", "100000|100000", "1e15|1000000000000000", "0.1234567891|0.1234568", "2.5|2.5",
      "-111.85|-111.85", "9999999.5|10000000", "99999999.5|100000000", "1234567.25|1234567"})
  void formatNoScientific(double x, String r) {
    assertThat(RFormat.format(x)).isEqualTo(r);
  }

  @ParameterizedTest(name = "format({0}, nsmall = 1) = {1}")
  @CsvSource(delimiter = '|', value = {"25000|25000.0", "25000.5|25000.5", "0|0.0", "12.25|12.25", "-3|-3.0"})
  void formatNsmall(double x, String r) {
    assertThat(RFormat.format(x, 1)).isEqualTo(r);
  }

  @ParameterizedTest(name = "as.character({0}) = {1}")
  @CsvSource(delimiter = '|', value = {
      "40.77|40.77", "-111.85|-111.85", "5|5", "0.01|0.01", "0|0", "1000|1000", "100000|1e+05", "123456|123456",
      "0.0001|1e-04", "0.001|0.001", "1e15|1e+15", "1234567.1|1234567.1", "0.30000000000000004|0.3",
      "-0.00012|-0.00012", "1.5e-7|1.5e-07", "3.14159265358979|3.14159265358979", "1e-300|1e-300",
      "1e300|1e+300", "60|60", "-6|-6", "2000|2000", "0.5|0.5"})
  void asCharacter(double x, String r) {
    assertThat(RFormat.asCharacter(x)).isEqualTo(r);
  }
}
