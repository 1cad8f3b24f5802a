package org.jstilt.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the top-level scalar members of a small JSON object (the reference data's {@code args.json} and
 * {@code case.json}), for tests only; nested objects are flattened with dotted keys. Values are returned
 * as their JSON text without quotes.
 */
public final class FlatJson {
  private static final Pattern MEMBER =
      Pattern.compile("\"([^\"]+)\"\\s*:\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|[-+0-9.eE]+|true|false|null|\\{|\\[)");

  private FlatJson() {}

  public static Map<String, String> read(Path file) {
    try {
      return parse(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, String> parse(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    Matcher m = MEMBER.matcher(text);
    String prefix = "";
    int depthAtPrefix = -1;
    int pos = 0;
    int depth = 0;
    while (m.find()) {
      // Track object nesting between matches to know which object a member belongs to.
      for (int i = pos; i < m.start(); i++) {
        char c = text.charAt(i);
        if (c == '{') {
          depth++;
        } else if (c == '}') {
          depth--;
          if (depth < depthAtPrefix) {
            int dot = prefix.lastIndexOf('.', prefix.length() - 2);
            prefix = dot < 0 ? "" : prefix.substring(0, dot + 1);
            depthAtPrefix = prefix.isEmpty() ? -1 : depthAtPrefix - 1;
          }
        }
      }
      pos = m.end();
      String value = m.group(2);
      if (value.equals("{")) {
        prefix = prefix + m.group(1) + ".";
        depth++;
        depthAtPrefix = depth;
        continue;
      }
      if (value.equals("[")) {
        continue; // arrays are not needed by the tests
      }
      if (value.startsWith("\"")) {
        value = value.substring(1, value.length() - 1);
      }
      out.put(prefix + m.group(1), value);
    }
    return out;
  }
}
