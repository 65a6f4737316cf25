package io.complaintflow.api.postgres;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The PostgreSQL server the PostgreSQL tests run against: a real one, given by environment variables (a server
 * started inside the test JVM cannot run here, PostgreSQL refuses to run as root). Each test class gets a database of
 * its own, created through the configured role and dropped afterwards, so runs never see each other's data.
 *
 * <p>Without the variables the tests are aborted with a message that says how to get a server, except under
 * {@code CI=true}, where they fail: CI never skips them.
 */
final class PostgresServer {

  static final String URL = "COMPLAINTFLOW_TEST_POSTGRES_URL";
  static final String USER = "COMPLAINTFLOW_TEST_POSTGRES_USER";
  static final String PASSWORD = "COMPLAINTFLOW_TEST_POSTGRES_PASSWORD";

  private static final Pattern JDBC_URL = Pattern.compile("^(jdbc:postgresql://[^/?]+/)([^?]*)(\\?.*)?$");

  private PostgresServer() {
  }

  /** A database of its own on the server: where the application under test keeps everything. */
  record Database(String name, String url, String user, String password) {

    /** A small pool for the test's own look into the database. */
    HikariDataSource dataSource() {
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(url);
      config.setUsername(user);
      config.setPassword(password);
      config.setMaximumPoolSize(3);
      config.setPoolName("test-" + name);
      return new HikariDataSource(config);
    }

    /** Drops the database, disconnecting whoever is still connected to it. */
    void drop() {
      admin("drop database if exists " + name + " with (force)");
    }
  }

  /**
   * Creates a fresh database, e.g. {@code cf_cluster_20261123_101500_4711}: aborts (or, under CI, fails) the calling
   * tests when no server is configured.
   */
  static Database freshDatabase(String purpose) {
    requireConfigured();
    String name = "cf_" + purpose + "_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss"))
        + "_" + ThreadLocalRandom.current().nextInt(1000, 10000);
    admin("create database " + name);
    Matcher m = JDBC_URL.matcher(System.getenv(URL));
    if (!m.matches()) {
      fail(URL + " must look like jdbc:postgresql://host:port/database, not " + System.getenv(URL));
    }
    String url = m.group(1) + name + (m.group(3) == null ? "" : m.group(3));
    return new Database(name, url, System.getenv(USER), System.getenv(PASSWORD));
  }

  private static void requireConfigured() {
    if (isSet(URL) && isSet(USER) && System.getenv(PASSWORD) != null) {
      return;
    }
    String how = "The PostgreSQL tests need a PostgreSQL server: set " + URL + " (jdbc:postgresql://host:port/database), "
        + USER + " and " + PASSWORD + " for a role that may create databases. For a throwaway server on this "
        + "machine (Debian's postgresql package): eval \"$(bash .ci/postgres.sh start)\" sets them (it prints the "
        + "three export lines); bash .ci/postgres.sh stop removes it.";
    if ("true".equals(System.getenv("CI"))) {
      fail("CI=true: the PostgreSQL tests never skip. " + how + " (.ci/run does this.)");
    }
    String message = "No PostgreSQL server configured, PostgreSQL tests not run. " + how;
    System.out.println("[postgres] " + message);
    Assumptions.abort(message);
  }

  private static boolean isSet(String variable) {
    String value = System.getenv(variable);
    return value != null && !value.isBlank();
  }

  private static void admin(String sql) {
    try (Connection c = DriverManager.getConnection(System.getenv(URL), System.getenv(USER), System.getenv(PASSWORD));
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL at " + System.getenv(URL) + " as " + System.getenv(USER) + ": " + sql
          + " failed (is the server running, may the role create databases?)", e);
    }
  }
}
