package org.jstilt.core.text;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code json.dumps} and {@code json.loads} for the small value model PYSTILT stores in metadata:
 * {@link Map} (insertion order kept), {@link List}, {@link String}, {@link Double}/{@link Float} (written
 * with {@link PyFloat#repr}), {@link Integer}/{@link Long}/{@link BigInteger}, {@link Boolean} and
 * {@code null}.
 *
 * <p>Writing follows the {@code json} module's defaults byte for byte: {@code ensure_ascii=True} (every
 * character outside space..tilde escaped as {@code \\uXXXX}, except {@code \\n \\r \\t \\b \\f} and the
 * quote and backslash), {@code NaN}/{@code Infinity}/{@code -Infinity} for non-finite floats, and the
 * separators given ({@link #DEFAULT} = {@code ", "} and {@code ": "}, {@link #COMPACT} = {@code ","} and
 * {@code ":"}).
 *
 * <p>Reading accepts standard JSON plus the three non-finite literals, as {@code json.loads} does;
 * numbers without a fraction or exponent become {@link Long} (or {@link BigInteger} when too large),
 * others {@link Double}; objects become unmodifiable insertion-ordered maps (a repeated key keeps the last
 * value, as in Python).
 */
public final class PyJson {
  /** {@code json.dumps(obj)}: items separated by {@code ", "}, keys by {@code ": "}. */
  public static final PyJson DEFAULT = new PyJson(", ", ": ");
  /** {@code json.dumps(obj, separators=(",", ":"))}. */
  public static final PyJson COMPACT = new PyJson(",", ":");

  private final String itemSeparator;
  private final String keySeparator;

  private PyJson(String itemSeparator, String keySeparator) {
    this.itemSeparator = itemSeparator;
    this.keySeparator = keySeparator;
  }

  /** The JSON text of {@code value}; throws {@link IllegalArgumentException} for unsupported types. */
  public String dumps(Object value) {
    StringBuilder sb = new StringBuilder();
    write(sb, value);
    return sb.toString();
  }

  private void write(StringBuilder sb, Object value) {
    if (value == null) {
      sb.append("null");
    } else if (value instanceof String s) {
      writeString(sb, s);
    } else if (value instanceof Boolean b) {
      sb.append(b ? "true" : "false");
    } else if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d)) {
        sb.append("NaN");
      } else if (Double.isInfinite(d)) {
        sb.append(d > 0 ? "Infinity" : "-Infinity");
      } else {
        sb.append(PyFloat.repr(d));
      }
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short
        || value instanceof Byte || value instanceof BigInteger) {
      sb.append(value);
    } else if (value instanceof Map<?, ?> map) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!(e.getKey() instanceof String key)) {
          throw new IllegalArgumentException("JSON object keys must be strings, got " + e.getKey());
        }
        if (!first) {
          sb.append(itemSeparator);
        }
        first = false;
        writeString(sb, key);
        sb.append(keySeparator);
        write(sb, e.getValue());
      }
      sb.append('}');
    } else if (value instanceof List<?> list) {
      sb.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          sb.append(itemSeparator);
        }
        write(sb, list.get(i));
      }
      sb.append(']');
    } else {
      throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON");
    }
  }

  private static void writeString(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            // Java strings are UTF-16, so a character outside the BMP is already the surrogate pair
            // Python's ensure_ascii writes.
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  /**
   * Parses JSON text as {@code json.loads} does.
   *
   * @throws IllegalArgumentException with the character offset when the text is not JSON
   */
  public static Object loads(String text) {
    Parser p = new Parser(text);
    p.skipWhitespace();
    Object value = p.value();
    p.skipWhitespace();
    if (p.pos != text.length()) {
      throw p.error("extra data after the JSON value");
    }
    return value;
  }

  private static final class Parser {
    private final String s;
    private int pos;

    Parser(String s) {
      this.s = s;
    }

    IllegalArgumentException error(String what) {
      return new IllegalArgumentException("invalid JSON at character " + pos + ": " + what);
    }

    void skipWhitespace() {
      while (pos < s.length()) {
        char c = s.charAt(pos);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
          pos++;
        } else {
          break;
        }
      }
    }

    Object value() {
      if (pos >= s.length()) {
        throw error("unexpected end of text");
      }
      char c = s.charAt(pos);
      switch (c) {
        case '{':
          return object();
        case '[':
          return array();
        case '"':
          return string();
        default:
          break;
      }
      if (s.startsWith("true", pos)) {
        pos += 4;
        return Boolean.TRUE;
      }
      if (s.startsWith("false", pos)) {
        pos += 5;
        return Boolean.FALSE;
      }
      if (s.startsWith("null", pos)) {
        pos += 4;
        return null;
      }
      if (s.startsWith("NaN", pos)) {
        pos += 3;
        return Double.NaN;
      }
      if (s.startsWith("Infinity", pos)) {
        pos += 8;
        return Double.POSITIVE_INFINITY;
      }
      if (s.startsWith("-Infinity", pos)) {
        pos += 9;
        return Double.NEGATIVE_INFINITY;
      }
      if (c == '-' || (c >= '0' && c <= '9')) {
        return number();
      }
      throw error("unexpected character '" + c + "'");
    }

    Map<String, Object> object() {
      pos++; // {
      Map<String, Object> map = new LinkedHashMap<>();
      skipWhitespace();
      if (peek() == '}') {
        pos++;
        return Collections.unmodifiableMap(map);
      }
      while (true) {
        skipWhitespace();
        if (peek() != '"') {
          throw error("expected a string key");
        }
        String key = string();
        skipWhitespace();
        if (peek() != ':') {
          throw error("expected ':'");
        }
        pos++;
        skipWhitespace();
        map.put(key, value());
        skipWhitespace();
        char c = peek();
        pos++;
        if (c == '}') {
          return Collections.unmodifiableMap(map);
        }
        if (c != ',') {
          pos--;
          throw error("expected ',' or '}'");
        }
      }
    }

    List<Object> array() {
      pos++; // [
      List<Object> list = new ArrayList<>();
      skipWhitespace();
      if (peek() == ']') {
        pos++;
        return Collections.unmodifiableList(list);
      }
      while (true) {
        skipWhitespace();
        list.add(value());
        skipWhitespace();
        char c = peek();
        pos++;
        if (c == ']') {
          return Collections.unmodifiableList(list);
        }
        if (c != ',') {
          pos--;
          throw error("expected ',' or ']'");
        }
      }
    }

    char peek() {
      if (pos >= s.length()) {
        throw error("unexpected end of text");
      }
      return s.charAt(pos);
    }

    String string() {
      pos++; // opening quote
      StringBuilder sb = new StringBuilder();
      while (true) {
        char c = peek();
        pos++;
        if (c == '"') {
          return sb.toString();
        }
        if (c == '\\') {
          char e = peek();
          pos++;
          switch (e) {
            case '"' -> sb.append('"');
            case '\\' -> sb.append('\\');
            case '/' -> sb.append('/');
            case 'b' -> sb.append('\b');
            case 'f' -> sb.append('\f');
            case 'n' -> sb.append('\n');
            case 'r' -> sb.append('\r');
            case 't' -> sb.append('\t');
            case 'u' -> {
              if (pos + 4 > s.length()) {
                throw error("truncated \\u escape");
              }
              try {
                sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
              } catch (NumberFormatException ex) {
                throw error("bad \\u escape");
              }
              pos += 4;
            }
            default -> throw error("bad escape \\" + e);
          }
        } else if (c < 0x20) {
          throw error("control character in string");
        } else {
          sb.append(c);
        }
      }
    }

    Object number() {
      int start = pos;
      if (s.charAt(pos) == '-') {
        pos++;
      }
      int intStart = pos;
      while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
        pos++;
      }
      if (pos == intStart) {
        throw error("expected a digit");
      }
      if (s.charAt(intStart) == '0' && pos - intStart > 1) {
        pos = intStart + 1;
        throw error("leading zero in a number");
      }
      boolean isFloat = false;
      if (pos < s.length() && s.charAt(pos) == '.') {
        isFloat = true;
        pos++;
        int fracStart = pos;
        while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
          pos++;
        }
        if (pos == fracStart) {
          throw error("expected a digit after '.'");
        }
      }
      if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
        isFloat = true;
        pos++;
        if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
          pos++;
        }
        int expStart = pos;
        while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
          pos++;
        }
        if (pos == expStart) {
          throw error("expected a digit in the exponent");
        }
      }
      String text = s.substring(start, pos);
      if (isFloat) {
        return Double.parseDouble(text);
      }
      BigInteger big = new BigInteger(text);
      return big.bitLength() < 64 ? (Object) big.longValue() : big;
    }
  }
}
