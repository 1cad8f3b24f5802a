package org.jstilt.runtime.registry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A separate JVM for the multi-process tests: opens the SQLite registry and either drains it (claims and
 * completes until nothing is left, printing each id) or claims three simulations with one-hour leases,
 * prints them and {@code READY}, and hangs until killed.
 */
public final class ClaimWorkerMain {
  private ClaimWorkerMain() {}

  public static void main(String[] args) throws Exception {
    Path db = Path.of(args[0]);
    QueuePolicy policy = QueuePolicy.DEFAULT.withLeaseDuration(Duration.ofHours(1));
    try (Registry registry = SqliteRegistry.open(db, policy, Clock.systemUTC())) {
      WorkerIdentity me = WorkerIdentity.current();
      if (args[1].equals("drain")) {
        while (true) {
          Optional<Claim> c = registry.claimOne(me);
          if (c.isEmpty()) {
            break;
          }
          System.out.println(c.get().id());
          registry.complete(c.get(), Map.of("f", FootprintOutcome.written()));
        }
        System.out.flush();
      } else {
        for (Claim c : registry.claim(me, 3)) {
          System.out.println(c.id());
        }
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Duration.ofMinutes(10).toMillis());
      }
    }
  }

  /** Starts this main in a new JVM with the test class path. */
  static Process start(Path db, String mode) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    return new ProcessBuilder(
            java, "-cp", System.getProperty("java.class.path"), ClaimWorkerMain.class.getName(), db.toString(), mode)
        .start();
  }

  /** Reads the ids a draining child printed. */
  static List<String> readAll(Process p) throws IOException {
    List<String> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank()) {
          out.add(line.strip());
        }
      }
    }
    return out;
  }
}
