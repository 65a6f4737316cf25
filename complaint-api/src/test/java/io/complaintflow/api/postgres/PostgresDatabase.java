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
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The one way the PostgreSQL tests get their server: a database of their own on a real PostgreSQL server, given by
 * environment variables (a server started inside the test JVM cannot run here: PostgreSQL refuses to run as root).
 * A test class declares {@code @RegisterExtension static final PostgresDatabase db = PostgresDatabase.fresh("app");}
 * and gets a new database, created through the configured role before its tests and dropped after them, so runs
 * never see each other's data.
 *
 * <p>Without the variables each test is skipped with a message that says how to get a server, except under
 * {@code CI=true}, where the class fails: CI never skips them.
 */
final class PostgresDatabase implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

  static final String URL = "COMPLAINTFLOW_TEST_POSTGRES_URL";
  static final String USER = "COMPLAINTFLOW_TEST_POSTGRES_USER";
  static final String PASSWORD = "COMPLAINTFLOW_TEST_POSTGRES_PASSWORD";

  private static final Pattern JDBC_URL = Pattern.compile("^(jdbc:postgresql://[^/?]+/)([^?]*)(\\?.*)?$");

  private final String purpose;
  private String notConfigured;
  private String name;
  private String url;
  private HikariDataSource dataSource;
  private JdbcTemplate jdbc;

  private PostgresDatabase(String purpose) {
    this.purpose = purpose;
  }

  /** A fresh database for a test class, e.g. {@code cf_cluster_20261123_101500_4711}. */
  static PostgresDatabase fresh(String purpose) {
    return new PostgresDatabase(purpose);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    notConfigured = missingServer();
    if (notConfigured != null) {
      if ("true".equals(System.getenv("CI"))) {
        fail("CI=true: the PostgreSQL tests never skip. " + notConfigured + " (.ci/run does this.)");
      }
      System.out.println("[postgres] " + context.getDisplayName() + " not run: " + notConfigured);
      return;
    }
    Matcher m = JDBC_URL.matcher(System.getenv(URL));
    if (!m.matches()) {
      fail(URL + " must look like jdbc:postgresql://host:port/database, not " + System.getenv(URL));
    }
    name = "cf_" + purpose + "_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss")) + "_"
        + ThreadLocalRandom.current().nextInt(1000, 10000);
    admin("create database " + name);
    url = m.group(1) + name + (m.group(3) == null ? "" : m.group(3));
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (notConfigured != null) {
      Assumptions.abort("No PostgreSQL server configured. " + notConfigured);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (dataSource != null) {
      dataSource.close();
    }
    if (name != null) {
      // whoever is still connected (a node that would not die) is disconnected
      admin("drop database if exists " + name + " with (force)");
    }
  }

  String url() {
    return url;
  }

  String user() {
    return System.getenv(USER);
  }

  String password() {
    return System.getenv(PASSWORD);
  }

  /** The test's own look into the database (a small pool of its own). */
  JdbcTemplate jdbc() {
    if (jdbc == null) {
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(url);
      config.setUsername(user());
      config.setPassword(password());
      config.setMaximumPoolSize(3);
      config.setPoolName("test-" + name);
      dataSource = new HikariDataSource(config);
      jdbc = new JdbcTemplate(dataSource);
    }
    return jdbc;
  }

  private static String missingServer() {
    String url = System.getenv(URL);
    String user = System.getenv(USER);
    if (url != null && !url.isBlank() && user != null && !user.isBlank() && System.getenv(PASSWORD) != null) {
      return null;
    }
    return "The PostgreSQL tests need a PostgreSQL server: set " + URL + " (jdbc:postgresql://host:port/database), "
        + USER + " and " + PASSWORD + " for a role that may create databases. For a throwaway server on this "
        + "machine (Debian's postgresql package): eval \"$(bash .ci/postgres.sh start)\" sets them (it prints the "
        + "three export lines); bash .ci/postgres.sh stop removes it.";
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
