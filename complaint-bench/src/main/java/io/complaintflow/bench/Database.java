package io.complaintflow.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The database kind a run measures on, and the fresh databases it makes for each application: ComplaintFlow and bare
 * Camunda never share one, but always run on the same kind, on the same server. H2 in file mode (as ComplaintFlow
 * runs by default) with {@code AUTO_SERVER=TRUE}, so that the harness can look into it while the application holds
 * it; PostgreSQL from the server named by {@code COMPLAINTFLOW_TEST_POSTGRES_URL/USER/PASSWORD} (a role that may
 * create databases, as {@code .ci/postgres.sh start} gives).
 */
abstract class Database implements AutoCloseable {

  /** One fresh database: how the applications and the harness reach it. */
  record Target(String url, String user, String password) {
    Connection connect() throws SQLException {
      return DriverManager.getConnection(url, user, password);
    }
  }

  abstract String name();

  abstract boolean isPostgres();

  abstract Target create(String purpose);

  /**
   * Between seeding and measuring: gives the database what an installation's database gets from the idle time
   * between its complaints, which a seeding that writes {@code bench.complaints} complaints in one go never leaves
   * it. Returns a line for the report, or {@code null} when there is nothing to do.
   */
  abstract String settle(String purpose);

  @Override
  public abstract void close();

  static Database of(String name, Path work) {
    return switch (name) {
      case "h2" -> new H2(work.resolve("h2"));
      case "postgres" -> new Postgres();
      default -> throw new IllegalArgumentException("bench.databases: unknown database " + name + " (h2, postgres)");
    };
  }

  static final class H2 extends Database {
    private final Path dir;

    H2(Path dir) {
      this.dir = dir;
      deleteRecursively(dir);
    }

    @Override
    String name() {
      return "h2";
    }

    @Override
    boolean isPostgres() {
      return false;
    }

    @Override
    Target create(String purpose) {
      Path file = dir.resolve(purpose).resolve("db").toAbsolutePath();
      return new Target("jdbc:h2:file:" + file + ";AUTO_SERVER=TRUE" + urlOptions(), "sa", "");
    }

    /**
     * H2 rewrites its file's partly dead chunks only while the database is idle ({@code MVStore} housekeeping): a
     * seeding that never pauses leaves a file several times its live data, and a node opened on it spends a core
     * rewriting chunks while it is measured. {@code SHUTDOWN COMPACT} does that work before (both sides alike);
     * {@code -Dbench.h2.compact-after-seeding=false} measures the file as the seeding left it.
     */
    @Override
    String settle(String purpose) {
      if (!Boolean.parseBoolean(System.getProperty("bench.h2.compact-after-seeding", "true"))) {
        return null;
      }
      Path file = dir.resolve(purpose).resolve("db.mv.db");
      long before = size(file);
      long start = System.nanoTime();
      try (Connection c = create(purpose).connect(); Statement s = c.createStatement()) {
        s.execute("SHUTDOWN COMPACT");
      } catch (SQLException e) {
        throw new IllegalStateException("SHUTDOWN COMPACT of " + file + ": " + e.getMessage(), e);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      return String.format(Locale.ROOT, "%s: %.2f → %.2f GB in %.0f s", purpose, before / 1e9, size(file) / 1e9,
          seconds);
    }

    private static long size(Path file) {
      try {
        return Files.size(file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /**
     * {@code bench.h2.url-options}: H2 settings appended to both sides' URLs, to measure a setting before the
     * embedded default takes it (e.g. {@code ;AUTO_COMPACT_FILL_RATE=50}); empty by default.
     */
    static String urlOptions() {
      String options = System.getProperty("bench.h2.url-options", "").trim();
      if (!options.isEmpty() && !options.matches("(;[A-Z_]+=[A-Za-z0-9_]+)+")) {
        throw new IllegalArgumentException("bench.h2.url-options: expected ;NAME=value;…, not " + options);
      }
      return options;
    }

    @Override
    public void close() {
      // the files stay under target/bench for a look afterwards; the next run deletes them
    }
  }

  private static final class Postgres extends Database {
    private final Target admin;
    private final List<String> created = new ArrayList<>();
    private final String suffix = Long.toString(System.currentTimeMillis() / 1000);

    Postgres() {
      String url = System.getenv("COMPLAINTFLOW_TEST_POSTGRES_URL");
      if (url == null || url.isBlank()) {
        throw new IllegalStateException("PostgreSQL benchmarks need COMPLAINTFLOW_TEST_POSTGRES_URL, _USER and "
            + "_PASSWORD (a role that may create databases): eval \"$(bash .ci/postgres.sh start)\", or run with "
            + "-Dbench.databases=h2");
      }
      admin = new Target(url, System.getenv("COMPLAINTFLOW_TEST_POSTGRES_USER"),
          System.getenv("COMPLAINTFLOW_TEST_POSTGRES_PASSWORD"));
    }

    @Override
    String name() {
      return "postgres";
    }

    @Override
    boolean isPostgres() {
      return true;
    }

    @Override
    Target create(String purpose) {
      String database = database(purpose);
      execute("create database " + database);
      created.add(database);
      return target(database);
    }

    /**
     * Autovacuum vacuums and analyses a table once enough of it has changed, in whatever time the server has: after a
     * seeding that wrote {@code bench.complaints} complaints in one go it works through every large table at once,
     * beside whatever is measured next (a node starting on the data). {@code VACUUM (ANALYZE)} does that work
     * before, on both sides alike, as the idle time between an installation's complaints does.
     */
    @Override
    String settle(String purpose) {
      String database = database(purpose);
      long start = System.nanoTime();
      try (Connection c = target(database).connect(); Statement s = c.createStatement()) {
        s.execute("vacuum (analyze)");
      } catch (SQLException e) {
        throw new IllegalStateException("vacuum (analyze) of " + database + ": " + e.getMessage(), e);
      }
      return String.format(Locale.ROOT, "%s: VACUUM (ANALYZE) in %.0f s", purpose,
          (System.nanoTime() - start) / 1e9);
    }

    private String database(String purpose) {
      return "bench_" + purpose + "_" + suffix;
    }

    private Target target(String database) {
      String url = admin.url().replaceFirst("/[^/?]*(\\?.*)?$", "/" + database + "$1");
      return new Target(url, admin.user(), admin.password());
    }

    /**
     * Drops the run's databases, unless {@code -Dbench.postgres.keep=true}: then they stay (named in the log) for
     * looking into afterwards, e.g. profiling a node started on the seeded data.
     */
    @Override
    public void close() {
      if (Boolean.getBoolean("bench.postgres.keep")) {
        System.err.println("[bench] kept " + created + " (bench.postgres.keep)");
        return;
      }
      for (String database : created) {
        try {
          execute("drop database if exists " + database + " with (force)");
        } catch (RuntimeException e) {
          System.err.println("[bench] could not drop " + database + ": " + e.getMessage());
        }
      }
    }

    private void execute(String sql) {
      try (Connection c = admin.connect(); Statement s = c.createStatement()) {
        s.execute(sql);
      } catch (SQLException e) {
        throw new IllegalStateException(sql + ": " + e.getMessage(), e);
      }
    }
  }

  static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
