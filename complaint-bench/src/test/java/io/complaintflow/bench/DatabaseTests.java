package io.complaintflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTests {

  private static final String OPTIONS = "bench.h2.url-options";
  private static final String COMPACT = "bench.h2.compact-after-seeding";

  @TempDir
  Path work;

  @AfterEach
  void clearOptions() {
    System.clearProperty(OPTIONS);
    System.clearProperty(COMPACT);
  }

  @Test
  void anH2DatabaseIsAFileOfItsOwnWithTheServerModeAndNoOtherSettingsByDefault() {
    try (Database h2 = Database.of("h2", work)) {
      assertThat(h2.create("complaintflow").url()).isEqualTo("jdbc:h2:file:"
          + work.resolve("h2").resolve("complaintflow").resolve("db").toAbsolutePath() + ";AUTO_SERVER=TRUE");
    }
  }

  @Test
  void h2SettingsGivenForTheRunAreAppendedToEveryUrl() {
    System.setProperty(OPTIONS, ";AUTO_COMPACT_FILL_RATE=50;CACHE_SIZE=32768");
    try (Database h2 = Database.of("h2", work)) {
      assertThat(h2.create("bare").url()).endsWith(";AUTO_SERVER=TRUE;AUTO_COMPACT_FILL_RATE=50;CACHE_SIZE=32768");
      assertThat(h2.create("complaintflow").url()).endsWith(";AUTO_COMPACT_FILL_RATE=50;CACHE_SIZE=32768");
    }
  }

  @Test
  void anythingButH2SettingsIsRefused() {
    System.setProperty(OPTIONS, "AUTO_COMPACT_FILL_RATE=50;INIT=RUNSCRIPT FROM 'x.sql'");
    try (Database h2 = Database.of("h2", work)) {
      assertThatThrownBy(() -> h2.create("bare")).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("bench.h2.url-options");
    }
  }

  @Test
  void afterSeedingAnH2FileIsCompactedAndKeepsEveryRow() throws Exception {
    // no compaction when a connection closes the database (H2 spends up to 200 ms on it by default), so that only
    // settle() can shrink the file
    System.setProperty(OPTIONS, ";MAX_COMPACT_TIME=0");
    try (Database h2 = Database.of("h2", work)) {
      Database.Target target = h2.create("complaintflow");
      churn(target);
      Path file = work.resolve("h2").resolve("complaintflow").resolve("db.mv.db");
      long before = Files.size(file);

      String note = h2.settle("complaintflow");

      long after = Files.size(file);
      assertThat(after).isLessThan(before / 2);
      Matcher m = Pattern.compile("complaintflow: (\\d+\\.\\d\\d) → (\\d+\\.\\d\\d) GB in \\d+ s").matcher(note);
      assertThat(m.matches()).as(note).isTrue();
      assertThat(Double.parseDouble(m.group(1))).isEqualTo(Math.round(before / 1e7) / 100.0);
      assertThat(Double.parseDouble(m.group(2))).isEqualTo(Math.round(after / 1e7) / 100.0);
      try (Connection c = target.connect(); Statement s = c.createStatement();
          ResultSet r = s.executeQuery("select count(*), sum(length(v)) from t")) {
        r.next();
        assertThat(r.getLong(1)).isEqualTo(1000);
        assertThat(r.getLong(2)).isEqualTo(1000L * 2000);
      }
    }
  }

  @Test
  void anH2FileIsLeftAsTheSeedingWroteItWhenTheRunSaysSo() throws Exception {
    System.setProperty(OPTIONS, ";MAX_COMPACT_TIME=0");
    System.setProperty(COMPACT, "false");
    try (Database h2 = Database.of("h2", work)) {
      churn(h2.create("bare"));
      Path file = work.resolve("h2").resolve("bare").resolve("db.mv.db");
      long before = Files.size(file);

      assertThat(h2.settle("bare")).isNull();

      assertThat(Files.size(file)).isEqualTo(before);
    }
  }

  @Test
  void afterSeedingAPostgresDatabaseIsVacuumedAndAnalysedAndItIsDroppedAtTheEnd() throws Exception {
    requirePostgres();
    String name;
    try (Database pg = Database.of("postgres", work)) {
      Database.Target target = pg.create("complaintflow");
      name = target.url().replaceFirst("^.*/([^/?]+)(\\?.*)?$", "$1");
      assertThat(name).startsWith("bench_complaintflow_");
      try (Connection c = target.connect(); Statement s = c.createStatement()) {
        s.execute("create table t (id int primary key, v varchar(100))");
        s.execute("insert into t select i, repeat('x', 100) from generate_series(1, 20000) i");
        s.execute("delete from t where id > 5000");
      }

      String note = pg.settle("complaintflow");

      assertThat(note).matches("complaintflow: VACUUM \\(ANALYZE\\) in \\d+ s");
      try (Connection c = target.connect(); Statement s = c.createStatement();
          ResultSet r = s.executeQuery("select reltuples, relallvisible from pg_class where relname = 't'")) {
        r.next();
        // ANALYZE counted the live rows (never analysed: -1); VACUUM marked the pages all-visible (before: 0)
        assertThat(r.getDouble(1)).isEqualTo(5000);
        assertThat(r.getInt(2)).isPositive();
      }
    }
    try (Connection c = java.sql.DriverManager.getConnection(System.getenv(PG_URL), System.getenv(PG_USER),
        System.getenv(PG_PASSWORD)); PreparedStatement q = c.prepareStatement(
            "select count(*) from pg_database where datname = ?")) {
      q.setString(1, name);
      try (ResultSet r = q.executeQuery()) {
        r.next();
        assertThat(r.getLong(1)).as("dropped on close").isZero();
      }
    }
  }

  private static final String PG_URL = "COMPLAINTFLOW_TEST_POSTGRES_URL";
  private static final String PG_USER = "COMPLAINTFLOW_TEST_POSTGRES_USER";
  private static final String PG_PASSWORD = "COMPLAINTFLOW_TEST_POSTGRES_PASSWORD";

  /** As the application's PostgreSQL tests: skipped with how to get a server, but never under CI=true. */
  private static void requirePostgres() {
    String url = System.getenv(PG_URL);
    if (url != null && !url.isBlank() && System.getenv(PG_USER) != null && System.getenv(PG_PASSWORD) != null) {
      return;
    }
    String how = "needs a PostgreSQL server: " + PG_URL + ", " + PG_USER + " and " + PG_PASSWORD
        + " for a role that may create databases (eval \"$(bash .ci/postgres.sh start)\" sets them)";
    if ("true".equals(System.getenv("CI"))) {
      org.junit.jupiter.api.Assertions.fail("CI=true: the PostgreSQL tests never skip; this one " + how);
    }
    org.junit.jupiter.api.Assumptions.abort("This test " + how);
  }

  /** Rows written, rewritten and mostly deleted, one commit each, as a seeding leaves them: dead chunks. */
  private static void churn(Database.Target target) throws SQLException {
    try (Connection c = target.connect()) {
      try (Statement s = c.createStatement()) {
        s.execute("create table t (id int primary key, v varchar(4000))");
      }
      try (PreparedStatement insert = c.prepareStatement("insert into t values (?, ?)");
          PreparedStatement update = c.prepareStatement("update t set v = ? where id = ?")) {
        for (int i = 0; i < 5000; i++) {
          insert.setInt(1, i);
          insert.setString(2, String.valueOf((char) ('a' + i % 26)).repeat(2000));
          insert.executeUpdate();
        }
        for (int round = 0; round < 3; round++) {
          for (int i = 0; i < 5000; i++) {
            update.setString(1, String.valueOf((char) ('A' + (i + round) % 26)).repeat(2000));
            update.setInt(2, i);
            update.executeUpdate();
          }
        }
      }
      try (Statement s = c.createStatement()) {
        s.execute("delete from t where id >= 1000");
      }
    }
  }
}
