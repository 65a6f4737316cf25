package io.complaintflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTests {

  private static final String OPTIONS = "bench.h2.url-options";

  @TempDir
  Path work;

  @AfterEach
  void clearOptions() {
    System.clearProperty(OPTIONS);
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
}
