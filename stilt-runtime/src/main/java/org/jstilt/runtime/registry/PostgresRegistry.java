package org.jstilt.runtime.registry;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;

/**
 * The shared registry for workers on many hosts: tables in one schema of a PostgreSQL database.
 *
 * <p>Claims lock candidate rows with {@code FOR UPDATE SKIP LOCKED}, so concurrent workers take different
 * simulations without waiting for each other, and the claim commits at once: {@code running} is visible to
 * everyone (unlike PYSTILT, which held a transaction open for the whole run). Rows about to change are
 * locked with {@code FOR UPDATE} in id order; a transaction that still meets a serialization failure or
 * deadlock is run again (up to {@value JdbcRegistry#MAX_RETRIES} times).
 *
 * <p>Several projects can share a database: each uses its own schema (default {@value #DEFAULT_SCHEMA}).
 * Connections come from a small HikariCP pool.
 */
public final class PostgresRegistry extends JdbcRegistry {

  /** The schema used when none is given. */
  public static final String DEFAULT_SCHEMA = "jstilt";
  /** Connections per registry (a worker runs one heartbeat and a few claims/completions at a time). */
  public static final int DEFAULT_POOL_SIZE = 4;

  private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private final PostgresUrl url;
  private final String schema;
  private final HikariDataSource pool;

  private PostgresRegistry(PostgresUrl url, String schema, int poolSize, QueuePolicy policy, Clock clock) {
    super(clock, policy);
    this.url = url;
    this.schema = schema;
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url.jdbcUrl());
    if (url.user() != null) {
      config.setUsername(url.user());
    }
    if (url.password() != null) {
      config.setPassword(url.password());
    }
    config.setSchema(schema);
    config.setAutoCommit(false);
    config.setMaximumPoolSize(poolSize);
    config.setMinimumIdle(0);
    config.setConnectionTimeout(15_000);
    config.setPoolName("jstilt-registry");
    config.addDataSourceProperty("ApplicationName", "jstilt");
    try {
      this.pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw unreachable(e);
    }
  }

  /** Opens the registry in {@link #DEFAULT_SCHEMA} with the default policy and pool size. */
  public static PostgresRegistry open(String url) {
    return open(url, DEFAULT_SCHEMA, QueuePolicy.DEFAULT, Clock.systemUTC());
  }

  /**
   * Opens (creating the schema and migrating as needed) the registry in one schema.
   *
   * @param url a {@code postgresql://} or {@code jdbc:postgresql://} URL (see {@link PostgresUrl})
   * @param schema the schema, {@code [a-z_][a-z0-9_]*}
   */
  public static PostgresRegistry open(String url, String schema, QueuePolicy policy, Clock clock) {
    return open(url, schema, DEFAULT_POOL_SIZE, policy, clock);
  }

  /** As {@link #open(String, String, QueuePolicy, Clock)} with a pool size. */
  public static PostgresRegistry open(String url, String schema, int poolSize, QueuePolicy policy, Clock clock) {
    Objects.requireNonNull(schema, "schema");
    if (!SCHEMA.matcher(schema).matches()) {
      throw new StiltException(
          ErrorCode.CONFIG, "registry schema name '" + schema + "' must match [a-z_][a-z0-9_]* (at most 63 characters)");
    }
    if (poolSize < 1) {
      throw new StiltException(ErrorCode.CONFIG, "registry pool size must be at least 1, got " + poolSize);
    }
    PostgresRegistry r = new PostgresRegistry(PostgresUrl.parse(url), schema, poolSize, policy, clock);
    try {
      r.migrate();
    } catch (RuntimeException e) {
      r.close();
      throw e;
    }
    return r;
  }

  /** The schema holding the tables. */
  public String schema() {
    return schema;
  }

  @Override
  public String location() {
    return url.redacted() + " schema " + schema;
  }

  @Override
  String skipLocked() {
    return " FOR UPDATE SKIP LOCKED";
  }

  @Override
  String forUpdate() {
    return " FOR UPDATE";
  }

  @Override
  String dialect() {
    return "postgresql";
  }

  @Override
  String tableExistsSql() {
    return "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ?";
  }

  @Override
  void beforeMigration(Connection c) throws SQLException {
    // One migrating process per schema at a time; the lock ends with the transaction.
    try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
      ps.setLong(1, 0x4a5354494c54L ^ schema.hashCode());
      ps.execute();
    }
    try (Statement st = c.createStatement()) {
      st.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
    }
  }

  @Override
  <T> T write(String action, SqlWork<T> work) {
    return transaction(action, work);
  }

  @Override
  <T> T read(String action, SqlWork<T> work) {
    return transaction(action, work);
  }

  private <T> T transaction(String action, SqlWork<T> work) {
    for (int attempt = 1; ; attempt++) {
      try (Connection c = connection()) {
        try {
          T result = work.run(c);
          c.commit();
          return result;
        } catch (RetryTransaction e) {
          rollback(c);
          if (attempt >= MAX_RETRIES) {
            throw new StiltException(ErrorCode.REGISTRY, "registry " + location() + ": cannot " + action + ": "
                + e.getMessage() + " kept happening after " + attempt + " tries; retry the command.");
          }
        } catch (SQLException e) {
          rollback(c);
          if (!isTransient(e) || attempt >= MAX_RETRIES) {
            throw translate(action, e);
          }
        } catch (RuntimeException | Error e) {
          rollback(c);
          throw e;
        }
      } catch (SQLException e) {
        throw translate(action, e);
      }
      try {
        // Back off a little so that the transactions that collided do not collide again.
        Thread.sleep(ThreadLocalRandom.current().nextLong(5, 50L * attempt));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StiltException(ErrorCode.REGISTRY, "registry " + location() + ": interrupted while trying to " + action, e);
      }
    }
  }

  private Connection connection() {
    try {
      return pool.getConnection();
    } catch (SQLException e) {
      throw unreachable(e);
    }
  }

  /** Serialization failure, deadlock: the transaction can simply run again. */
  private static boolean isTransient(SQLException e) {
    String state = e.getSQLState();
    return "40001".equals(state) || "40P01".equals(state);
  }

  private static void rollback(Connection c) {
    try {
      c.rollback();
    } catch (SQLException ignored) {
      // The connection is broken; the pool discards it, and the original error is reported.
    }
  }

  private StiltException unreachable(Exception e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return new StiltException(
        ErrorCode.REGISTRY,
        "cannot connect to the PostgreSQL registry at " + url.redacted() + ": " + cause.getMessage()
            + ". Check that the server runs and accepts connections from this host, and the user, password and"
            + " database in the URL.",
        e);
  }

  private StiltException translate(String action, SQLException e) {
    String state = e.getSQLState();
    if (state != null && state.startsWith("08")) {
      return unreachable(e);
    }
    return new StiltException(
        ErrorCode.REGISTRY,
        "registry " + location() + ": cannot " + action + ": " + e.getMessage() + " (SQL state " + state + ")."
            + ("42501".equals(state) ? " The database user lacks a privilege on schema " + schema + "." : ""),
        e);
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.close();
    }
  }
}
