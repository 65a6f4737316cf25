package io.complaintflow.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The results file ({@code <bench.out>/results.md}): the machine, the settings, and per database a table of each
 * measure with ComplaintFlow's figure, bare Camunda's, their ratio and the target. Rewritten after every database,
 * so that what was measured survives a failure later on.
 */
final class Report {

  /** One line of a database's table. {@code met} is "yes", "no" or "" (no target). */
  record Row(String measure, String complaintFlow, String bare, String ratio, String target, String met) {
  }

  static final class Section {
    final String database;
    final List<Row> rows = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    String failure;

    Section(String database) {
      this.database = database;
    }

    void row(String measure, String complaintFlow, String bare, String ratio, String target, Boolean met) {
      rows.add(new Row(measure, complaintFlow, bare, ratio, target, met == null ? "" : met ? "yes" : "**no**"));
      System.out.printf("[bench] %s | %s | ComplaintFlow %s | bare %s | %s | target %s%n", database, measure,
          complaintFlow, bare, ratio, target);
    }

    void note(String format, Object... args) {
      String line = String.format(Locale.ROOT, format, args);
      notes.add(line);
      System.out.println("[bench] " + database + ": " + line);
    }
  }

  private final Settings settings;
  private final Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private final String loadAtStart = loadAverage();
  private final List<Section> sections = new ArrayList<>();

  Report(Settings settings) {
    this.settings = settings;
  }

  Section section(String database) {
    Section s = new Section(database);
    sections.add(s);
    return s;
  }

  Path write() {
    StringBuilder md = new StringBuilder();
    md.append("# ComplaintFlow benchmarks\n\n");
    md.append("Run ").append(started).append(" – ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS))
        .append(" (UTC).\n\n");
    md.append("- machine: ").append(cpu()).append(", ").append(Runtime.getRuntime().availableProcessors())
        .append(" cores, ").append(memory()).append("; load average at start ").append(loadAtStart)
        .append(", at end ").append(loadAverage()).append('\n');
    md.append("- Java ").append(System.getProperty("java.vm.version")).append(" (")
        .append(System.getProperty("java.vm.name")).append("), every application JVM with -Xmx")
        .append(settings.heap()).append('\n');
    md.append(String.format(Locale.ROOT, "- scale: bench.complaints=%d, bench.timers=%d, bench.paced-timers=%d, "
            + "bench.intake.seconds=%d, bench.clients=%d, bench.samples=%d%n", settings.complaints(), settings.timers(),
        settings.pacedTimers(), settings.intakeSeconds(), settings.clients(), settings.samples()));
    if (!Database.H2.urlOptions().isEmpty() && settings.databases().contains("h2")) {
      md.append("- H2 URL options on both sides (bench.h2.url-options): `").append(Database.H2.urlOptions())
          .append("`\n");
    }
    md.append("- ratio: ComplaintFlow ÷ bare Camunda, both measured in this run on the same kind of database "
        + "(see README \"Benchmarks\" for what each side does)\n");
    for (Section s : sections) {
      md.append("\n## ").append(s.database.equals("h2") ? "H2 (file)" : "PostgreSQL").append("\n\n");
      md.append("| measure | ComplaintFlow | bare Camunda | ratio | target | met |\n");
      md.append("|---|---|---|---|---|---|\n");
      for (Row r : s.rows) {
        md.append("| ").append(r.measure()).append(" | ").append(r.complaintFlow()).append(" | ").append(r.bare())
            .append(" | ").append(r.ratio()).append(" | ").append(r.target()).append(" | ").append(r.met())
            .append(" |\n");
      }
      if (s.failure != null) {
        md.append("\n**The run on this database stopped early:** ").append(s.failure).append('\n');
      }
      if (!s.notes.isEmpty()) {
        md.append('\n');
        for (String n : s.notes) {
          md.append("- ").append(n).append('\n');
        }
      }
    }
    Path file = settings.out().resolve("results.md");
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, md, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  private static String cpu() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(System.getProperty("os.arch"));
    } catch (IOException | RuntimeException e) {
      return System.getProperty("os.arch");
    }
  }

  private static String memory() {
    try {
      return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
          .map(l -> Math.round(Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0) + " GB RAM").findFirst()
          .orElse("");
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  private static String loadAverage() {
    return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }
}
