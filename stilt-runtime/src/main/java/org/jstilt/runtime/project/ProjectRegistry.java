package org.jstilt.runtime.project;

import java.nio.file.Files;
import java.time.Clock;
import java.util.Optional;
import org.jstilt.runtime.registry.PostgresRegistry;
import org.jstilt.runtime.registry.QueuePolicy;
import org.jstilt.runtime.registry.Registry;
import org.jstilt.runtime.registry.SqliteRegistry;

/**
 * Opens the registry of a project: the PostgreSQL database named by a URL when one is given (the CLI
 * reads {@code JSTILT_DB_URL}, or PYSTILT's {@code PYSTILT_DB_URL}), else the embedded SQLite file
 * {@code <output>/.stilt/registry.db}.
 */
public final class ProjectRegistry {
  private ProjectRegistry() {}

  /** Opens (creating if needed) the registry with the default queue policy. */
  public static Registry open(ProjectLayout layout, Optional<String> dbUrl) {
    return open(layout, dbUrl, QueuePolicy.DEFAULT);
  }

  /** Opens (creating if needed) the registry with a queue policy (attempt limit, leases). */
  public static Registry open(ProjectLayout layout, Optional<String> dbUrl, QueuePolicy policy) {
    if (dbUrl.isPresent()) {
      return PostgresRegistry.open(dbUrl.get(), PostgresRegistry.DEFAULT_SCHEMA, policy, Clock.systemUTC());
    }
    return SqliteRegistry.open(layout.registryFile(), policy, Clock.systemUTC());
  }

  /**
   * Opens the registry only if it exists, for commands that just look ({@code stilt status}): an SQLite
   * file is not created. A PostgreSQL registry is always opened (its tables are created if missing).
   */
  public static Optional<Registry> openExisting(ProjectLayout layout, Optional<String> dbUrl) {
    if (dbUrl.isEmpty() && !Files.isRegularFile(layout.registryFile())) {
      return Optional.empty();
    }
    return Optional.of(open(layout, dbUrl));
  }
}
