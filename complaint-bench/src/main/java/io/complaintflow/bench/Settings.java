package io.complaintflow.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What a run measures, from system properties (the {@code bench} profile of complaint-bench/pom.xml passes them;
 * {@code -Dbench.complaints=20000} on the Maven command line overrides).
 *
 * @param complaints open complaints (and bare open tasks) for the task list, memory and start-up benchmarks
 * @param timers SLA warnings (and bare timer jobs) made due at one moment
 * @param pacedTimers timers made due one after another (5 a second), to see how late an idle executor fires them
 * @param databases {@code h2} and/or {@code postgres}
 * @param intakeSeconds how long each side is loaded with intake requests (after a warm-up of a quarter of that)
 * @param clients concurrent HTTP clients filing complaints
 * @param samples timed runs of each task-list query (after a few untimed ones)
 * @param startups starts of each side on an empty database and on the seeded data, for the start-ups (the median of
 *     each is reported)
 * @param heap the maximum heap ({@code -Xmx}) of every application JVM
 * @param appJar the packaged ComplaintFlow application
 * @param nodeExtension the jar with the seeding extension, put on a node's loader.path
 * @param out where results, logs and the H2 databases go
 */
record Settings(int complaints, int timers, int pacedTimers, List<String> databases, int intakeSeconds, int clients,
    int samples, int startups, String heap, Path appJar, Path nodeExtension, Path out) {

  static Settings fromSystemProperties() {
    Settings s = new Settings(
        Integer.getInteger("bench.complaints", 100_000),
        Integer.getInteger("bench.timers", 10_000),
        Integer.getInteger("bench.paced-timers", 300),
        Arrays.stream(System.getProperty("bench.databases", "h2,postgres").split(",")).map(String::trim)
            .filter(d -> !d.isEmpty()).toList(),
        Integer.getInteger("bench.intake.seconds", 60),
        Integer.getInteger("bench.clients", 8),
        Integer.getInteger("bench.samples", 40),
        Integer.getInteger("bench.startups", 3),
        System.getProperty("bench.heap", "512m"),
        Path.of(System.getProperty("bench.app.jar", "../complaint-api/target/complaintflow.jar")).toAbsolutePath()
            .normalize(),
        Path.of(System.getProperty("bench.node.extension", "target/complaint-bench-0.1.0-SNAPSHOT-node-extension.jar"))
            .toAbsolutePath().normalize(),
        Path.of(System.getProperty("bench.out", "target/bench")).toAbsolutePath().normalize());
    for (Path jar : List.of(s.appJar, s.nodeExtension)) {
      if (!Files.isRegularFile(jar)) {
        throw new IllegalStateException(jar + " is missing: run ./mvnw -o -pl complaint-bench -am -Pbench verify");
      }
    }
    if (s.startups < 1) {
      throw new IllegalStateException("bench.startups must be at least 1");
    }
    if (s.complaints < s.timers + s.pacedTimers) {
      throw new IllegalStateException("bench.complaints must be at least bench.timers + bench.paced-timers");
    }
    return s;
  }
}
