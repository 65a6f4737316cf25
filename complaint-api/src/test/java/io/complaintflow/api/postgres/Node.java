package io.complaintflow.api.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.TimeUnit;

import io.complaintflow.api.Api;

/**
 * One application node: the packaged jar ({@code complaint-api/target/complaintflow.jar}) in a JVM of its own with
 * the {@code postgres} profile, its own port and the environment a production node gets, so that it can be stopped
 * cleanly (SIGTERM) or killed (SIGKILL) like a real one. Its output goes to {@code target/cluster-it/<name>.log}.
 */
final class Node {

  static final String TRACKING_SECRET = "cluster-tests-tracking-secret-0123456789";

  private final String name;
  private final int port;
  private final Path log;
  private final Process process;
  private final Thread killOnExit;

  private Node(String name, int port, Path log, Process process) {
    this.name = name;
    this.port = port;
    this.log = log;
    this.process = process;
    // nothing of ours outlives the test JVM, whatever happens to the test
    this.killOnExit = new Thread(process::destroyForcibly, "kill-" + name);
    Runtime.getRuntime().addShutdownHook(killOnExit);
  }

  /**
   * Starts a node on the database. Its name is also the engine's host name, by which the job log
   * ({@code ACT_HI_JOB_LOG.HOSTNAME_}) tells which node ran a job (all nodes run on this one machine).
   */
  static Node start(String name, PostgresDatabase db, String... arguments) {
    Path dir = Path.of("target", "cluster-it");
    Path log = dir.resolve(name + ".log");
    int port = freePort();
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx384m", "-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8",
        // Camunda keeps timestamps without time zone, in the JVM's: every node and this test use the same one
        "-Duser.timezone=" + TimeZone.getDefault().getID(),
        "-jar", jar().toString(),
        "--server.port=" + port,
        "--camunda.bpm.generic-properties.properties.hostname=" + name));
    command.addAll(List.of(arguments));
    try {
      Files.createDirectories(dir);
      ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
          .redirectOutput(log.toFile());
      Map<String, String> env = pb.environment();
      env.keySet().removeIf(k -> k.startsWith("COMPLAINTFLOW_") || k.startsWith("SPRING_") || k.startsWith("CAMUNDA_"));
      env.put("SPRING_PROFILES_ACTIVE", "postgres");
      env.put("COMPLAINTFLOW_DB_URL", db.url());
      env.put("COMPLAINTFLOW_DB_USERNAME", db.user());
      env.put("COMPLAINTFLOW_DB_PASSWORD", db.password());
      env.put("COMPLAINTFLOW_INTAKE_TRACKING_SECRET", TRACKING_SECRET);
      return new Node(name, port, log, pb.start());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start node " + name, e);
    }
  }

  private static Path jar() {
    Path jar = Path.of(System.getProperty("complaintflow.jar", "target/complaintflow.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar.toAbsolutePath() + " is missing: the cluster test runs the packaged "
          + "application (./mvnw verify builds it in the package phase)");
    }
    return jar;
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until the node answers ready; fails early, with its last log lines, when it died on the way. */
  Node awaitReady(Duration timeout) {
    Api api = api();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting:\n" + tail(40));
      }
      try {
        if (api.get("/actuator/health/readiness").send().status() == 200) {
          return this;
        }
      } catch (RuntimeException notYet) {
        // not listening yet
      }
      sleep(300);
    }
    throw new IllegalStateException(name + " not ready after " + timeout + ":\n" + tail(40));
  }

  Api api() {
    return new Api(port);
  }

  String name() {
    return name;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** kill -9: no shutdown hook, no graceful end of the job executor, open transactions left to the database. */
  void kill() {
    process.destroyForcibly();
    waitFor(Duration.ofSeconds(30));
  }

  /** Stops the node as an operator would (SIGTERM, graceful shutdown); kills it if it takes longer than that. */
  void stop(Duration grace) {
    if (process.isAlive()) {
      process.destroy();
      if (!waitFor(grace)) {
        kill();
      }
    }
    try {
      Runtime.getRuntime().removeShutdownHook(killOnExit);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs anyway
    }
  }

  private boolean waitFor(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  String tail(int lines) {
    try {
      List<String> all = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
