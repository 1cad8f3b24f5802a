package org.jstilt.runtime.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;
import org.sqlite.SQLiteConfig;

/**
 * The embedded registry: one SQLite file, by default {@code <output>/.stilt/registry.db}.
 *
 * <p>Safe for any number of threads and processes on one machine: the database is in WAL mode (readers
 * never wait for writers), every write transaction starts with {@code BEGIN IMMEDIATE} (takes SQLite's
 * single write lock up front, so two writers never deadlock upgrading a read lock) and waits up to the
 * busy timeout for it. Inside one process, writes go through one connection under a lock and reads
 * through another. Claims are one {@code UPDATE ... WHERE id IN (SELECT ... LIMIT n) RETURNING}
 * statement under the write lock, hence exclusive.
 *
 * <p>Not for network file systems (NFS, Lustre): WAL needs shared memory between the processes, which
 * those cannot give across hosts. Use {@link PostgresRegistry} for workers on several hosts.
 */
public final class SqliteRegistry extends JdbcRegistry {

  /** Where the registry lives under an output root. */
  public static final Path DEFAULT_PATH = Path.of(".stilt", "registry.db");
  /** How long a writer waits for another process's write transaction before giving up. */
  public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(60);

  private final Path file;
  private final Duration busyTimeout;
  private final ReentrantLock writeLock = new ReentrantLock();
  private final ReentrantLock readLock = new ReentrantLock();
  private Connection writer;
  private Connection reader;
  private boolean closed;

  private SqliteRegistry(Path file, QueuePolicy policy, Clock clock, Duration busyTimeout) {
    super(clock, policy);
    this.file = file.toAbsolutePath().normalize();
    this.busyTimeout = busyTimeout;
  }

  /** Opens (creating and migrating as needed) the registry of an output root with the default policy. */
  public static SqliteRegistry forOutputRoot(Path outputRoot) {
    return open(outputRoot.resolve(DEFAULT_PATH), QueuePolicy.DEFAULT, Clock.systemUTC());
  }

  /** Opens (creating and migrating as needed) a registry file. */
  public static SqliteRegistry open(Path file, QueuePolicy policy, Clock clock) {
    return open(file, policy, clock, DEFAULT_BUSY_TIMEOUT);
  }

  /** Opens (creating and migrating as needed) a registry file with a given busy timeout. */
  public static SqliteRegistry open(Path file, QueuePolicy policy, Clock clock, Duration busyTimeout) {
    Path dir = file.toAbsolutePath().getParent();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new StiltException(
          ErrorCode.STORAGE,
          "cannot create the registry directory " + dir + ": " + e.getMessage()
              + ". Check that the output directory is writable.",
          e);
    }
    if (Files.isDirectory(file)) {
      throw new StiltException(ErrorCode.REGISTRY, "registry " + file + " is a directory, not an SQLite file; move it away");
    }
    SqliteRegistry r = new SqliteRegistry(file, policy, clock, busyTimeout);
    try {
      r.migrate();
    } catch (RuntimeException e) {
      r.close();
      throw e;
    }
    return r;
  }

  /** The database file. */
  public Path file() {
    return file;
  }

  @Override
  public String location() {
    return file.toString();
  }

  @Override
  String skipLocked() {
    return "";
  }

  @Override
  String forUpdate() {
    return "";
  }

  @Override
  String dialect() {
    return "sqlite";
  }

  @Override
  String tableExistsSql() {
    return "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?";
  }

  @Override
  <T> T write(String action, SqlWork<T> work) {
    writeLock.lock();
    try {
      for (int attempt = 1; ; attempt++) {
        Connection c = writer();
        exec(c, action, "BEGIN IMMEDIATE");
        try {
          T result = work.run(c);
          exec(c, action, "COMMIT");
          return result;
        } catch (RetryTransaction e) {
          rollback(c);
          if (attempt >= MAX_RETRIES) {
            throw new StiltException(ErrorCode.REGISTRY, "registry " + file + ": cannot " + action + ": " + e.getMessage()
                + " kept happening after " + attempt + " tries; retry the command.");
          }
        } catch (SQLException e) {
          rollback(c);
          throw translate(action, e);
        } catch (RuntimeException | Error e) {
          rollback(c);
          throw e;
        }
      }
    } finally {
      writeLock.unlock();
    }
  }

  @Override
  <T> T read(String action, SqlWork<T> work) {
    readLock.lock();
    try {
      Connection c = reader();
      // A deferred transaction: one WAL snapshot for all statements, no lock that blocks writers.
      exec(c, action, "BEGIN");
      try {
        T result = work.run(c);
        exec(c, action, "COMMIT");
        return result;
      } catch (SQLException e) {
        rollback(c);
        throw translate(action, e);
      } catch (RuntimeException | Error e) {
        rollback(c);
        throw e;
      }
    } finally {
      readLock.unlock();
    }
  }

  private Connection writer() {
    if (writer == null) {
      checkOpen();
      writer = connect(true);
    }
    return writer;
  }

  private Connection reader() {
    if (reader == null) {
      checkOpen();
      reader = connect(false);
    }
    return reader;
  }

  private void checkOpen() {
    if (closed) {
      throw new StiltException(ErrorCode.INTERNAL, "registry " + file + " is closed");
    }
  }

  private Connection connect(boolean forWriting) {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, busyTimeout.toMillis()));
    config.enforceForeignKeys(true);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    if (forWriting) {
      // WAL is a property of the file; setting it once (by the writer) is enough for every connection.
      config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    }
    try {
      return config.createConnection("jdbc:sqlite:" + file);
    } catch (SQLException e) {
      throw translate("open the registry", e);
    }
  }

  private void exec(Connection c, String action, String sql) {
    try (Statement st = c.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw translate(action, e);
    }
  }

  private static void rollback(Connection c) {
    try (Statement st = c.createStatement()) {
      st.execute("ROLLBACK");
    } catch (SQLException ignored) {
      // SQLite may already have rolled back (I/O error, disk full); the original error is what matters.
    }
  }

  private StiltException translate(String action, SQLException e) {
    String m = String.valueOf(e.getMessage());
    String lower = m.toLowerCase(Locale.ROOT);
    String hint;
    if (lower.contains("sqlite_busy") || lower.contains("database is locked")) {
      hint = "another process held the registry's write lock for more than " + busyTimeout.toSeconds()
          + " s. Retry; if it persists, look for a hung stilt process using this output directory.";
    } else if (lower.contains("notadb") || lower.contains("not a database")) {
      hint = "the file is not an SQLite database. Move it away and run 'stilt rebuild' to recreate the registry"
          + " from the outputs.";
    } else if (lower.contains("corrupt")) {
      hint = "the database file is damaged. Move it away and run 'stilt rebuild' to recreate the registry from"
          + " the outputs.";
    } else if (lower.contains("readonly") || lower.contains("cantopen") || lower.contains("unable to open")) {
      hint = "check that " + file.getParent() + " and the files in it are writable.";
    } else if (lower.contains("full")) {
      hint = "the disk is full.";
    } else {
      hint = "this is unexpected; please report it with the message above.";
    }
    return new StiltException(ErrorCode.REGISTRY, "registry " + file + ": cannot " + action + ": " + m + ". " + hint, e);
  }

  @Override
  public void close() {
    writeLock.lock();
    readLock.lock();
    try {
      closed = true;
      closeQuietly(writer);
      closeQuietly(reader);
      writer = null;
      reader = null;
    } finally {
      readLock.unlock();
      writeLock.unlock();
    }
  }

  private static void closeQuietly(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // Closing can only fail if the connection is already broken; nothing is left to release.
      }
    }
  }
}
