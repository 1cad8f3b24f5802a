package org.jstilt.runtime.registry;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;

/**
 * A PostgreSQL connection given as a URL, in either form users have: libpq / psycopg
 * ({@code postgresql://user:password@host:5432/db?sslmode=require}, what {@code PYSTILT_DB_URL} holds) or
 * JDBC ({@code jdbc:postgresql://host:5432/db?user=u}).
 *
 * @param jdbcUrl the JDBC URL without user information
 * @param user the user from the URL's user-info part, or {@code null} (the JDBC URL may name one itself)
 * @param password the password from the user-info part, or {@code null}
 */
public record PostgresUrl(String jdbcUrl, String user, String password) {
  public PostgresUrl {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
  }

  /** Parses either form. */
  public static PostgresUrl parse(String url) {
    Objects.requireNonNull(url, "url");
    String u = url.strip();
    if (u.startsWith("jdbc:postgresql:")) {
      return new PostgresUrl(u, null, null);
    }
    String rest;
    if (u.startsWith("postgresql://")) {
      rest = u.substring("postgresql://".length());
    } else if (u.startsWith("postgres://")) {
      rest = u.substring("postgres://".length());
    } else {
      throw new StiltException(
          ErrorCode.CONFIG,
          "database URL '" + redact(u) + "' is not a PostgreSQL URL: expected postgresql://user@host:5432/database"
              + " or jdbc:postgresql://host:5432/database");
    }
    String user = null;
    String password = null;
    int slash = rest.indexOf('/');
    int at = rest.lastIndexOf('@', slash < 0 ? rest.length() : slash);
    if (at >= 0) {
      String info = rest.substring(0, at);
      rest = rest.substring(at + 1);
      int colon = info.indexOf(':');
      user = decode(colon < 0 ? info : info.substring(0, colon));
      password = colon < 0 ? null : decode(info.substring(colon + 1));
      if (user.isEmpty()) {
        user = null;
      }
    }
    if (rest.isEmpty() || rest.startsWith("/")) {
      rest = "localhost" + rest;
    }
    return new PostgresUrl("jdbc:postgresql://" + rest, user, password);
  }

  /** The URL for messages: the password, wherever it was, replaced by {@code ***}. */
  public String redacted() {
    return redact(jdbcUrl) + (user != null ? " (user " + user + ")" : "");
  }

  /** Hides the password of a URL in either form. */
  static String redact(String url) {
    String out = url.replaceAll("(?i)(password=)[^&]*", "$1***");
    return out.replaceAll("(://[^:/@]*:)[^@/]*@", "$1***@");
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
