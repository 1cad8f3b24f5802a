package org.jstilt.runtime.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;

/**
 * Versioned schema migrations: numbered SQL scripts, one folder per dialect, applied in order inside one
 * transaction and recorded in {@code schema_history} with a SHA-256 checksum.
 *
 * <p>Why not Flyway: it resolves and works here, but opening a registry through it cost about 0.7 s more
 * start-up (class loading and classpath scanning) than this, and {@code stilt status} should start in under
 * half a second. The rules are Flyway's: a script, once released, never changes (a checksum mismatch is an
 * error), the database never runs ahead of the code (a newer schema is an error), and upgrading is
 * automatic.
 */
final class Migrations {

  /** The built-in scripts, oldest first; a new one is appended with the next number. */
  static final List<String> SCRIPTS = List.of("V1__simulation_registry");

  /** One script. */
  record Migration(int version, String description, String sql) {
    String checksum() {
      try {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sql.getBytes(StandardCharsets.UTF_8)));
      } catch (NoSuchAlgorithmException e) {
        throw new StiltException(ErrorCode.INTERNAL, "SHA-256 is not available in this JVM", e);
      }
    }
  }

  private Migrations() {}

  /** The built-in migrations of a dialect ({@code sqlite} or {@code postgresql}). */
  static List<Migration> builtIn(String dialect) {
    List<Migration> out = new ArrayList<>();
    for (String name : SCRIPTS) {
      String resource = "migrations/" + dialect + "/" + name + ".sql";
      try (InputStream in = Migrations.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new StiltException(ErrorCode.INTERNAL, "registry migration " + resource + " is missing from the jar");
        }
        out.add(parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new StiltException(ErrorCode.INTERNAL, "cannot read registry migration " + resource + ": " + e, e);
      }
    }
    return List.copyOf(out);
  }

  /** A migration named {@code V<n>__<description>}. */
  static Migration parse(String name, String sql) {
    int sep = name.indexOf("__");
    if (!name.startsWith("V") || sep < 2) {
      throw new StiltException(ErrorCode.INTERNAL, "migration name '" + name + "' is not V<n>__<description>");
    }
    return new Migration(Integer.parseInt(name.substring(1, sep)), name.substring(sep + 2), sql);
  }

  /**
   * The applied versions with their checksums, or an empty map when the history table does not exist
   * (a new database).
   */
  static SortedMap<Integer, String> applied(Connection c, String tableExistsSql) throws SQLException {
    SortedMap<Integer, String> out = new TreeMap<>();
    try (PreparedStatement ps = c.prepareStatement(tableExistsSql)) {
      ps.setString(1, "schema_history");
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return out;
        }
      }
    }
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT version, checksum FROM schema_history ORDER BY version")) {
      while (rs.next()) {
        out.put(rs.getInt(1), rs.getString(2));
      }
    }
    return out;
  }

  /**
   * Checks the applied history against the known migrations.
   *
   * @return {@code true} if some known migrations are not applied yet
   * @throws StiltException if the database is newer than this code or an applied script was changed
   */
  static boolean needsMigration(Map<Integer, String> applied, List<Migration> known, String location) {
    int latestKnown = known.isEmpty() ? 0 : known.get(known.size() - 1).version();
    for (Map.Entry<Integer, String> e : applied.entrySet()) {
      if (e.getKey() > latestKnown) {
        throw new StiltException(
            ErrorCode.REGISTRY,
            "registry " + location + " has schema version " + e.getKey() + " but this JSTILT knows versions up to "
                + latestKnown + ": it was created or upgraded by a newer JSTILT. Use that version (or newer).");
      }
    }
    boolean missing = false;
    for (Migration m : known) {
      String checksum = applied.get(m.version());
      if (checksum == null) {
        missing = true;
      } else if (!checksum.equals(m.checksum())) {
        throw new StiltException(
            ErrorCode.REGISTRY,
            "registry " + location + ": migration V" + m.version() + " (" + m.description()
                + ") was applied with different SQL (checksum " + checksum + ", expected " + m.checksum()
                + "). The database was made by a modified JSTILT build; recreate it with 'stilt rebuild'"
                + " after moving it away.");
      } else if (missing) {
        throw new StiltException(
            ErrorCode.REGISTRY,
            "registry " + location + ": schema history has a gap before V" + m.version()
                + "; the database was edited by hand. Recreate it with 'stilt rebuild' after moving it away.");
      }
    }
    return missing;
  }

  /**
   * Applies the missing migrations in the caller's (write) transaction, after re-reading the history
   * under that transaction's lock (another process may just have migrated).
   *
   * @return the schema version afterwards
   */
  static int migrate(Connection c, List<Migration> known, String tableExistsSql, String location, long nowMs, String appliedBy)
      throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(
          "CREATE TABLE IF NOT EXISTS schema_history ("
              + " version INTEGER NOT NULL PRIMARY KEY,"
              + " description TEXT NOT NULL,"
              + " checksum TEXT NOT NULL,"
              + " applied_at_ms BIGINT NOT NULL,"
              + " applied_by TEXT NOT NULL)");
    }
    SortedMap<Integer, String> applied = applied(c, tableExistsSql);
    needsMigration(applied, known, location);
    int version = applied.isEmpty() ? 0 : applied.lastKey();
    for (Migration m : known) {
      if (applied.containsKey(m.version())) {
        continue;
      }
      try (Statement st = c.createStatement()) {
        for (String statement : statements(m.sql())) {
          st.execute(statement);
        }
      }
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO schema_history (version, description, checksum, applied_at_ms, applied_by) VALUES (?, ?, ?, ?, ?)")) {
        ps.setInt(1, m.version());
        ps.setString(2, m.description());
        ps.setString(3, m.checksum());
        ps.setLong(4, nowMs);
        ps.setString(5, appliedBy);
        ps.executeUpdate();
      }
      version = m.version();
    }
    return version;
  }

  /**
   * Splits a script into statements: drops {@code --} comment lines and cuts at semicolons that end a
   * line. Our scripts hold DDL only, never semicolons inside literals or bodies.
   */
  static List<String> statements(String sql) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : sql.split("\n", -1)) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("--")) {
        continue;
      }
      current.append(line).append('\n');
      if (trimmed.endsWith(";")) {
        String s = current.toString().strip();
        out.add(s.substring(0, s.length() - 1));
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      out.add(current.toString().strip());
    }
    return out;
  }
}
